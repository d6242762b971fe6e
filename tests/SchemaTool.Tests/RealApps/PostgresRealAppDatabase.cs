using Npgsql;
using SchemaTool.Tests.Conformance;
using SchemaTool.Tests.Infrastructure;

namespace SchemaTool.Tests.RealApps;

/// <summary>
/// PostgreSQL databases on the shared test server (so what chooses the server for the other tests, e.g.
/// SCHEMATOOL_TEST_PG_URL, chooses it for the corpus too), read through pg_catalog with the server's own deparsers:
/// format_type, pg_get_expr, pg_get_constraintdef, pg_get_indexdef, pg_get_partkeydef. An explicit DEFAULT NULL
/// is read as no default: the two behave the same, and a copy may spell either. A nextval() default whose sequence
/// does not exist says so: `nextval('s'::text)` (printed `nextval(('s'::text)::regclass)`) is accepted without its
/// sequence and fails at the first insert.
/// </summary>
public sealed partial class PostgresRealAppDatabase : IRealAppDatabase
{
    private readonly Dictionary<string, string> _names = [];
    private static PostgresServer Server => PostgresServer.Shared;

    public string Dialect => "postgres";

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

    private async Task<NpgsqlConnection> OpenAsync(string url)
    {
        string name;
        lock (_names) name = _names[url];
        var connection = new NpgsqlConnection(Server.ConnectionString(name));
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
                await using var cmd = new NpgsqlCommand(statement.Sql, connection) { CommandTimeout = 300 };
                await cmd.ExecuteNonQueryAsync();
            }
            catch (PostgresException e)
            {
                return $"line {statement.Line}: {e.MessageText} (in: {CaseSql.Shorten(statement.Sql)})";
            }
        }
        return null;
    }

    public async Task<CatalogSnapshot> ReadAsync(string url)
    {
        await using var connection = await OpenAsync(url);
        var facts = new List<CatalogFact>();
        var tables = await AddAsync(connection, Tables, facts);
        var columns = await AddAsync(connection, Columns, facts);
        var constraints = await AddAsync(connection, Constraints, facts);
        var indexes = await AddAsync(connection, Indexes, facts);
        await AddAsync(connection, Sequences, facts);
        await AddAsync(connection, Views, facts);
        await AddAsync(connection, Routines, facts);
        await AddAsync(connection, Triggers, facts);
        await AddAsync(connection, Extensions, facts);
        await AddAsync(connection, Enums, facts);
        await AddAsync(connection, DomainsAndSchemas, facts);
        var foreignKeys = constraints.Count(f => f.Text.Contains(" f FOREIGN KEY ", StringComparison.Ordinal));
        return new CatalogSnapshot(facts, new CatalogCounts(tables.Count, columns.Count, indexes.Count, foreignKeys));
    }

    private static async Task<List<CatalogFact>> AddAsync(NpgsqlConnection connection, string sql, List<CatalogFact> facts)
    {
        var read = new List<CatalogFact>();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) read.Add(new CatalogFact(reader.GetString(0), reader.GetString(1)));
        facts.AddRange(read);
        return read;
    }

    public async Task<IReadOnlyList<CatalogObject>> OtherObjectsAsync(string url)
    {
        await using var connection = await OpenAsync(url);
        await using var cmd = new NpgsqlCommand(OtherObjects, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var objects = new List<CatalogObject>();
        while (await reader.ReadAsync()) objects.Add(new CatalogObject(reader.GetString(0), reader.GetString(1)));
        return objects;
    }

    public async Task<IReadOnlyList<string>> LeftoversAsync(string url)
    {
        await using var connection = await OpenAsync(url);
        await using var cmd = new NpgsqlCommand(Leftovers, connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        var left = new List<string>();
        while (await reader.ReadAsync()) left.Add(reader.GetString(0));
        return left;
    }
}
