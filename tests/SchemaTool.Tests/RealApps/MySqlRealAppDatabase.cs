using System.Text.RegularExpressions;
using MySqlConnector;
using SchemaTool.Tests.Conformance;
using SchemaTool.Tests.Infrastructure;

namespace SchemaTool.Tests.RealApps;

/// <summary>
/// MariaDB databases on the shared test server, read through SHOW CREATE TABLE / SHOW CREATE SEQUENCE (the server's
/// own text of each object) and information_schema for the counts.
/// </summary>
public sealed partial class MySqlRealAppDatabase : IRealAppDatabase
{
    private readonly Dictionary<string, string> _names = [];
    private static MariaDbServer Server => MariaDbServer.Shared;

    public string Dialect => "mysql";

    public async Task<string> CreateAsync(string label)
    {
        var name = await Server.CreateDatabaseAsync("ra_" + label);
        var url = Server.Url(name);
        lock (_names) _names[url] = name;
        return url;
    }

    public async Task DropAsync(string url)
    {
        string? name;
        lock (_names) _names.Remove(url, out name);
        if (name is not null) await Server.DropDatabaseAsync(name);
    }

    /// <summary>User variables on: dump scripts save and restore session settings in them (SET @OLD_SQL_MODE=...).</summary>
    private async Task<MySqlConnection> OpenAsync(string url)
    {
        string name;
        lock (_names) name = _names[url];
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder(Server.ConnectionString(name)) { AllowUserVariables = true }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<string?> LoadAsync(string url, IReadOnlyList<ScriptStatement> statements)
    {
        await using var connection = await OpenAsync(url);
        foreach (var statement in statements)
        {
            if (DumpScript.IsEnvironment(statement.Sql, Dialect)) continue;
            try
            {
                await using var cmd = new MySqlCommand(statement.Sql, connection) { CommandTimeout = 300 };
                await cmd.ExecuteNonQueryAsync();
            }
            catch (MySqlException e)
            {
                return $"line {statement.Line}: {e.Message} (in: {CaseSql.Shorten(statement.Sql)})";
            }
        }
        return null;
    }

    public async Task<CatalogSnapshot> ReadAsync(string url)
    {
        await using var connection = await OpenAsync(url);
        var facts = new List<CatalogFact>();
        var objects = await ListAsync(connection, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME");
        var tables = 0;
        foreach (var (name, type) in objects)
        {
            if (type == "SEQUENCE")
            {
                facts.Add(new CatalogFact(name, "sequence " + (await ShowCreateAsync(connection, "SEQUENCE", name)).ReplaceLineEndings(" ")));
                continue;
            }
            if (type == "VIEW")
            {
                facts.Add(new CatalogFact(name, "view " + Definer().Replace(await ShowCreateAsync(connection, "VIEW", name), "")));
                continue;
            }
            tables++;
            facts.AddRange(TableFacts(name, await ShowCreateAsync(connection, "TABLE", name)));
        }
        foreach (var (name, type) in await ListAsync(connection, "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"))
            facts.Add(new CatalogFact(name, type.ToLowerInvariant() + " " + Definer().Replace(await ShowCreateAsync(connection, type, name, column: 2), "")));
        foreach (var (name, definition) in await ListAsync(connection, Events)) facts.Add(new CatalogFact(name, "event " + definition));
        foreach (var (name, definition) in await ListAsync(connection, Triggers))
            facts.Add(new CatalogFact(name, "trigger " + name + " " + TriggerBody(definition)));
        var columns = await CountAsync(connection,
            "SELECT COUNT(*) FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME " +
            "WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE <> 'VIEW'");
        var indexes = await CountAsync(connection, "SELECT COUNT(DISTINCT TABLE_NAME, INDEX_NAME) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()");
        var foreignKeys = await CountAsync(connection, "SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()");
        return new CatalogSnapshot(facts, new CatalogCounts(tables, columns, indexes, foreignKeys));
    }

    /// <summary>
    /// SHOW CREATE TABLE line by line: the columns in their order, the keys and constraints as a set (the server lists
    /// them in the order they were added), and the table options without the AUTO_INCREMENT counter, which rows move.
    /// </summary>
    public static IEnumerable<CatalogFact> TableFacts(string table, string showCreate)
    {
        var lines = showCreate.ReplaceLineEndings("\n").Split('\n');
        var position = 0;
        var options = new List<string>();
        foreach (var raw in lines.Skip(1))
        {
            var line = raw.TrimEnd().TrimEnd(',');
            if (line.StartsWith("  `", StringComparison.Ordinal))
                yield return new CatalogFact(table, $"column {table} #{++position} {line.Trim()}");
            else if (line.StartsWith("  ", StringComparison.Ordinal))
                yield return new CatalogFact(table, $"key {table} {line.Trim()}");
            else
                options.Add(AutoIncrementCounter().Replace(line.Trim(), ""));
        }
        yield return new CatalogFact(table, $"table {table} {string.Join(" ", options)}");
    }

    [GeneratedRegex(@" AUTO_INCREMENT=\d+")]
    private static partial Regex AutoIncrementCounter();

    // A trigger's table, timing, event and order, and its statement compared without regard to spacing or to a
    // BEGIN and END around it (A's is the file's text, B's the one schematool writes).
    private const string Triggers = """
        SELECT TRIGGER_NAME, CONCAT(EVENT_OBJECT_TABLE, ' ', ACTION_TIMING, ' ', EVENT_MANIPULATION, ' #', ACTION_ORDER, '\n', ACTION_STATEMENT)
        FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE()
        """;

    // STARTS is the time of CREATE EVENT unless the event says one: left out then.
    private const string Events = """
        SELECT EVENT_NAME, CONCAT_WS(' ', EVENT_NAME, EVENT_TYPE, EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD, IF(STARTS = CREATED, NULL, STARTS),
                                     ENDS, STATUS, ON_COMPLETION, EVENT_COMMENT, EVENT_DEFINITION)
        FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()
        """;

    private static string TriggerBody(string text)
    {
        var spaced = Spacing().Replace(text, " ").Trim();
        var head = spaced.IndexOf(' ', spaced.IndexOf('#'));
        var body = spaced[(head + 1)..];
        if (body.StartsWith("BEGIN ", StringComparison.OrdinalIgnoreCase) && body.EndsWith(" END", StringComparison.OrdinalIgnoreCase)) body = body[6..^4];
        return spaced[..head] + " " + body.Trim().TrimEnd(';').Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spacing();

    /// <summary>Who created a view: the user who loaded the file in A, the one who applied the plan in B.</summary>
    [GeneratedRegex(@" DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`")]
    private static partial Regex Definer();

    private static async Task<string> ShowCreateAsync(MySqlConnection connection, string kind, string name, int column = 1)
    {
        await using var cmd = new MySqlCommand($"SHOW CREATE {kind} `{name.Replace("`", "``")}`", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetString(column);
    }

    private static async Task<List<(string, string)>> ListAsync(MySqlConnection connection, string sql)
    {
        await using var cmd = new MySqlCommand(sql, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    private static async Task<int> CountAsync(MySqlConnection connection, string sql)
    {
        await using var cmd = new MySqlCommand(sql, connection);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync());
    }

    // Views, triggers, functions, procedures, events and sequences are all modelled: nothing is left for inspect to name.
    public Task<IReadOnlyList<CatalogObject>> OtherObjectsAsync(string url) => Task.FromResult<IReadOnlyList<CatalogObject>>([]);

    private const string Leftovers = """
        SELECT CONCAT(LOWER(TABLE_TYPE), ' ', TABLE_NAME) FROM information_schema.TABLES
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'schematool\_%'
        UNION ALL SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()
        UNION ALL SELECT CONCAT('trigger ', TRIGGER_NAME) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()
        UNION ALL SELECT CONCAT('event ', EVENT_NAME) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()
        """;

    public async Task<IReadOnlyList<string>> LeftoversAsync(string url)
    {
        await using var connection = await OpenAsync(url);
        await using var cmd = new MySqlCommand(Leftovers, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var left = new List<string>();
        while (await reader.ReadAsync()) left.Add(reader.GetString(0));
        return left;
    }
}
