namespace SchemaTool.Tests.Postgres.Types;

/// <summary>
/// Extensions on the real server: created before what uses their types and operator classes, dropped after it;
/// their member objects (types, functions, operators) are the extension's, never read as the user's.
/// </summary>
public sealed class PostgresExtensionTests
{
    private const string Model = """
        extensions: [citext, pg_trgm]
        tables:
          users:
            columns:
              id:    { type: bigint, primary_key: true }
              email: { type: citext }
            indexes:
              ix_users_email_trgm: { columns: [{ column: email, opclass: gin_trgm_ops }], using: gin }
        """;

    private const string Catalog = "SELECT extname || ' in ' || n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE extname <> 'plpgsql' ORDER BY extname";

    private static async Task<string> ExtensionsAsync(PostgresTestDatabase db) =>
        string.Join(", ", (await db.QueryAsync(Catalog)).Select(r => (string)r[0]!));

    [Fact]
    public async Task Extensions_come_before_the_columns_and_indexes_that_use_them_and_go_after()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var revision = await db.ConvergeAsync(Model);
        var up = File.ReadAllText(revision.UpPath);
        Assert.True(up.IndexOf("CREATE EXTENSION \"citext\";", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE", StringComparison.Ordinal), up);
        Assert.True(up.IndexOf("CREATE EXTENSION \"pg_trgm\";", StringComparison.Ordinal) < up.IndexOf("gin_trgm_ops", StringComparison.Ordinal), up);
        Assert.Equal("citext in public, pg_trgm in public", await ExtensionsAsync(db));

        // What the extensions brought is theirs: nothing of it is named as left alone, and the model reads back whole.
        await using (var session = await db.OpenAsync())
        {
            var current = await session.IntrospectAsync(CancellationToken.None);
            Assert.Empty(current.Unmanaged);
            Assert.Equal(["citext", "pg_trgm"], current.Extensions.Select(e => e.Name));
            Assert.All(current.Extensions, e => Assert.NotNull(e.Version));
        }

        var down = File.ReadAllText(revision.DownPath);
        Assert.True(down.IndexOf("DROP TABLE", StringComparison.Ordinal) < down.IndexOf("DROP EXTENSION \"citext\"", StringComparison.Ordinal), down);
        await db.RollbackAsync("base");
        Assert.Equal("", await ExtensionsAsync(db));
    }

    // pg_trgm 1.4 and 1.5, with the update between them, ship with every PostgreSQL from 13 to 18.
    [Fact]
    public async Task A_version_is_set_only_where_the_model_says_one()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync("extensions: { pg_trgm: { version: \"1.4\" } }\n" + Model[Model.IndexOf("tables:", StringComparison.Ordinal)..]
            .Replace("{ type: citext }", "{ type: text }"));
        Assert.Equal("1.4", (await db.QueryAsync("SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm'"))[0][0]);
        var update = await db.ConvergeAsync("extensions: { pg_trgm: { version: \"1.5\" } }\n" + Model[Model.IndexOf("tables:", StringComparison.Ordinal)..]
            .Replace("{ type: citext }", "{ type: text }"));
        Assert.Contains("ALTER EXTENSION \"pg_trgm\" UPDATE TO '1.5'", File.ReadAllText(update.UpPath));
        Assert.Equal("1.5", (await db.QueryAsync("SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm'"))[0][0]);

        // A model that names no version keeps whatever version the database has.
        var (plan, _) = await db.PlanAsync("extensions: [pg_trgm]\n" + Model[Model.IndexOf("tables:", StringComparison.Ordinal)..].Replace("{ type: citext }", "{ type: text }"));
        Assert.True(plan.IsEmpty, plan.UpScript);
    }
}
