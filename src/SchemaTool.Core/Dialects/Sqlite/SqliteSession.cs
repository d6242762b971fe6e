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

    public IDialect Dialect => dialect;
    public DbConnection Connection => connection;
    public int StatementsSent { get; private set; }

    public DbCommand CreateCommand(string sql)
    {
        StatementsSent++;
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }

    public string Quote(string identifier) => SqliteSqlGenerator.Quote(identifier);

    public Task<Schema> IntrospectAsync(CancellationToken ct) =>
        new SqliteIntrospector(this, new HashSet<string>(StringComparer.Ordinal) { HistoryTable.DefaultName, "schematool_lock" }).ReadAsync(ct);

    public async Task<bool> TableExistsAsync(string table, CancellationToken ct)
    {
        await using var cmd = CreateCommand("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = @name");
        cmd.Parameters.Add(new SqliteParameter("@name", table));
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) > 0;
    }

    public string HistoryTableDdl(string tableName) =>
        $"CREATE TABLE IF NOT EXISTS {Quote(tableName)} (revision TEXT NOT NULL PRIMARY KEY, parents TEXT NOT NULL, message TEXT NOT NULL, " +
        "checksum TEXT NOT NULL, applied_at TEXT NOT NULL, duration_ms INTEGER NOT NULL, statements_done INTEGER NOT NULL, " +
        "statements_total INTEGER NOT NULL, complete INTEGER NOT NULL)";

    public async Task<IAsyncDisposable> AcquireLockAsync(TimeSpan timeout, Action<string> onWait, CancellationToken ct)
    {
        await ExecuteAsync("PRAGMA busy_timeout = 100", ct);
        await ExecuteAsync("PRAGMA foreign_keys = OFF", ct);
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

    private sealed class Lock(SqliteSession session) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (!session._inTransaction) return;
            session._inTransaction = false;
            await session.ExecuteAsync("COMMIT", CancellationToken.None);
            await session.ExecuteAsync("PRAGMA foreign_keys = ON", CancellationToken.None);
        }
    }

    public async Task RunStepAsync(MigrationStep step, CancellationToken ct)
    {
        if (!_inTransaction) throw new InvalidOperationException("a revision runs only under the migration lock");
        var clock = Stopwatch.StartNew();
        await ExecuteAsync("SAVEPOINT schematool_revision", ct);
        var index = 0;
        try
        {
            // Many SQLite databases have lived with foreign_keys off and hold orphans already; a revision fails
            // only for the violations it adds, or no revision could run on them at all.
            var violationsBefore = await ForeignKeyViolationsAsync(ct);
            for (; index < step.Statements.Count; index++)
            {
                await ExecuteAsync(step.Statements[index], ct);
                step.Progress?.Report(new StatementProgress(index, step.Statements.Count, step.Statements[index], clock.Elapsed));
            }
            await CheckForeignKeysAsync(violationsBefore, ct);
            if (step.Direction == Direction.Up)
                await step.History.InsertAsync(step.Revision, step.Statements.Count, step.Statements.Count, complete: true, clock.ElapsedMilliseconds, ct);
            else
                await step.History.DeleteAsync(step.Revision.Id, ct);
            await ExecuteAsync("RELEASE schematool_revision", ct);
        }
        catch (Exception e) when (e is SqliteException or ForeignKeyViolation)
        {
            await ExecuteAsync("ROLLBACK TO schematool_revision", CancellationToken.None);
            await ExecuteAsync("RELEASE schematool_revision", CancellationToken.None);
            // Every statement ran; naming the last one as the failure would send the user to the wrong line.
            if (e is ForeignKeyViolation)
                throw new StepFailedException(
                    $"revision {step.Revision.Id} failed the foreign key check after its {step.Statements.Count} statement(s) " +
                    $"({Revisions.RevisionFolder.Display(step.Direction == Direction.Up ? step.Revision.UpPath : step.Revision.DownPath)}):\n" +
                    $"{e.Message}\nthe revision was rolled back whole; the database is still at its previous revision; " +
                    "fix the rows (or the revision) and run it again", e);
            if (step.Statements.Count == 0)
                throw new StepFailedException($"revision {step.Revision.Id} failed: {e.Message}\nthe revision was rolled back whole; the database is still at its previous revision", e);
            throw StepFailedException.For(step, Math.Min(index, step.Statements.Count - 1), e, rolledBack: true);
        }
    }

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
        if (problems.Count > 0) throw new ForeignKeyViolation("foreign key check failed: " + string.Join("; ", problems));
    }

    private sealed class ForeignKeyViolation(string message) : Exception(message);

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
