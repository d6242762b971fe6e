namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// A column's statistics target (`ALTER COLUMN ... SET STATISTICS 1000`) is modelled (`statistics:`, PostgreSQL), and
/// so are storage parameters of tables and indexes (Storage/PostgresTableStorageTests, PostgresIndexStorageTests). A
/// column's storage (`SET STORAGE`) and a partition's own storage parameters are not: inspect names each as left
/// alone, with its value, so that adopting a database does not drop them without a word (real-application class F).
/// </summary>
public sealed class PostgresStorageSettingsTests
{
    [Fact]
    public async Task A_statistics_target_is_kept_through_inspect_plan_and_apply()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE posts (id int PRIMARY KEY, tags text, body text);
            ALTER TABLE posts ALTER COLUMN tags SET STATISTICS 1000;
            ALTER TABLE posts ALTER COLUMN body SET STATISTICS 0;
            """);
        Assert.Contains("tags: { type: text, nullable: true, statistics: 1000 }", db.Yaml);
        Assert.Contains("body: { type: text, nullable: true, statistics: 0 }", db.Yaml);
        Assert.Empty(db.Inspection.LeftAlone);

        await db.RoundTripAsync();
    }

    [Fact]
    public async Task Changing_a_statistics_target_is_an_alter_with_its_inverse()
    {
        const string Model = "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n      tags: { type: text, statistics: 500 }\n";
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Model);
        var reset = Model.Replace(", statistics: 500", "");

        var (plan, _) = await db.PlanAsync(reset);
        Assert.Contains("ALTER TABLE \"t\" ALTER COLUMN \"tags\" SET STATISTICS -1", plan.UpScript);
        Assert.Contains("ALTER TABLE \"t\" ALTER COLUMN \"tags\" SET STATISTICS 500", plan.DownScript);
        await db.ConvergeAsync(reset);
        Assert.True((await db.PlanAsync(reset)).Plan.IsEmpty);

        await db.RollbackAsync(first.Id);
        Assert.True((await db.PlanAsync(Model)).Plan.IsEmpty);
    }

    [Fact]
    public async Task Inspect_names_storage_parameters_and_column_settings()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE posts (id int PRIMARY KEY, tags text, body text) WITH (fillfactor = 50, autovacuum_enabled = false);
            CREATE INDEX posts_tags ON posts (tags) WITH (fillfactor = 70);
            ALTER TABLE posts ALTER COLUMN body SET STORAGE EXTERNAL;
            CREATE TABLE plain (id int PRIMARY KEY, body text);
            """);
        var notices = db.Inspection.Notices.ToList();

        Assert.Equal(["column option storage external (on posts.body) is not in the model's scope and is left alone"], notices);
        Assert.Contains("#   column option storage external (on posts.body)", db.Yaml);
        Assert.Contains("  posts:\n    with: { fillfactor: 50, autovacuum_enabled: false }\n", db.Yaml);
        Assert.Contains("posts_tags: { columns: [tags], using: btree, with: { fillfactor: 70 } }", db.Yaml);

        var plan = await db.PlanAsync(db.Original);
        Assert.Contains("column option storage external is not in the model's scope and is left alone", plan.Notices);
    }
}
