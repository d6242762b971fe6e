using SchemaTool.Tests.Postgres.Adoption;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// A PostgreSQL trigger's name is its table's: several tables may each have a trigger named last_updated (pagila's
/// thirteen). The model keys them apart (`film_last_updated: { name: last_updated, table: film }`), `inspect` writes
/// them so, and each is created, changed, commented, renamed, dropped and carried by its table's rename on its own,
/// every rollback exact, as the test's own catalog query reads it.
/// </summary>
public sealed class PostgresSharedTriggerNameTests
{
    private const string Model = """
        tables:
          actor:
            columns:
              id:      { type: int, primary_key: true }
              touched: { type: int, default: 0 }
          film:
            columns:
              id:      { type: int, primary_key: true }
              touched: { type: int, default: 0 }
        functions:
          touch: { definition: "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := OLD.touched + 1; RETURN NEW; END $$" }
        triggers:
          actor_last_updated: { name: last_updated, table: actor, timing: before, events: [update], execute: touch() }
          film_last_updated: { name: last_updated, table: film, timing: before, events: [update], execute: touch() }
        """;

    /// <summary>The schema's triggers as the server prints them, with their tables and comments.</summary>
    private static async Task<List<string>> TriggersAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT c.relname || ' ' || tg.tgname || coalesce(' comment ' || obj_description(tg.oid, 'pg_trigger'), '') || ': ' || pg_get_triggerdef(tg.oid, true)
            FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND NOT tg.tgisinternal
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Triggers_of_two_tables_sharing_a_name_are_inspected_modelled_and_round_trip()
    {
        const string sql = """
            CREATE FUNCTION last_updated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := now(); RETURN NEW; END $$;
            CREATE TABLE actor (id int PRIMARY KEY, touched timestamptz);
            CREATE TABLE film (id int PRIMARY KEY, touched timestamptz);
            CREATE TRIGGER last_updated BEFORE UPDATE ON actor FOR EACH ROW EXECUTE FUNCTION last_updated();
            CREATE TRIGGER last_updated BEFORE UPDATE ON film FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION last_updated();
            COMMENT ON TRIGGER last_updated ON film IS 'stamps films';
            CREATE TRIGGER film_audit AFTER INSERT ON film FOR EACH STATEMENT EXECUTE FUNCTION last_updated();
            """;
        await using var db = await AdoptedDatabase.InspectAsync(sql);
        Assert.Empty(db.Inspection.LeftAlone);
        Assert.Contains("  actor_last_updated: { name: last_updated, table: actor, timing: before, events: [update], execute: ", db.Yaml);
        Assert.Contains("  film_last_updated: { name: last_updated, table: film, timing: before, events: [update], when: ", db.Yaml);
        Assert.Contains("  film_audit: { table: film, timing: after, events: [insert], for_each: statement, execute: ", db.Yaml);

        var (_, revision) = await db.Copy.PlanAsync(db.Yaml, "adopt");
        Assert.NotNull(revision);
        await db.Copy.ApplyAsync();
        Assert.Equal(await TriggersAsync(db.Original), await TriggersAsync(db.Copy));
        Assert.True((await db.PlanAsync(db.Copy)).IsEmpty);
        await db.Copy.RollbackAsync("base");
        Assert.Empty(await TriggersAsync(db.Copy));
    }

    [Fact]
    public async Task Each_of_two_triggers_sharing_a_name_changes_on_its_own_and_rolls_back_exactly()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var created = await db.ConvergeAsync(Model, "triggers");
        Assert.Equal(
            ["create trigger last_updated on actor", "create trigger last_updated on film"],
            PostgresTestDatabase.Operations(File.ReadAllText(created.UpPath)).Where(o => o.Contains("trigger", StringComparison.Ordinal)));
        var before = await TriggersAsync(db);
        Assert.Equal([
            "actor last_updated: CREATE TRIGGER last_updated BEFORE UPDATE ON actor FOR EACH ROW EXECUTE FUNCTION touch()",
            "film last_updated: CREATE TRIGGER last_updated BEFORE UPDATE ON film FOR EACH ROW EXECUTE FUNCTION touch()",
        ], before);
        await db.ExecuteAsync("INSERT INTO actor VALUES (1, 0); INSERT INTO film VALUES (1, 0); UPDATE actor SET id = 1; UPDATE film SET id = 1");
        Assert.Equal([1, 1], (await db.QueryAsync("SELECT (SELECT touched FROM actor), (SELECT touched FROM film)")).Single());

        // A change of one is a drop and a create of that one alone.
        var changed = await db.ConvergeAsync(Model.Replace("table: film, timing: before, events: [update]", "table: film, timing: before, events: [insert, update]"), "film on insert");
        Assert.Equal(["drop trigger last_updated on film", "create trigger last_updated on film"], PostgresTestDatabase.Operations(File.ReadAllText(changed.UpPath)));
        Assert.Equal(["drop trigger last_updated on film", "create trigger last_updated on film"], PostgresTestDatabase.Operations(File.ReadAllText(changed.DownPath)));
        await db.UndoAsync(changed);
        Assert.Equal(before, await TriggersAsync(db));

        // A comment on one is set on that one alone.
        var commented = await db.ConvergeAsync(Model.Replace("execute: touch() }\n  film", "execute: touch(), comment: counts actors }\n  film"), "comment");
        Assert.Equal(["set comment of trigger last_updated on actor"], PostgresTestDatabase.Operations(File.ReadAllText(commented.UpPath)));
        Assert.Contains("COMMENT ON TRIGGER \"last_updated\" ON \"actor\" IS 'counts actors';", File.ReadAllText(commented.UpPath));
        Assert.Contains("actor last_updated comment counts actors: CREATE TRIGGER last_updated", (await TriggersAsync(db))[0]);
        await db.UndoAsync(commented);
        Assert.Equal(before, await TriggersAsync(db));

        // Dropping one leaves the other.
        var dropped = await db.ConvergeAsync(Model[..Model.IndexOf("  film_last_updated", StringComparison.Ordinal)], "no film trigger");
        Assert.Equal(["drop trigger last_updated on film"], PostgresTestDatabase.Operations(File.ReadAllText(dropped.UpPath)));
        Assert.Equal([before[0]], await TriggersAsync(db));
        await db.UndoAsync(dropped);
        Assert.Equal(before, await TriggersAsync(db));

        // Another name on the server is another trigger: dropped and created.
        var renamed = await db.ConvergeAsync(Model.Replace("film_last_updated: { name: last_updated,", "film_last_updated: { name: film_touch,"), "rename");
        Assert.Equal(["drop trigger last_updated on film", "create trigger film_touch on film"], PostgresTestDatabase.Operations(File.ReadAllText(renamed.UpPath)));
        await db.UndoAsync(renamed);
        Assert.Equal(before, await TriggersAsync(db));

        // Another key for the same trigger is no change.
        Assert.True((await db.PlanOnlyAsync(Model.Replace("film_last_updated:", "film_stamp:"))).IsEmpty);
    }

    [Fact]
    public async Task A_renamed_table_keeps_its_trigger_beside_another_of_the_same_name()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "triggers");
        var before = await TriggersAsync(db);

        var moved = Model.Replace("  film:\n    columns:", "  movie:\n    renamed_from: film\n    columns:").Replace("table: film,", "table: movie,");
        var renamed = await db.ConvergeAsync(moved, "film is movie");
        Assert.Equal(["drop trigger last_updated on film", "rename table film to movie", "create trigger last_updated on movie"],
            PostgresTestDatabase.Operations(File.ReadAllText(renamed.UpPath)));
        Assert.Equal([
            "actor last_updated: CREATE TRIGGER last_updated BEFORE UPDATE ON actor FOR EACH ROW EXECUTE FUNCTION touch()",
            "movie last_updated: CREATE TRIGGER last_updated BEFORE UPDATE ON movie FOR EACH ROW EXECUTE FUNCTION touch()",
        ], await TriggersAsync(db));
        await db.UndoAsync(renamed);
        Assert.Equal(before, await TriggersAsync(db));
    }

    [Fact]
    public async Task Only_the_trigger_reading_a_changed_column_is_dropped_and_created_around_it()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var model = Model.Replace("table: film, timing: before, events: [update],", "table: film, timing: before, events: [update], when: \"OLD.id <> NEW.id\",");
        await db.ConvergeAsync(model, "triggers");
        var before = await TriggersAsync(db);

        var change = await db.ConvergeAsync(model.Replace("  film:\n    columns:\n      id:      { type: int,", "  film:\n    columns:\n      id:      { type: bigint,"), "wider film ids");
        var ops = PostgresTestDatabase.Operations(File.ReadAllText(change.UpPath));
        Assert.Equal("drop trigger last_updated on film", ops[0]);
        Assert.Equal("create trigger last_updated on film", ops[^1]);
        Assert.DoesNotContain(ops, o => o.EndsWith(" on actor", StringComparison.Ordinal));
        await db.UndoAsync(change);
        Assert.Equal(before, await TriggersAsync(db));
    }

    [Fact]
    public async Task Two_triggers_of_one_table_with_one_name_and_a_broken_one_are_refused_naming_their_place()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var error = await Assert.ThrowsAsync<SchemaTool.Yaml.ModelException>(() => db.PlanOnlyAsync(
            Model + "\n  film_again: { name: last_updated, table: film, timing: after, events: [delete], execute: touch() }\n"));
        Assert.Equal("schema.yaml:15:3: trigger 'film_again' is named 'last_updated' on table 'film', as is 'film_last_updated' (at schema.yaml:14:3); " +
            "one table's triggers need names of their own: give one another `name:`", Assert.Single(error.Errors));

        // What the server refuses of one of them is named with its table.
        var broken = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(
            Model.Replace("table: film, timing: before, events: [update], execute: touch()", "table: film, timing: before, events: [update], execute: nosuch()")));
        Assert.Contains("trigger last_updated on film: PostgreSQL refuses it: function nosuch() does not exist", broken.Message);
    }


}
