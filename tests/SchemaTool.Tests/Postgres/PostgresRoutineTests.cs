namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Functions, procedures and triggers on the real server: written in any spelling and compared in the server's
/// canonical form (pg_get_functiondef, pg_get_triggerdef: a second plan is empty), read back through pg_catalog by the
/// test's own queries, replaced in place or dropped and created with the triggers that call them, triggers dropped
/// and created around a change of a column they read, every rollback exact (overloads: PostgresOverloadTests).
/// </summary>
public sealed class PostgresRoutineTests
{
    private const string Model = """
        tables:
          users:
            columns:
              id:      { type: int, primary_key: true }
              name:    { type: text }
              touched: { type: int, default: 0 }
        views:
          names: { sql: "SELECT id, name, label(name) AS label FROM users" }
        functions:
          label: { definition: "CREATE FUNCTION label(n text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(n) $$" }
          touch:
            definition: |-
              create function touch() returns trigger language plpgsql as $$
              begin
                new.touched := old.touched + 1;
                return new;
              end $$
            comment: counts updates
          add_user:
            definition: CREATE FUNCTION add_user() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO users (id, name) VALUES (NEW.id, NEW.name); RETURN NEW; END $$
        procedures:
          rename_user:
            definition: CREATE PROCEDURE rename_user(who int, to_name text) LANGUAGE sql AS $$ UPDATE users SET name = to_name WHERE id = who $$
        triggers:
          users_touch:
            table: users
            timing: before
            events: [update]
            update_of: [name]
            when: OLD.name IS DISTINCT FROM NEW.name
            execute: touch()
            comment: on rename
          names_insert: { table: names, timing: instead of, events: [insert], execute: add_user() }
        """;

    /// <summary>The schema's routines and triggers as the server prints them, with their comments.</summary>
    private static async Task<List<string>> CatalogAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT 'routine ' || p.proname || ' ' || p.prokind::text || coalesce(' comment ' || obj_description(p.oid, 'pg_proc'), '') || ': ' || pg_get_functiondef(p.oid)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
            UNION ALL
            SELECT 'trigger ' || tg.tgname || coalesce(' comment ' || obj_description(tg.oid, 'pg_trigger'), '') || ': ' || pg_get_triggerdef(tg.oid, true)
            FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND NOT tg.tgisinternal
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Functions_procedures_and_triggers_are_created_compared_canonically_and_rolled_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "routines");

        var catalog = await CatalogAsync(db);
        Assert.Equal(6, catalog.Count);
        Assert.StartsWith("routine add_user f: CREATE OR REPLACE FUNCTION public.add_user()", catalog[0]);
        Assert.StartsWith("routine label f: CREATE OR REPLACE FUNCTION public.label(n text)", catalog[1]);
        catalog.RemoveAt(1);
        // PostgreSQL 14 started to print IN before a procedure's arguments.
        Assert.Matches(@"^routine rename_user p: CREATE OR REPLACE PROCEDURE public\.rename_user\((IN )?who integer, (IN )?to_name text\)", catalog[1]);
        Assert.StartsWith("routine touch f comment counts updates: CREATE OR REPLACE FUNCTION public.touch()", catalog[2]);
        Assert.Equal("trigger names_insert: CREATE TRIGGER names_insert INSTEAD OF INSERT ON names FOR EACH ROW EXECUTE FUNCTION add_user()", catalog[3]);
        Assert.Equal("trigger users_touch comment on rename: CREATE TRIGGER users_touch BEFORE UPDATE OF name ON users FOR EACH ROW " +
            "WHEN (old.name IS DISTINCT FROM new.name) EXECUTE FUNCTION touch()", catalog[4]);

        await db.ExecuteAsync("INSERT INTO names VALUES (1, 'ann'); CALL rename_user(1, 'anna'); UPDATE users SET name = 'anna'");
        Assert.Equal([1, "anna", 1], (await db.QueryAsync("SELECT id, name, touched FROM users")).Single());

        await db.RollbackAsync("base");
        Assert.Empty(await CatalogAsync(db));
    }

    [Fact]
    public async Task A_body_is_replaced_in_place_and_a_new_signature_drops_and_creates_the_routine_with_what_calls_it()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "routines");
        var before = await CatalogAsync(db);

        var body = await db.ConvergeAsync(Model.Replace("old.touched + 1", "old.touched + 10"), "count by ten");
        Assert.Equal(["replace function touch"], PostgresTestDatabase.Operations(File.ReadAllText(body.UpPath)));
        Assert.Contains("CREATE OR REPLACE FUNCTION touch()\n RETURNS trigger", File.ReadAllText(body.UpPath));
        await db.UndoAsync(body);
        Assert.Equal(before, await CatalogAsync(db));

        // Security is not part of the signature: replaced in place too.
        var secure = await db.ConvergeAsync(Model.Replace("returns trigger language plpgsql as", "returns trigger language plpgsql security definer as"), "definer");
        Assert.Equal(["replace function touch"], PostgresTestDatabase.Operations(File.ReadAllText(secure.UpPath)));
        await db.UndoAsync(secure);

        var wider = await db.ConvergeAsync(Model.Replace("rename_user(who int, to_name text)", "rename_user(who bigint, to_name text)"), "wider id");
        Assert.Equal(["drop procedure rename_user", "create procedure rename_user"], PostgresTestDatabase.Operations(File.ReadAllText(wider.UpPath)));
        Assert.Matches(@"CREATE OR REPLACE PROCEDURE rename_user\((IN )?who bigint, (IN )?to_name text\)", File.ReadAllText(wider.UpPath));
        await db.UndoAsync(wider);
        Assert.Equal(before, await CatalogAsync(db));

        // A new result type: label() is dropped and created, and the view that calls it (with the trigger on that view) around it.
        var retyped = await db.ConvergeAsync(Model.Replace("label(n text) RETURNS text", "label(n text) RETURNS varchar"), "result type");
        var ops = PostgresTestDatabase.Operations(File.ReadAllText(retyped.UpPath));
        Assert.Equal(6, ops.Count);
        Assert.Equal("drop trigger names_insert on names", ops[0]);
        Assert.True(ops.IndexOf("drop view names") < ops.IndexOf("drop function label"), string.Join("\n", ops));
        Assert.True(ops.IndexOf("create function label") < ops.IndexOf("create view names"), string.Join("\n", ops));
        Assert.Equal("create trigger names_insert on names", ops[5]);
        await db.UndoAsync(retyped);
        Assert.Equal(before, await CatalogAsync(db));
    }

    [Fact]
    public async Task A_trigger_is_dropped_and_created_around_a_change_of_a_column_its_condition_reads()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "routines");
        var before = await CatalogAsync(db);

        var change = await db.ConvergeAsync(Model.Replace("name:    { type: text }", "name:    { type: varchar(40) }"), "shorter names");
        var up = Statements(File.ReadAllText(change.UpPath));
        var alter = up.FindIndex(s => s.Contains("ALTER COLUMN \"name\" TYPE character varying(40)", StringComparison.Ordinal));
        Assert.True(alter > 0, string.Join("\n", up));
        Assert.True(up.FindIndex(s => s.StartsWith("DROP TRIGGER \"users_touch\"", StringComparison.Ordinal)) < alter);
        Assert.True(up.FindIndex(s => s.StartsWith("CREATE TRIGGER \"users_touch\"", StringComparison.Ordinal)) > alter);
        await db.UndoAsync(change);
        Assert.Equal(before, await CatalogAsync(db));
    }

    [Fact]
    public async Task A_trigger_with_a_body_and_a_broken_function_are_refused_at_plan()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        const string table = "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n";
        var body = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(table +
            "triggers:\n  t_touch: { table: t, timing: before, events: [insert], body: \"SELECT 1;\" }\n"));
        Assert.Contains("trigger t_touch: PostgreSQL runs a trigger's action as a function", body.Message);
        var broken = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(table +
            "functions:\n  f: { definition: \"CREATE FUNCTION f() RETURNS nosuchtype LANGUAGE sql AS 'SELECT 1'\" }\n"));
        Assert.Contains("function f: PostgreSQL refuses it: type \"nosuchtype\" does not exist", broken.Message);
        var other = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(table +
            "functions:\n  f: { definition: \"CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1'\" }\n"));
        Assert.Contains("function 'f', definition: it creates g, but the function is named f", other.Message);
    }



    /// <summary>A script's statements without its comments; a statement ends with a semicolon at the end of a line.</summary>
    private static List<string> Statements(string script) =>
        string.Join("\n", script.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)))
            .Split(";\n").Select(s => s.Trim()).Where(s => s.Length > 0).Select(s => s + ";").ToList();
}
