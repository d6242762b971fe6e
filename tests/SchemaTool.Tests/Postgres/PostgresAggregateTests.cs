using SchemaTool.Tests.Postgres.Adoption;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Aggregates (CREATE AGGREGATE) on the real server: created after their state function and before the views that
/// call them, compared in the form read back from pg_aggregate (a second plan is empty), dropped and created when
/// they change, and rolled back exactly.
/// </summary>
public sealed class PostgresAggregateTests
{
    // As pagila declares it, spelled unlike the server's form: case, spacing, the state function qualified by nothing.
    private const string Model = """
        functions:
          _group_concat:
            definition: |
              CREATE FUNCTION _group_concat(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
              SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END $$
        aggregates:
          group_concat:
            definition: "create aggregate group_concat(TEXT) ( sfunc = _group_concat , stype = TEXT )"
            comment: joins with commas
        tables:
          actors:
            columns:
              id:   { type: int, primary_key: true }
              name: { type: text }
        views:
          actor_names: { sql: "SELECT group_concat(name) AS names FROM actors" }
        """;

    private const string Catalog = """
        SELECT p.proname || ' ' || p.prokind::text || ' ' || coalesce(a.aggtransfn::regproc::text || ' ' || format_type(a.aggtranstype, NULL)
               || coalesce(' init ' || a.agginitval, ''), '') || coalesce(' -- ' || obj_description(p.oid, 'pg_proc'), '')
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
        WHERE n.nspname = 'public' ORDER BY 1
        """;

    private static async Task<List<string>> CatalogAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync(Catalog)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task An_aggregate_is_created_after_its_state_function_and_before_a_view_that_calls_it_and_rolled_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var revision = await db.ConvergeAsync(Model, "aggregate");
        var up = File.ReadAllText(revision.UpPath);
        var function = up.IndexOf("CREATE OR REPLACE FUNCTION _group_concat", StringComparison.Ordinal);
        var aggregate = up.IndexOf("CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text)", StringComparison.Ordinal);
        Assert.True(function >= 0 && aggregate > function && up.IndexOf("CREATE VIEW \"actor_names\"", StringComparison.Ordinal) > aggregate, up);
        Assert.Contains("COMMENT ON AGGREGATE \"group_concat\"(text) IS 'joins with commas'", up);
        Assert.Equal(["_group_concat f ", "group_concat a _group_concat text -- joins with commas"], await CatalogAsync(db));

        await db.ExecuteAsync("INSERT INTO actors VALUES (1, 'Ann'), (2, 'Bob')");
        Assert.Equal("Ann, Bob", (await db.QueryAsync("SELECT names FROM actor_names"))[0][0]);
        await db.ExecuteAsync("DELETE FROM actors");

        await db.RollbackAsync("base");
        Assert.Empty(await CatalogAsync(db));
    }

    [Fact]
    public async Task A_changed_aggregate_is_dropped_and_created_around_the_view_that_calls_it_and_goes_back_exactly()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "aggregate");
        var before = await CatalogAsync(db);

        var changed = await db.ConvergeAsync(Model.Replace("stype = TEXT )", "stype = TEXT, initcond = '' )"), "initcond");
        var up = File.ReadAllText(changed.UpPath);
        Assert.True(up.IndexOf("DROP VIEW \"actor_names\"", StringComparison.Ordinal) < up.IndexOf("DROP AGGREGATE \"group_concat\"(text)", StringComparison.Ordinal), up);
        Assert.Contains("CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text, INITCOND = '')", up);
        Assert.Contains("group_concat a _group_concat text init  -- joins with commas", await CatalogAsync(db));

        await db.RollbackAsync(changed.Parents[0]);
        File.Delete(changed.UpPath);
        File.Delete(changed.DownPath);
        Assert.Equal(before, await CatalogAsync(db));

        // COMMENT ON AGGREGATE needs the argument types: a changed comment makes the aggregate again, with its view.
        var commented = await db.ConvergeAsync(Model.Replace("joins with commas", "comma list"), "comment");
        Assert.Contains("COMMENT ON AGGREGATE \"group_concat\"(text) IS 'comma list'", File.ReadAllText(commented.UpPath));
        await db.RollbackAsync(commented.Parents[0]);
        Assert.Equal(before, await CatalogAsync(db));
    }

    [Fact]
    public async Task Inspect_models_an_aggregate_and_a_copy_has_the_same_catalog()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE FUNCTION public._group_concat(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $_$
            SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END $_$;
            CREATE AGGREGATE public.group_concat(text) (SFUNC = public._group_concat, STYPE = text);
            CREATE FUNCTION public.int_max(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT greatest($1, $2)';
            CREATE AGGREGATE public.biggest(integer) (SFUNC = int_max, STYPE = integer, COMBINEFUNC = int_max, SORTOP = >, PARALLEL = SAFE);
            CREATE TABLE films (id int PRIMARY KEY, title text NOT NULL, length int);
            CREATE VIEW film_titles AS SELECT group_concat(title) AS titles, biggest(length) AS longest FROM films;
            """);
        Assert.Contains("aggregates:", db.Yaml);
        Assert.DoesNotContain(db.Inspection.LeftAlone, l => l.Kind == "aggregate");
        await db.RoundTripAsync();
    }
}
