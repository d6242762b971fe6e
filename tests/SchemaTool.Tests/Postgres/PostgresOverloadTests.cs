using SchemaTool.Tests.Postgres.Adoption;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Overloaded functions on the real server (pick(a integer) beside pick(a text)): inspect keys each overload
/// (pick_integer, pick_text with name: pick), plan pairs them by name and identity arguments, so that a change of
/// one overload's arguments drops and creates that one alone, with what calls it (pg_depend says which overload a
/// view or trigger calls), and DROP names the argument types. Read back through the test's own pg_catalog queries.
/// </summary>
public sealed class PostgresOverloadTests
{
    private const string Setup = """
        CREATE TABLE events (id bigint PRIMARY KEY, kind text, n int DEFAULT 0);
        CREATE FUNCTION pick(a int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT a + 1 $$;
        CREATE FUNCTION pick(a text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(a) $$;
        COMMENT ON FUNCTION pick(text) IS 'the text one';
        CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.n := pick(NEW.n); RETURN NEW; END $$;
        CREATE FUNCTION stamp(a int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT a $$;
        CREATE TRIGGER events_stamp BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION stamp();
        CREATE VIEW kinds AS SELECT id, pick(kind) AS kind FROM events;
        """;

    /// <summary>The schema's routines as the server prints them: identity arguments, comment and definition (an aggregate's state function).</summary>
    private static async Task<List<string>> RoutinesAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' || coalesce(' comment ' || obj_description(p.oid, 'pg_proc'), '')
                   || ': ' || CASE WHEN p.prokind = 'a'
                                   THEN (SELECT 'aggregate of ' || a.aggtransfn::regprocedure::text FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
                                   ELSE pg_get_functiondef(p.oid) END
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Overloads_are_inspected_with_keys_of_their_own_and_round_trip()
    {
        await using var db = await AdoptedDatabase.InspectAsync(Setup);
        Assert.Empty(db.Inspection.LeftAlone);
        Assert.Contains("  pick_integer: { name: pick, definition: ", db.Yaml);
        Assert.Contains("  pick_text: { name: pick, definition: ", db.Yaml);
        // The overload without arguments keeps the plain key; the other one says its server name.
        Assert.Contains("  stamp: { definition: ", db.Yaml);
        Assert.Contains("  stamp_integer: { name: stamp, definition: ", db.Yaml);
        await db.RoundTripAsync();
        Assert.Empty(await RoutinesAsync(db.Copy));
    }

    [Fact]
    public async Task Overloads_are_created_as_the_original_has_them_and_the_view_and_trigger_call_the_right_one()
    {
        await using var db = await AdoptedDatabase.InspectAsync(Setup);
        await db.Copy.ConvergeAsync(db.Yaml, "adopt");
        Assert.Equal(await RoutinesAsync(db.Original), await RoutinesAsync(db.Copy));
        await db.Copy.ExecuteAsync("INSERT INTO events (id, kind, n) VALUES (1, 'a', 1)");
        Assert.Equal([1L, "A"], (await db.Copy.QueryAsync("SELECT id, kind FROM kinds")).Single());
        Assert.Equal([2], (await db.Copy.QueryAsync("SELECT n FROM events")).Single());
        await db.Copy.RollbackAsync("base");
        Assert.Empty(await RoutinesAsync(db.Copy));
    }

    [Fact]
    public async Task A_new_argument_list_of_one_overload_drops_and_creates_that_one_with_the_view_that_calls_it()
    {
        await using var db = await AdoptedDatabase.InspectAsync(Setup);
        await db.Copy.ConvergeAsync(db.Yaml, "adopt");
        var before = await RoutinesAsync(db.Copy);

        var wider = db.Yaml.Replace("pick(a text)", "pick(a text, b text DEFAULT ''::text)");
        Assert.NotEqual(db.Yaml, wider);
        var change = await db.Copy.ConvergeAsync(wider, "wider pick");
        var up = File.ReadAllText(change.UpPath);
        Assert.Equal(["drop view kinds", "drop function pick_text", "create function pick_text", "create view kinds"], PostgresTestDatabase.Operations(up));
        Assert.Contains("DROP FUNCTION \"pick\"(a text);", up);
        Assert.DoesNotContain("pick(a integer)", up);
        Assert.DoesNotContain("events_stamp", up);
        var down = File.ReadAllText(change.DownPath);
        Assert.Contains("DROP FUNCTION \"pick\"(a text, b text);", down);

        await db.Copy.UndoAsync(change);
        Assert.Equal(before, await RoutinesAsync(db.Copy));

        // The trigger calls stamp(), which pg_depend tells apart from stamp(a integer): it stays.
        var other = await db.Copy.ConvergeAsync(db.Yaml.Replace("stamp(a integer)", "stamp(a integer, b integer DEFAULT 0)"), "wider stamp");
        Assert.Equal(["drop function stamp_integer", "create function stamp_integer"], PostgresTestDatabase.Operations(File.ReadAllText(other.UpPath)));
        await db.Copy.UndoAsync(other);
        Assert.Equal(before, await RoutinesAsync(db.Copy));
    }

    [Fact]
    public async Task A_body_or_a_comment_of_one_overload_changes_that_one_alone()
    {
        await using var db = await AdoptedDatabase.InspectAsync(Setup);
        await db.Copy.ConvergeAsync(db.Yaml, "adopt");
        var before = await RoutinesAsync(db.Copy);

        var body = await db.Copy.ConvergeAsync(db.Yaml.Replace("SELECT a + 1", "SELECT a + 2"), "body");
        var up = File.ReadAllText(body.UpPath);
        Assert.Equal(["replace function pick_integer"], PostgresTestDatabase.Operations(up));
        Assert.Contains("CREATE OR REPLACE FUNCTION pick(a integer)", up);
        await db.Copy.UndoAsync(body);
        Assert.Equal(before, await RoutinesAsync(db.Copy));

        var comment = await db.Copy.ConvergeAsync(db.Yaml.Replace("the text one", "upper case"), "comment");
        up = File.ReadAllText(comment.UpPath);
        Assert.Contains("COMMENT ON FUNCTION \"pick\"(a text) IS 'upper case';", up);
        Assert.Contains("COMMENT ON FUNCTION \"pick\"(a text) IS 'the text one';", File.ReadAllText(comment.DownPath));
        await db.Copy.UndoAsync(comment);
        Assert.Equal(before, await RoutinesAsync(db.Copy));
    }

    [Fact]
    public async Task Overloads_written_by_hand_plan_and_a_repeated_signature_is_refused()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        const string model = """
            functions:
              pick_int: { name: pick, definition: "CREATE FUNCTION pick(a int) RETURNS int LANGUAGE sql AS 'SELECT a'" }
              pick_text: { name: pick, definition: "CREATE FUNCTION pick(a text) RETURNS text LANGUAGE sql AS 'SELECT a'" }
            """;
        var created = await db.ConvergeAsync(model, "two picks");
        Assert.Equal(["create function pick_int", "create function pick_text"], PostgresTestDatabase.Operations(File.ReadAllText(created.UpPath)).Order().ToList());
        Assert.Equal(2, (await RoutinesAsync(db)).Count);

        var twice = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(model.Replace("CREATE FUNCTION pick(a text) RETURNS text", "CREATE OR REPLACE FUNCTION pick(a integer) RETURNS int")));
        Assert.Contains("function pick_text: its definition creates the same function as pick_int: pick(a integer)", twice.Message);

        await db.RollbackAsync("base");
        Assert.Empty(await RoutinesAsync(db));
    }

    [Fact]
    public async Task Aggregates_of_one_name_over_overloaded_state_functions_are_adopted_and_rolled_back()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE FUNCTION _join(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce($1 || ',', '') || $2 $$;
            CREATE FUNCTION _join(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce($1, 0) + $2 $$;
            CREATE AGGREGATE joined(text) (SFUNC = _join, STYPE = text);
            CREATE AGGREGATE joined(integer) (SFUNC = _join, STYPE = integer);
            COMMENT ON AGGREGATE joined(integer) IS 'sums';
            """);
        Assert.Empty(db.Inspection.LeftAlone);
        Assert.Contains("  joined_integer: { name: joined, definition: ", db.Yaml);
        Assert.Contains("  _join_text_text: { name: _join, definition: ", db.Yaml);
        await db.Copy.ConvergeAsync(db.Yaml, "adopt");
        var routines = await RoutinesAsync(db.Original);
        Assert.Contains("joined(integer) comment sums: aggregate of _join(integer,integer)", routines);
        Assert.Equal(routines, await RoutinesAsync(db.Copy));
        Assert.Equal([6, "1,5"], (await db.Copy.QueryAsync("SELECT joined(n), joined(n::text) FROM (VALUES (1), (5)) v(n)")).Single());
        await db.Copy.RollbackAsync("base");
        Assert.Empty(await RoutinesAsync(db.Copy));
    }


}
