namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// Storage parameters of tables and indexes (`WITH (fillfactor = 50)`, `autovacuum_...`) and a column's statistics
/// target and storage (`ALTER COLUMN ... SET STATISTICS 1000`, `SET STORAGE`) are not in the model: inspect names each
/// as left alone, with its value, so that adopting a database does not drop them without a word (real-application
/// class F; Danbooru, Lago). Before, nothing said so.
/// </summary>
public sealed class PostgresStorageSettingsTests
{
    [Fact]
    public async Task Inspect_names_storage_parameters_and_column_settings()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE posts (id int PRIMARY KEY, tags text, body text) WITH (fillfactor = 50, autovacuum_enabled = false);
            CREATE INDEX posts_tags ON posts (tags) WITH (fillfactor = 70);
            ALTER TABLE posts ALTER COLUMN tags SET STATISTICS 1000;
            ALTER TABLE posts ALTER COLUMN body SET STORAGE EXTERNAL;
            CREATE TABLE plain (id int PRIMARY KEY, body text);
            """);
        var notices = db.Inspection.Notices.ToList();

        Assert.Contains("table option fillfactor=50 (on posts) is not in the model's scope and is left alone", notices);
        Assert.Contains("table option autovacuum_enabled=false (on posts) is not in the model's scope and is left alone", notices);
        Assert.Contains("index option fillfactor=70 (on posts_tags) is not in the model's scope and is left alone", notices);
        Assert.Contains("column option statistics 1000 (on posts.tags) is not in the model's scope and is left alone", notices);
        Assert.Contains("column option storage external (on posts.body) is not in the model's scope and is left alone", notices);
        Assert.Equal(5, notices.Count);
        Assert.Contains("#   table option fillfactor=50 (on posts)", db.Yaml);

        var plan = await db.PlanAsync(db.Original);
        Assert.Contains("index option fillfactor=70 is not in the model's scope and is left alone", plan.Notices);
    }
}
