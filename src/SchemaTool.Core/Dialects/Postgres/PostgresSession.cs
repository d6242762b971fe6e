using System.Data.Common;
using Npgsql;
using SchemaTool.Apply;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>One open connection to a PostgreSQL database, working in the target's schema.</summary>
public sealed partial class PostgresSession : IDatabaseSession
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlDataSource _dataSource;
    private readonly ConnectionTarget _target;
    private int _statementsSent;

    private PostgresSession(IDialect dialect, NpgsqlDataSource dataSource, NpgsqlConnection connection, ConnectionTarget target)
    {
        Dialect = dialect;
        _dataSource = dataSource;
        _connection = connection;
        _target = target;
    }

    public static async Task<PostgresSession> OpenAsync(IDialect dialect, ConnectionTarget target, CancellationToken ct)
    {
        var dataSource = CreateDataSource(target);
        var connection = dataSource.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            await connection.DisposeAsync();
            await dataSource.DisposeAsync();
            throw new ConnectionException($"cannot connect to {target.Display}: {e.Message}", e);
        }
        // The dialect of this session knows the server's version, for what the model asks of it (PostgresValidator).
        var bound = dialect is PostgresDialect postgres ? postgres.ForServer(connection.PostgreSqlVersion.Major, target.Schema ?? PostgresTarget.DefaultSchema) : dialect;
        return new PostgresSession(bound, dataSource, connection, target);
    }

    /// <summary>
    /// Every value schematool reads is text, a boolean, an integer or a text array: built-in types whose ids Npgsql
    /// knows. So the slim builder with arrays (the full one's resolvers for JSON, ranges, geometry, ... cost start-up
    /// time; 1,000-table no-op plan 17 ms of 437) and no loading of the server's type catalog, a query Npgsql
    /// otherwise sends on the first connection (another 40 ms of 495; medians of 11-15 interleaved runs). One source
    /// per session, so the second connection of a catalog read comes from the same pool.
    /// </summary>
    private static NpgsqlDataSource CreateDataSource(ConnectionTarget target)
    {
        var builder = new NpgsqlSlimDataSourceBuilder(target.ConnectionString).EnableArrays();
        builder.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        return builder.Build();
    }

    public IDialect Dialect { get; }

    public DbConnection Connection => _connection;

    public string Schema => _target.Schema ?? PostgresTarget.DefaultSchema;

    /// <summary>Counts each command and each command of a batch; a command is created to be run once.</summary>
    public int StatementsSent => _statementsSent;

    public Task<Schema> IntrospectAsync(CancellationToken cancellationToken) => IntrospectAsync(HistoryTable.DefaultName, cancellationToken);

    public async Task<ITypeCatalog> ReadTypeCatalogAsync(CancellationToken cancellationToken)
    {
        _statementsSent++;
        return await PostgresTypeCatalog.ReadAsync(_connection, cancellationToken);
    }

    public async Task<Schema> IntrospectAsync(string historyTable, CancellationToken cancellationToken)
    {
        _statementsSent += PostgresCatalogQueries.Count;
        await using var second = await OpenSecondAsync(cancellationToken);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var schema = await PostgresIntrospector.ReadAsync(_connection, second, Schema, HistoryTable.ToolTables(historyTable), cancellationToken, rows);
        RowEstimates = rows;
        return schema;
    }

    public IReadOnlyDictionary<string, long> RowEstimates { get; private set; } = new Dictionary<string, long>();

    /// <summary>
    /// A second connection to the same server, so that the catalog queries run on two server processes at once
    /// (the columns query is a third to a half of the server's time); null where that cannot be sure to reach the
    /// same server (several hosts in the URL) or the server refuses another connection: one connection then.
    /// </summary>
    private async Task<NpgsqlConnection?> OpenSecondAsync(CancellationToken ct)
    {
        if (new NpgsqlConnectionStringBuilder(_target.ConnectionString).Host?.Contains(',') != false) return null;
        var connection = _dataSource.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            await connection.DisposeAsync();
            return null;
        }
    }

    public string HistoryTableDdl(string tableName) =>
        $"CREATE TABLE IF NOT EXISTS {Quote(tableName)} (revision text PRIMARY KEY, parents text NOT NULL, message text NOT NULL, " +
        "checksum text NOT NULL, applied_at text NOT NULL, duration_ms bigint NOT NULL, statements_done integer NOT NULL, " +
        "statements_total integer NOT NULL, complete integer NOT NULL, down_checksum text NULL)";

    public string Quote(string identifier) => PostgresSqlGenerator.Q(identifier);

    public DbCommand CreateCommand(string sql)
    {
        _statementsSent++;
        return new NpgsqlCommand(sql, _connection, _transaction);
    }

    public async Task<bool> TableExistsAsync(string table, CancellationToken cancellationToken)
    {
        await using var cmd = CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE n.nspname = @schema AND c.relname = @table AND c.relkind IN ('r', 'p'))");
        cmd.Parameters.Add(new NpgsqlParameter("schema", Schema));
        cmd.Parameters.Add(new NpgsqlParameter("table", table));
        return (bool)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_watcher is not null) await _watcher.DisposeAsync();
        await _connection.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
