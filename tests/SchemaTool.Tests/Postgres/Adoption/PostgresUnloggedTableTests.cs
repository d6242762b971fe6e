namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// An UNLOGGED table (Danbooru's rate limits) is modelled (`unlogged: true`, PostgreSQL): inspect writes it, the
/// copy is created unlogged, and changing it is ALTER TABLE SET LOGGED / SET UNLOGGED with its inverse. Before, the
/// copy was a logged table and nothing said so (real-application class F).
/// </summary>
public sealed class PostgresUnloggedTableTests
{
    private static async Task<string> PersistenceAsync(PostgresTestDatabase db, string table) =>
        (string)(await db.QueryAsync($"SELECT relpersistence::text FROM pg_class WHERE oid = '{table}'::regclass"))[0][0]!;

    [Fact]
    public async Task Unlogged_tables_stay_unlogged_through_inspect_plan_and_apply()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE UNLOGGED TABLE rate_limits (id bigint PRIMARY KEY, hits int NOT NULL);
            CREATE INDEX rate_limits_hits ON rate_limits (hits);
            CREATE TABLE posts (id int PRIMARY KEY);
            """);
        Assert.Contains("  rate_limits:\n    unlogged: true\n", db.Yaml);
        Assert.DoesNotContain("unlogged", db.Yaml.Split("  posts:")[1].Split("  rate_limits:")[0]);

        var (plan, _) = await db.Copy.PlanAsync(db.Yaml, "adopt");
        Assert.Contains("CREATE UNLOGGED TABLE \"rate_limits\"", plan.UpScript);
        await db.Copy.ApplyAsync();
        Assert.Equal("u", await PersistenceAsync(db.Copy, "rate_limits"));
        Assert.Equal("u", await PersistenceAsync(db.Copy, "rate_limits_hits"));
        Assert.Equal("p", await PersistenceAsync(db.Copy, "posts"));
        Assert.True((await db.PlanAsync(db.Copy)).IsEmpty);
    }

    [Fact]
    public async Task Setting_a_table_logged_and_back_is_an_alter_with_its_inverse()
    {
        const string Unlogged = "tables:\n  cache:\n    unlogged: true\n    columns:\n      id: { type: int, primary_key: true }\n";
        var logged = Unlogged.Replace("    unlogged: true\n", "");
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Unlogged);
        Assert.Equal("u", await PersistenceAsync(db, "cache"));

        var (plan, _) = await db.PlanAsync(logged);
        Assert.Contains("ALTER TABLE \"cache\" SET LOGGED", plan.UpScript);
        Assert.Contains("ALTER TABLE \"cache\" SET UNLOGGED", plan.DownScript);
        await db.ConvergeAsync(logged);
        Assert.Equal("p", await PersistenceAsync(db, "cache"));
        Assert.True((await db.PlanAsync(logged)).Plan.IsEmpty);

        await db.RollbackAsync(first.Id);
        Assert.Equal("u", await PersistenceAsync(db, "cache"));
    }
}
