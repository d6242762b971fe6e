using System.Data.Common;
using MySqlConnector;
using SchemaTool.Apply;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>One connection to a MySQL or MariaDB database.</summary>
public sealed partial class MySqlSession : IDatabaseSession
{
    private readonly MySqlConnection _connection;
    private int _statementsSent;

    private MySqlSession(MySqlDialect dialect, MySqlConnection connection)
    {
        Dialect = dialect;
        _connection = connection;
    }

    public static async Task<MySqlSession> OpenAsync(MySqlDialect dialect, ConnectionTarget target, CancellationToken ct)
    {
        var connection = new MySqlConnection(target.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
        }
        catch (MySqlException e)
        {
            await connection.DisposeAsync();
            throw new ConnectionException($"cannot connect to {target.Display}: {e.Message}", e);
        }
        // The dialect of this session knows whether the server is MariaDB or MySQL, whose online DDL differs.
        var session = new MySqlSession(dialect.ForServer(connection.ServerVersion), connection);
        try
        {
            // A Galera node that is not ready is refused first, with its own message.
            await session.DetectReplicationAsync(target.ConnectionString, ct);
            if (await UseSessionRulesAsync(connection, ct) != 0)
                session.Dialect = dialect.ForServer(connection.ServerVersion, lowerCaseTableNames: true);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
        return session;
    }

    public IDialect Dialect { get; private set; }

    /// <summary>
    /// Every session runs with the same rules whatever the server's defaults. At UTC: MySQL converts a TIMESTAMP
    /// (the portable timestamptz) from and to the session's time zone, in DEFAULT clauses and in the catalog too, so
    /// a default means one instant and the model's offset literal, normalised to UTC, reads back as written (see
    /// <see cref="MySqlDefaults"/>). Strict, and without the modes that change how SQL is read: a legacy server's
    /// non-strict mode turns a NULL into '' when a column becomes NOT NULL and cuts what a narrower column cannot
    /// hold, with only a warning; NO_BACKSLASH_ESCAPES and ANSI_QUOTES change what the literals and names the
    /// generator writes for the default rules mean. Not counted in <see cref="StatementsSent"/>: it is the same
    /// for every session.
    /// </summary>
    /// <returns>The server's lower_case_table_names, read in the same round trip.</returns>
    private static async Task<long> UseSessionRulesAsync(MySqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new MySqlCommand(SessionRules + "; SELECT @@lower_case_table_names", connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    private const string SessionRules =
        "SET time_zone = '+00:00', sql_mode = CONCAT_WS(',', 'STRICT_ALL_TABLES', NULLIF(TRIM(BOTH ',' FROM " +
        "REPLACE(REPLACE(REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',NO_BACKSLASH_ESCAPES,', ','), ',ANSI_QUOTES,', ','), ',ANSI,', ',')), ''))";

    public DbConnection Connection => _connection;

    /// <summary>Every command is made through <see cref="CreateCommand"/> to be run once, so it is counted there.</summary>
    public int StatementsSent => _statementsSent;

    public string Quote(string identifier) => MySqlText.Quote(identifier);

    public DbCommand CreateCommand(string sql) => CreateCommand(sql, _connection);

    /// <summary>A command on this session's connection or on a second one it opened (<see cref="OpenSecondAsync"/>).</summary>
    internal DbCommand CreateCommand(string sql, MySqlConnection connection)
    {
        Interlocked.Increment(ref _statementsSent);
        return new MySqlCommand(sql, connection) { CommandTimeout = 0 };
    }

    public Task<Schema> IntrospectAsync(CancellationToken cancellationToken) => IntrospectAsync(HistoryTable.DefaultName, cancellationToken);

    // The version the server announced when the connection opened tells MariaDB apart: no statement needed.
    public Task<ITypeCatalog> ReadTypeCatalogAsync(CancellationToken cancellationToken) => Task.FromResult<ITypeCatalog>(
        new MySqlTypeCatalog(Connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase)));

    public async Task<Schema> IntrospectAsync(string historyTable, CancellationToken cancellationToken)
    {
        await using var second = await OpenSecondAsync(cancellationToken);
        var introspector = new MySqlIntrospector(this, second, HistoryTable.ToolTables(historyTable));
        var schema = await introspector.ReadAsync(cancellationToken);
        RowEstimates = introspector.RowEstimates;
        return schema;
    }

    public IReadOnlyDictionary<string, long> RowEstimates { get; private set; } = new Dictionary<string, long>();

    /// <summary>
    /// A second connection to the same server, for catalog reads that run beside this connection's (the server
    /// opens every table's definition for each information_schema query); null where several hosts are named
    /// (it might reach another node) or the server refuses another connection: one connection then.
    /// </summary>
    private async Task<MySqlConnection?> OpenSecondAsync(CancellationToken ct)
    {
        if (_connectionString.Length == 0 || new MySqlConnectionStringBuilder(_connectionString).Server.Contains(',')) return null;
        var connection = new MySqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await UseSessionRulesAsync(connection, ct);
            return connection;
        }
        catch (MySqlException)
        {
            await connection.DisposeAsync();
            return null;
        }
    }

    public string HistoryTableDdl(string tableName) =>
        $"CREATE TABLE IF NOT EXISTS {Quote(tableName)} (\n" +
        "  revision varchar(64) NOT NULL,\n" +
        "  parents varchar(1024) NOT NULL,\n" +
        "  message text NOT NULL,\n" +
        "  checksum varchar(64) NOT NULL,\n" +
        "  applied_at varchar(32) NOT NULL,\n" +
        "  duration_ms bigint NOT NULL,\n" +
        "  statements_done int NOT NULL,\n" +
        "  statements_total int NOT NULL,\n" +
        "  complete int NOT NULL,\n" +
        "  down_checksum varchar(64) NULL,\n" +
        "  PRIMARY KEY (revision)\n" +
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

    public async Task<bool> TableExistsAsync(string table, CancellationToken cancellationToken)
    {
        await using var cmd = CreateCommand(
            "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @name");
        cmd.Parameters.Add(new MySqlParameter("@name", table));
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
