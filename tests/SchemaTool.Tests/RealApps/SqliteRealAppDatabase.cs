using Microsoft.Data.Sqlite;
using SchemaTool.Tests.Conformance;
using static SchemaTool.Tests.RealApps.SqliteDefinition;

namespace SchemaTool.Tests.RealApps;

/// <summary>
/// SQLite files in a temporary folder, read through sqlite_schema and the pragmas (table_list, table_xinfo,
/// index_list, index_xinfo, foreign_key_list); what no pragma reports is read from the stored CREATE text
/// (see <see cref="SqliteDefinition"/>). Constraint names are not compared: nothing in SQLite can refer to one. An
/// explicit DEFAULT NULL is read as no default: the two behave the same, and a copy may spell either.
/// </summary>
public sealed class SqliteRealAppDatabase(string folder) : IRealAppDatabase
{
    private int _next;

    public string Dialect => "sqlite";

    public Task<string> CreateAsync(string label) =>
        Task.FromResult("sqlite:" + Path.Combine(folder, $"{Interlocked.Increment(ref _next):D3}_{label}.db"));

    public Task DropAsync(string url)
    {
        File.Delete(PathOf(url));
        return Task.CompletedTask;
    }

    private static string PathOf(string url) => url["sqlite:".Length..];

    private static async Task<SqliteConnection> OpenAsync(string url)
    {
        var connection = new SqliteConnection($"Data Source={PathOf(url)};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public async Task<string?> LoadAsync(string url, IReadOnlyList<ScriptStatement> statements)
    {
        await using var connection = await OpenAsync(url);
        foreach (var statement in statements)
        {
            try
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = statement.Sql;
                await cmd.ExecuteNonQueryAsync();
            }
            catch (SqliteException e)
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
        int tables = 0, columns = 0, indexes = 0, foreignKeys = 0;
        var list = await RowsAsync(connection, "SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main' ORDER BY name");
        var sqlOf = (await RowsAsync(connection, "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL"))
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!, StringComparer.OrdinalIgnoreCase);
        foreach (var row in list)
        {
            var (name, type) = ((string)row[0]!, (string)row[1]!);
            if (name.StartsWith("sqlite_", StringComparison.OrdinalIgnoreCase) || type is "shadow" or "view") continue;
            if (type == "virtual")
            {
                facts.Add(new CatalogFact(name, $"virtual table {name}: {Join(Tokens(sqlOf[name]))}"));
                continue;
            }
            tables++;
            var sql = sqlOf[name];
            var items = TableItems(sql);
            var tokens = Tokens(sql);
            facts.Add(new CatalogFact(name, $"table {name}" + ((long)row[2]! != 0 ? " without rowid" : "") + ((long)row[3]! != 0 ? " strict" : "") +
                                            (tokens.Contains("autoincrement") ? " autoincrement" : "")));

            foreach (var c in await RowsAsync(connection, "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(@t) ORDER BY cid", name))
            {
                columns++;
                var column = (string)c[1]!;
                var definition = items.FirstOrDefault(i => i.Count > 0 && i[0] == column.ToLowerInvariant()) ?? [];
                facts.Add(new CatalogFact(name, $"column {name}.{column} #{c[0]} type '{c[2]}'" + ((long)c[3]! != 0 ? " not null" : "") +
                    (c[4] is string d && !d.Equals("NULL", StringComparison.OrdinalIgnoreCase) ? $" default {Join(Tokens(d))}" : "") + ((long)c[5]! != 0 ? $" pk {c[5]}" : "") +
                    ((long)c[6]! != 0 ? $" hidden {c[6]}" : "") +
                    (WordAfter(definition, "collate") is { } collation ? $" collate {collation}" : "") +
                    (GroupAfter(definition, "as") is { } generated ? $" as ({generated})" : "")));
            }

            foreach (var item in items)
            {
                if (GroupAfter(item, "check") is { } check) facts.Add(new CatalogFact(name, $"check {name} ({check})"));
                if (Deferrable(item) is { } deferrable)
                    facts.Add(new CatalogFact(name, $"deferrable foreign key {name} -> {WordAfter(item, "references")}: {deferrable}"));
            }

            foreach (var i in await RowsAsync(connection, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(@t)", name))
            {
                indexes++;
                var (index, origin) = ((string)i[0]!, (string)i[2]!);
                var (parts, where) = sqlOf.TryGetValue(index, out var indexSql) ? Index(indexSql) : ([], null);
                var keys = (await RowsAsync(connection, "SELECT seqno, cid, name, \"desc\", coll FROM pragma_index_xinfo(@t) WHERE key = 1 ORDER BY seqno", index))
                    .Select(k => ((long)k[1]! == -2 && (long)k[0]! < parts.Count ? $"({Join(parts[(int)(long)k[0]!].TakeWhile(t => t is not ("asc" or "desc" or "collate")))})" : (string?)k[2] ?? "?") +
                                 ((long)k[3]! != 0 ? " desc" : "") + $" collate {((string?)k[4])?.ToLowerInvariant()}");
                facts.Add(new CatalogFact(name, $"index {name}.{(origin == "c" ? index : "(" + origin + ")")} origin {origin}" +
                                                ((long)i[1]! != 0 ? " unique" : "") + $" ({string.Join(", ", keys)})" + (where is null ? "" : $" where {where}")));
            }

            foreach (var fk in (await RowsAsync(connection, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" FROM pragma_foreign_key_list(@t)", name))
                     .GroupBy(r => (long)r[0]!))
            {
                foreignKeys++;
                var keys = fk.OrderBy(r => (long)r[1]!).ToList();
                facts.Add(new CatalogFact(name, $"foreign key {name} ({string.Join(", ", keys.Select(k => k[3]))}) -> {keys[0][2]} " +
                                                $"({string.Join(", ", keys.Select(k => k[4] ?? "<primary key>"))}) on update {keys[0][5]} on delete {keys[0][6]} match {keys[0][7]}"));
            }
        }
        // Views and triggers are in the model: compared by their stored CREATE text, as the virtual tables are.
        foreach (var row in await RowsAsync(connection, "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('view', 'trigger') AND sql IS NOT NULL"))
            facts.Add(new CatalogFact((string)row[2]!, $"{row[0]} {row[1]}: {WithoutForEachRow(Join(Tokens((string)row[3]!)))}"));
        return new CatalogSnapshot(facts, new CatalogCounts(tables, columns, indexes, foreignKeys));
    }

    /// <summary>SQLite has row triggers only, so `FOR EACH ROW` is optional and changes nothing: written or not is the same trigger.</summary>
    private static string WithoutForEachRow(string tokens)
    {
        var begin = tokens.IndexOf(" begin ", StringComparison.Ordinal);
        return begin < 0 ? tokens : tokens[..begin].Replace(" for each row", "", StringComparison.Ordinal) + tokens[begin..];
    }

    private static async Task<List<object?[]>> RowsAsync(SqliteConnection connection, string sql, string? argument = null)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        if (argument is not null) cmd.Parameters.AddWithValue("@t", argument);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// None: every kind of object SQLite has is in the model (tables, virtual tables, views, triggers), and
    /// ReadAsync compares each, so inspect has nothing to name as left alone.
    /// </summary>
    public Task<IReadOnlyList<CatalogObject>> OtherObjectsAsync(string url) => Task.FromResult<IReadOnlyList<CatalogObject>>([]);

    public async Task<IReadOnlyList<string>> LeftoversAsync(string url)
    {
        await using var connection = await OpenAsync(url);
        var rows = await RowsAsync(connection,
            "SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND tbl_name <> 'schematool_history' ORDER BY name");
        return rows.Select(r => (string)r[0]!).ToList();
    }
}
