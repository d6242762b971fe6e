using Microsoft.Data.Sqlite;
using SchemaTool.Dialects;
using SchemaTool.Model;

namespace SchemaTool.Tests.Conformance;

/// <summary>SQLite catalog quirks that the conformance suites found, each pinned by its own case.</summary>
public sealed class SqliteQuirkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schematool-quirk-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<Schema> IntrospectAsync(string sql)
    {
        var path = Path.Combine(_folder, "quirk.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }
        var dialect = DialectRegistry.Get("sqlite");
        await using var session = await dialect.OpenAsync(dialect.ParseTarget("sqlite:" + path, _folder), CancellationToken.None);
        return await session.IntrospectAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_index_on_a_column_with_a_collation_reads_back_without_one()
    {
        var schema = await IntrospectAsync("""
            CREATE TABLE t (a TEXT COLLATE NOCASE, b TEXT);
            CREATE INDEX ix_a ON t (a);
            CREATE INDEX ix_a_binary ON t (a COLLATE BINARY);
            CREATE INDEX ix_b_nocase ON t (b COLLATE NOCASE);
            """);
        var t = schema.FindTable("t")!;
        Assert.Null(t.FindIndex("ix_a")!.Parts[0].Collation);
        Assert.Equal("BINARY", t.FindIndex("ix_a_binary")!.Parts[0].Collation);
        Assert.Equal("NOCASE", t.FindIndex("ix_b_nocase")!.Parts[0].Collation);
    }

    // sqldef/sqlite/ForeignKeyDependencyOrderingCaseMismatch
    [Fact]
    public async Task A_foreign_key_names_its_parent_as_the_parent_is_declared()
    {
        var schema = await IntrospectAsync("""
            CREATE TABLE orders (id integer PRIMARY KEY, user_id integer, FOREIGN KEY (USER_ID) REFERENCES Users (ID));
            CREATE TABLE users (id integer PRIMARY KEY);
            """);
        var fk = Assert.Single(schema.FindTable("orders")!.ForeignKeys);
        Assert.Equal("users", fk.ReferencedTable);
        Assert.Equal(["id"], fk.ReferencedColumns);
        Assert.Equal(["user_id"], fk.Columns);
        Assert.Equal("fk_orders_user_id", fk.Name);
    }

    // Generated seed 343: drops run before adds, and SQLite refuses ALTER TABLE DROP COLUMN on the last column.
    [Fact]
    public async Task Replacing_the_only_column_of_a_table_rebuilds_it()
    {
        var current = await IntrospectAsync("CREATE TABLE t (a TEXT NOT NULL DEFAULT 'x');");
        var model = Yaml.ModelLoader.Load("t.yaml", "tables:\n  t:\n    columns:\n      b: { type: text, nullable: true }\n");
        var plan = Planning.Planner.Create(DialectRegistry.Get("sqlite"), current, model);
        Assert.DoesNotContain("DROP COLUMN", plan.UpScript);
        Assert.Contains("_schematool_new_t", plan.UpScript);
    }
}
