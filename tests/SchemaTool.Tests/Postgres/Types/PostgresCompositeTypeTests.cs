using SchemaTool.Tests.Postgres.Adoption;

namespace SchemaTool.Tests.Postgres.Types;

/// <summary>
/// Composite types on the real server: created before the columns of that type and dropped after them, attributes
/// added and dropped in place (ALTER TYPE ... ADD / DROP ATTRIBUTE) with exact down files, read back by inspect.
/// </summary>
public sealed class PostgresCompositeTypeTests
{
    private const string Model = """
        types:
          mood: { enum: [sad, ok] }
          pair: { composite: { id: uuid, feeling: mood, name: "varchar(20)" }, comment: two things }
        tables:
          links:
            columns:
              id:   { type: int, primary_key: true }
              ends: { type: "pair[]", nullable: true }
              head: { type: pair, nullable: true }
        """;

    private const string Catalog = """
        SELECT t.typname || ' (' || string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) || ')'
               || coalesce(' comment ' || obj_description(t.oid, 'pg_type'), '')
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'
        GROUP BY t.oid, t.typname ORDER BY t.typname
        """;

    private static async Task<string> ReadAsync(PostgresTestDatabase db, string sql) =>
        string.Join("; ", (await db.QueryAsync(sql)).Select(r => (string)r[0]!));

    [Fact]
    public async Task A_composite_type_is_created_before_its_columns_and_dropped_after_them()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var revision = await db.ConvergeAsync(Model, "pair");
        var up = File.ReadAllText(revision.UpPath);
        Assert.Contains("CREATE TYPE \"pair\" AS (\"id\" uuid, \"feeling\" mood, \"name\" character varying(20))", up);
        Assert.True(up.IndexOf("CREATE TYPE \"mood\"", StringComparison.Ordinal) < up.IndexOf("CREATE TYPE \"pair\"", StringComparison.Ordinal), up);
        Assert.True(up.IndexOf("CREATE TYPE \"pair\"", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE", StringComparison.Ordinal), up);
        Assert.Equal("pair (id uuid, feeling mood, name character varying(20)) comment two things", await ReadAsync(db, Catalog));
        await db.ExecuteAsync("INSERT INTO links VALUES (1, ARRAY[ROW(gen_random_uuid(), 'ok', 'a')::pair], ROW(NULL, 'sad', 'b'))");

        await db.RollbackAsync("base");
        Assert.Equal("", await ReadAsync(db, Catalog));
    }

    [Fact]
    public async Task Attributes_are_added_and_dropped_in_place_and_the_down_file_puts_them_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Model, "pair");
        await db.ExecuteAsync("INSERT INTO links VALUES (1, NULL, ROW(NULL, 'sad', 'b'))");

        var changed = await db.ConvergeAsync(Model.Replace("name: \"varchar(20)\"", "rank: int"), "rank");
        var up = File.ReadAllText(changed.UpPath);
        Assert.Contains("ALTER TYPE \"pair\" DROP ATTRIBUTE \"name\", ADD ATTRIBUTE \"rank\" integer;", up);
        Assert.Contains("-- WARNING: drops attribute name of composite type pair", up);
        Assert.Equal("pair (id uuid, feeling mood, rank integer) comment two things", await ReadAsync(db, Catalog));
        Assert.Equal("sad", (await db.QueryAsync("SELECT (head).feeling::text FROM links")).Single()[0]);

        await db.RollbackAsync(first.Id);
        Assert.Equal("pair (id uuid, feeling mood, name character varying(20)) comment two things", await ReadAsync(db, Catalog));
        var (again, _) = await db.PlanAsync(Model);
        Assert.True(again.IsEmpty, again.UpScript);
    }

    /// <summary>ADD ATTRIBUTE appends: an attribute dropped from the middle could not come back in its place in the down file.</summary>
    [Fact]
    public async Task A_change_the_down_file_could_not_undo_in_place_is_refused_at_plan_while_a_column_uses_the_type()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "pair");
        var refused = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(Model.Replace("feeling: mood, ", "")));
        Assert.Contains("composite type 'pair'", refused.Message);
        Assert.Contains("links.head", refused.Message);
    }

    [Fact]
    public async Task Inspect_models_a_composite_type_and_its_columns_and_they_round_trip()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TYPE pair AS (id uuid, "Name" text COLLATE "C");
            COMMENT ON TYPE pair IS 'two things';
            CREATE TABLE links (id int PRIMARY KEY, head pair, ends pair[] NOT NULL DEFAULT '{}');
            """);
        Assert.Empty(db.Inspection.LeftAlone);
        Assert.True(db.Yaml.Contains("pair: { composite: { id: uuid, Name: { type: text, collation: C } }, comment: \"two things\" }"), db.Yaml);
        await db.RoundTripAsync();
    }
}
