namespace SchemaTool.Tests.Sqlite;

/// <summary>Introspection reads the catalog once per kind of object, whatever the number of tables.</summary>
public sealed class SqliteIntrospectionCostTests
{
    private static async Task<(int Statements, int Tables)> IntrospectAsync(int tables)
    {
        var path = Path.Combine(Path.GetTempPath(), $"schematool-cost-{Guid.NewGuid():N}.db");
        try
        {
            await using (var setup = await SqliteDatabase.OpenAsync(path))
            {
                var ddl = new System.Text.StringBuilder("BEGIN;");
                ddl.Append("CREATE TABLE t0 (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);");
                for (var i = 1; i < tables; i++)
                {
                    ddl.Append($"CREATE TABLE t{i} (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x' COLLATE NOCASE, ")
                       .Append($"qty INT CHECK (qty > 0), parent_id INTEGER REFERENCES t{i - 1} (id) ON DELETE CASCADE, UNIQUE (name, qty));")
                       .Append($"CREATE INDEX ix_t{i}_parent ON t{i} (parent_id DESC) WHERE parent_id IS NOT NULL;")
                       .Append($"CREATE INDEX ix_t{i}_lower ON t{i} (lower(name));");
                }
                ddl.Append("CREATE VIEW v0 AS SELECT * FROM t0; COMMIT;");
                await using var cmd = setup.CreateCommand(ddl.ToString());
                await cmd.ExecuteNonQueryAsync();
            }
            await using var session = await SqliteDatabase.OpenAsync(path);
            var before = session.StatementsSent;
            var schema = await session.IntrospectAsync(CancellationToken.None);
            return (session.StatementsSent - before, schema.Tables.Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_number_of_statements_does_not_grow_with_the_number_of_tables()
    {
        var small = await IntrospectAsync(10);
        var large = await IntrospectAsync(500);

        Assert.Equal(10, small.Tables);
        Assert.Equal(500, large.Tables);
        Assert.Equal(small.Statements, large.Statements);
        Assert.InRange(large.Statements, 1, 12);
    }
}
