using SchemaTool.Tests.Postgres.Adoption;

namespace SchemaTool.Tests.Postgres.Storage;

/// <summary>
/// Index storage parameters (`CREATE INDEX ... WITH (fillfactor = 70)`, PostgreSQL) are modelled (`with:`):
/// inspect writes them, for unique constraints and materialized views' indexes too, the copy stores the same text,
/// spellings of one value are no change, and a change is ALTER INDEX SET / RESET with its exact inverse, the index
/// not built again. Before, inspect named them and left them alone, so the copy had the defaults.
/// </summary>
public sealed class PostgresIndexStorageTests
{
    private static async Task<string?> OptionsAsync(PostgresTestDatabase db, string relation) =>
        (string?)(await db.QueryAsync($"SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = '{relation}'::regclass"))[0][0];

    [Fact]
    public async Task Index_storage_parameters_are_kept_through_inspect_plan_and_apply()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE posts (id int PRIMARY KEY, title text, tags text[], created date, code text,
                                CONSTRAINT posts_code_key UNIQUE (code) WITH (fillfactor = 80));
            CREATE INDEX posts_title ON posts (title) WITH (fillfactor = '70', deduplicate_items = on);
            CREATE INDEX posts_title_hash ON posts USING hash (title) WITH (fillfactor = 60);
            CREATE INDEX posts_tags ON posts USING gin (tags) WITH (fastupdate = off, gin_pending_list_limit = 128);
            CREATE INDEX posts_created ON posts USING brin (created) WITH (pages_per_range = 16, autosummarize = true);
            CREATE MATERIALIZED VIEW post_titles AS SELECT id, title FROM posts;
            CREATE INDEX post_titles_title ON post_titles (title) WITH (fillfactor = 50);
            """);
        Assert.Contains("posts_title: { columns: [title], using: btree, with: { fillfactor: 70, deduplicate_items: \"on\" } }", db.Yaml);
        Assert.Contains("with: { fillfactor: 60 }", db.Yaml);
        Assert.Contains("with: { fastupdate: \"off\", gin_pending_list_limit: 128 }", db.Yaml);
        Assert.Contains("with: { pages_per_range: 16, autosummarize: true }", db.Yaml);
        Assert.Contains("posts_code_key: { columns: [code], unique: true, constraint: true, with: { fillfactor: 80 } }", db.Yaml);
        Assert.Contains("with: { fillfactor: 50 }", db.Yaml);
        Assert.Empty(db.Inspection.LeftAlone);

        // The catalog comparison reads pg_get_indexdef, which prints the stored text: 'on' stays 'on'.
        await db.RoundTripAsync();
    }

    [Fact]
    public async Task A_primary_keys_index_parameters_are_named_and_left_alone()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE posts (id int, CONSTRAINT posts_pkey PRIMARY KEY (id) WITH (fillfactor = 90));
            """);
        Assert.Equal(["index option fillfactor=90 (on posts_pkey) is not in the model's scope and is left alone"], db.Inspection.Notices.ToList());
    }

    [Fact]
    public async Task Changing_index_storage_is_alter_index_with_its_inverse_and_no_rebuild()
    {
        const string Model = "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n      name: { type: text }\n" +
                             "    indexes:\n      ix_t_name: { columns: [name], with: { fillfactor: 70 } }\n";
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Model);
        Assert.Equal("fillfactor=70", await OptionsAsync(db, "ix_t_name"));
        var oid = (await db.QueryAsync("SELECT relfilenode FROM pg_class WHERE relname = 'ix_t_name'"))[0][0];

        var changed = Model.Replace("with: { fillfactor: 70 }", "with: { fillfactor: 80, deduplicate_items: false }");
        var (plan, _) = await db.PlanAsync(changed);
        Assert.Contains("ALTER INDEX \"ix_t_name\" SET (fillfactor = 80, deduplicate_items = false);", plan.UpScript);
        Assert.DoesNotContain("DROP INDEX", plan.UpScript);
        Assert.Contains("ALTER INDEX \"ix_t_name\" RESET (deduplicate_items)", plan.DownScript);
        Assert.Contains("ALTER INDEX \"ix_t_name\" SET (fillfactor = 70)", plan.DownScript);
        await db.ApplyAsync();
        Assert.Equal("fillfactor=80,deduplicate_items=false", await OptionsAsync(db, "ix_t_name"));
        Assert.Equal(oid, (await db.QueryAsync("SELECT relfilenode FROM pg_class WHERE relname = 'ix_t_name'"))[0][0]);
        Assert.True((await db.PlanAsync(changed)).Plan.IsEmpty);

        var removed = Model.Replace(", with: { fillfactor: 70 }", "");
        var (reset, _) = await db.PlanAsync(removed);
        Assert.Contains("ALTER INDEX \"ix_t_name\" RESET (fillfactor, deduplicate_items)", reset.UpScript);
        await db.ApplyAsync();
        Assert.Null(await OptionsAsync(db, "ix_t_name"));

        await db.RollbackAsync(first.Id);
        Assert.Equal("fillfactor=70", await OptionsAsync(db, "ix_t_name"));
        Assert.True((await db.PlanAsync(Model)).Plan.IsEmpty);
    }

    [Fact]
    public async Task Spellings_of_one_value_are_no_change()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE t (id int PRIMARY KEY, name text); CREATE INDEX ix_t_name ON t (name) WITH (fillfactor = '070', deduplicate_items = 'yes')");
        var model = "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n      name: { type: text, nullable: true }\n" +
                    "    indexes:\n      ix_t_name: { columns: [name], with: { fillfactor: 70, deduplicate_items: true } }\n";
        Assert.True((await db.PlanOnlyAsync(model)).IsEmpty);
    }
}
