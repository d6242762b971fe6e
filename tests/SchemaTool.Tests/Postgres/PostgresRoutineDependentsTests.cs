using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// A routine PostgreSQL cannot replace in place (an argument renamed, a new result type) is dropped and created: the column
/// defaults, checks and indexes (expressions and predicates) that call it are dropped before and made again after,
/// in both directions, on the real server. A stored generated column cannot be, without a rewrite: refused at plan.
/// </summary>
public sealed class PostgresRoutineDependentsTests
{
    private const string Model = """
        tables:
          items:
            columns:
              id:   { type: int, primary_key: true }
              code: { type: text, default_sql: "label(7)" }
              note: { type: text, nullable: true }
            indexes:
              ix_items_label:  { columns: [{ expression: "label(id)" }] }
              ix_items_marked: { columns: [note], where: "label(id) <> 'none'" }
            checks:
              ck_items_code: "code <> label(0)"
          other:
            columns:
              id: { type: int, primary_key: true }
        functions:
          label: { definition: "CREATE FUNCTION label(n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'n' || n $$" }
        """;

    // CREATE OR REPLACE cannot rename an argument. (A new result type would do too, but where it adds a cast to the
    // callers' text, their canonical form changes: a change of its own.)
    private const string Original = "label(n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'n' || n $$";
    private const string Renamed = "label(k int) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'n' || k $$";

    /// <summary>The table's defaults, constraints and indexes and the routine's arguments, as the server prints them.</summary>
    private static async Task<List<string>> CatalogAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT 'default ' || a.attname || ': ' || pg_get_expr(d.adbin, d.adrelid)
            FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'items'::regclass
            UNION ALL
            SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'items'::regclass
            UNION ALL
            SELECT 'index ' || indexrelid::regclass::text || ': ' || pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'items'::regclass
            UNION ALL
            SELECT 'routine ' || proname || ': ' || pg_get_function_arguments(oid) FROM pg_proc WHERE proname = 'label'
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Defaults_checks_and_indexes_that_call_a_routine_are_made_again_around_its_re_creation()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "items");
        await db.ExecuteAsync("INSERT INTO items (id, note) VALUES (1, 'a'), (2, NULL)");
        var before = await CatalogAsync(db);
        Assert.Contains("default code: label(7)", before);

        var (plan, revision) = await db.PlanAsync(Model.Replace(Original, Renamed), "label of k");
        Golden.Verify("postgres/recreate_routine_dependents.sql", "-- up\n" + plan.UpScript + "-- down\n" + plan.DownScript);
        await db.ApplyAsync();
        Assert.True((await db.PlanOnlyAsync(Model.Replace(Original, Renamed))).IsEmpty);
        var after = await CatalogAsync(db);
        Assert.Contains("routine label: k integer", after);
        Assert.Equal(before.Where(l => !l.StartsWith("routine", StringComparison.Ordinal)), after.Where(l => !l.StartsWith("routine", StringComparison.Ordinal)));
        Assert.Equal(2L, (await db.QueryAsync("SELECT count(*) FROM items")).Single()[0]);

        await db.RollbackAsync(revision!.Parents[0]);
        Assert.Equal(before, await CatalogAsync(db));
    }

    [Fact]
    public async Task A_routine_changed_with_a_default_that_calls_it_is_ordered_around_both()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "items");
        var before = await CatalogAsync(db);

        var changed = Model.Replace(Original, Renamed).Replace("default_sql: \"label(7)\"", "default_sql: \"label(8)\"");
        var revision = await db.ConvergeAsync(changed, "label of k, default of 8");
        Assert.Contains("default code: label(8)", await CatalogAsync(db));
        await db.RollbackAsync(revision.Parents[0]);
        Assert.Equal(before, await CatalogAsync(db));
    }

    [Fact]
    public async Task A_stored_generated_column_that_calls_a_routine_dropped_and_created_is_refused_at_plan()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var model = Model.Replace("note: { type: text, nullable: true }",
            "note: { type: text, nullable: true }\n      shown: { type: text, nullable: true, generated: { expression: \"label(id)\", stored: true } }");
        await db.ConvergeAsync(model, "items");

        var refused = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(model.Replace(Original, Renamed)));
        Assert.Contains("column items.shown", refused.Message);
        Assert.Contains("function label", refused.Message);
    }
}
