using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SchemaTool.Apply;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// A SQLite file. The migration lock is an immediate transaction held for the whole run (with foreign keys
/// off, as table rebuilds need); each revision is a savepoint inside it, checked with foreign_key_check.
/// </summary>
internal sealed partial class SqliteSession(SqliteDialect dialect, SqliteConnection connection) : IDatabaseSession
{
    private bool _inTransaction;
    private bool _unitOpen;
    private Dictionary<(string Table, string Parent), long> _violationsBefore = [];

    public IDialect Dialect => dialect;
    public DbConnection Connection => connection;
    public int StatementsSent { get; private set; }

    /// <summary>
    /// How long a read waits for a writer that holds the file (Microsoft.Data.Sqlite retries a busy database until
    /// CommandTimeout, 30 s by default). `apply` keeps its changes in memory until it commits (see
    /// <see cref="MemoryBeforeSpill"/>), so readers see the state before it and wait at most for its commit; a read
    /// that still finds the file locked fails soon, saying why, instead of after 30 s with "database is locked".
    /// </summary>
    private const int ReadWaitSeconds = 2;

    /// <summary>
    /// The changes a run keeps in memory before SQLite may write them to the file mid-transaction, which takes the
    /// file's EXCLUSIVE lock and shuts readers out until the commit. Above this, a very large rebuild spills as usual.
    /// </summary>
    private const long MemoryBeforeSpill = 256L << 20;

    public DbCommand CreateCommand(string sql)
    {
        StatementsSent++;
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        if (!_inTransaction) cmd.CommandTimeout = ReadWaitSeconds;
        return cmd;
    }

    public string Quote(string identifier) => SqliteSqlGenerator.Quote(identifier);

    public Task<Schema> IntrospectAsync(CancellationToken ct) => IntrospectAsync(HistoryTable.DefaultName, ct);

    public Task<ITypeCatalog> ReadTypeCatalogAsync(CancellationToken ct) => Task.FromResult<ITypeCatalog>(SqliteTypeCatalog.Instance);

    public Task<Schema> IntrospectAsync(string historyTable, CancellationToken ct) =>
        WhenWritersAllowAsync(() => new SqliteIntrospector(this, HistoryTable.ToolTables(historyTable)).ReadAsync(ct));

    public Task<bool> TableExistsAsync(string table, CancellationToken ct) => WhenWritersAllowAsync(async () =>
    {
        await using var cmd = CreateCommand("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = @name");
        cmd.Parameters.Add(new SqliteParameter("@name", table));
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) > 0;
    });

    /// <summary>A read that finds the file locked by a writer says so, and who that usually is.</summary>
    private async Task<T> WhenWritersAllowAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && !_inTransaction)
        {
            throw new DatabaseException(
                $"{Path.GetFileName(connection.DataSource)} is locked by a connection that is writing to it (waited {ReadWaitSeconds} s): a schematool apply " +
                "or rollback holds it until it commits, or another program is writing. Run this again when it has finished", e);
        }
    }

    public string HistoryTableDdl(string tableName) =>
        $"CREATE TABLE IF NOT EXISTS {Quote(tableName)} (revision TEXT NOT NULL PRIMARY KEY, parents TEXT NOT NULL, message TEXT NOT NULL, " +
        "checksum TEXT NOT NULL, applied_at TEXT NOT NULL, duration_ms INTEGER NOT NULL, statements_done INTEGER NOT NULL, " +
        "statements_total INTEGER NOT NULL, complete INTEGER NOT NULL, down_checksum TEXT NULL)";

    public async Task<IAsyncDisposable> AcquireLockAsync(TimeSpan timeout, Action<string> onWait, CancellationToken ct)
    {
        await ExecuteAsync("PRAGMA busy_timeout = 100", ct);
        await ExecuteAsync("PRAGMA foreign_keys = OFF", ct);
        await ExecuteAsync($"PRAGMA cache_spill = {MemoryBeforeSpill / await PageSizeAsync(ct)}", ct);
        var clock = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                await using (var begin = CreateCommand("BEGIN IMMEDIATE"))
                {
                    // Microsoft.Data.Sqlite retries a busy database by itself until CommandTimeout (30 s by default);
                    // one second per try leaves the wait message and the caller's timeout in charge.
                    begin.CommandTimeout = 1;
                    await begin.ExecuteNonQueryAsync(ct);
                }
                _inTransaction = true;
                return new Lock(this);
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
            {
                if (!told)
                {
                    onWait($"waiting for another schematool run to finish with {Path.GetFileName(connection.DataSource)} (up to {timeout.TotalSeconds:0} s)...");
                    told = true;
                }
                if (clock.Elapsed >= timeout)
                    throw new LockTimeoutException($"another schematool run holds the lock on {connection.DataSource}; gave up after {timeout.TotalSeconds:0} s");
            }
        }
    }

    private async Task<long> PageSizeAsync(CancellationToken ct)
    {
        await using var cmd = CreateCommand("PRAGMA page_size");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    private sealed class Lock(SqliteSession session) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (!session._inTransaction) return;
            try
            {
                // The revisions released so far commit; a savepoint still open is a revision that did not finish, and
                // one whose rollback failed must not be committed half: then nothing of this run is kept. (Still in
                // the transaction here, so the commit waits for readers as long as a write may.)
                await session.ExecuteAsync(session._unitOpen ? "ROLLBACK" : "COMMIT", CancellationToken.None);
            }
            finally
            {
                session._inTransaction = false;
                session._unitOpen = false;
            }
            await session.ExecuteAsync("PRAGMA foreign_keys = ON", CancellationToken.None);
        }
    }

    public bool TransactionalDdl => Dialect.TransactionalDdl;

    /// <summary>A revision's unit is a savepoint in the lock's transaction, checked with foreign_key_check before it is released.</summary>
    public async Task BeginUnitAsync(CancellationToken ct)
    {
        if (!_inTransaction) throw new InvalidOperationException("a revision runs only under the migration lock");
        await ExecuteAsync("SAVEPOINT schematool_revision", ct);
        _unitOpen = true;
        // Many SQLite databases have lived with foreign_keys off and hold orphans already; a revision fails
        // only for the violations it adds, or no revision could run on them at all.
        _violationsBefore = await ForeignKeyViolationsAsync(ct);
    }

    public async Task CommitUnitAsync(CancellationToken ct)
    {
        await CheckForeignKeysAsync(_violationsBefore, ct);
        await ExecuteAsync("RELEASE schematool_revision", ct);
        _unitOpen = false;
    }

    public async Task RollbackUnitAsync()
    {
        if (!_unitOpen) return;
        await ExecuteAsync("ROLLBACK TO schematool_revision", CancellationToken.None);
        await ExecuteAsync("RELEASE schematool_revision", CancellationToken.None);
        _unitOpen = false;
    }

    public Task ExecuteAsync(Statement statement, CancellationToken ct) => ExecuteAsync(statement.Text, ct);

    private async Task<Dictionary<(string Table, string Parent), long>> ForeignKeyViolationsAsync(CancellationToken ct)
    {
        await using var cmd = CreateCommand("SELECT \"table\", \"parent\", count(*) FROM pragma_foreign_key_check GROUP BY 1, 2");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var counts = new Dictionary<(string Table, string Parent), long>();
        while (await reader.ReadAsync(ct))
            counts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        return counts;
    }

    private async Task CheckForeignKeysAsync(Dictionary<(string Table, string Parent), long> before, CancellationToken ct)
    {
        var problems = (await ForeignKeyViolationsAsync(ct))
            .Where(v => v.Value > before.GetValueOrDefault(v.Key))
            .Select(v => $"{v.Value - before.GetValueOrDefault(v.Key)} row(s) of {v.Key.Table} reference missing rows of {v.Key.Parent}")
            .ToList();
        if (problems.Count > 0)
            throw new UnitCheckFailedException("the foreign key check", "foreign key check failed: " + string.Join("; ", problems),
                "fix the rows (or the revision) and run it again");
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        SqliteConnection.ClearPool(connection);
    }
}
