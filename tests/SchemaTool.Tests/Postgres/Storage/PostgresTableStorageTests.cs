using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Postgres.Adoption;

namespace SchemaTool.Tests.Postgres.Storage;

/// <summary>
/// Table storage parameters (`CREATE TABLE ... WITH (fillfactor = 70, autovacuum_enabled = false)`, PostgreSQL) are
/// modelled (`with:`): inspect writes them in the stored order and spelling, the copy stores the same, spellings of
/// one value are no change, and a change is ALTER TABLE SET (...) / RESET (...) with its exact inverse, which rewrites
/// nothing (a new fillfactor applies to pages written from then on). A partition's own parameters stay named.
/// Before, inspect named them all and the copy had the defaults (real-application class F; Danbooru's rate_limits).
/// </summary>
public sealed class PostgresTableStorageTests
{
    private static async Task<string?> OptionsAsync(PostgresTestDatabase db, string relation) =>
        (string?)(await db.QueryAsync($"SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = '{relation}'::regclass"))[0][0];

    [Fact]
    public async Task Table_storage_parameters_are_kept_through_inspect_plan_and_apply()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE posts (id int PRIMARY KEY, body text)
              WITH (fillfactor = 50, autovacuum_enabled = off, autovacuum_vacuum_scale_factor = '0.05', toast_tuple_target = 256);
            CREATE UNLOGGED TABLE rate_limits (id bigint PRIMARY KEY, hits int NOT NULL) WITH (fillfactor = '10');
            CREATE TABLE plain (id int PRIMARY KEY);
            """);
        Assert.Contains("  posts:\n    with: { fillfactor: 50, autovacuum_enabled: \"off\", autovacuum_vacuum_scale_factor: 0.05, toast_tuple_target: 256 }\n", db.Yaml);
        Assert.Contains("  rate_limits:\n    unlogged: true\n    with: { fillfactor: 10 }\n", db.Yaml);
        Assert.Empty(db.Inspection.LeftAlone);

        // The comparison reads reloptions as stored: 'off' stays 'off', in the same order.
        await db.RoundTripAsync();
    }

    [Fact]
    public async Task Changing_table_storage_is_alter_table_set_and_reset_with_its_inverse()
    {
        const string Model = "tables:\n  t:\n    with: { fillfactor: 70 }\n    columns:\n      id: { type: int, primary_key: true }\n";
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Model);
        Assert.Equal("fillfactor=70", await OptionsAsync(db, "t"));
        var file = (await db.QueryAsync("SELECT relfilenode FROM pg_class WHERE relname = 't'"))[0][0];

        var changed = Model.Replace("with: { fillfactor: 70 }", "with: { fillfactor: 90, autovacuum_enabled: false }");
        var (plan, _) = await db.PlanAsync(changed);
        Assert.Contains("ALTER TABLE \"t\" SET (fillfactor = 90, autovacuum_enabled = false);", plan.UpScript);
        Assert.Contains("ALTER TABLE \"t\" RESET (autovacuum_enabled), SET (fillfactor = 70);", plan.DownScript);
        await db.ApplyAsync();
        Assert.Equal("fillfactor=90,autovacuum_enabled=false", await OptionsAsync(db, "t"));
        Assert.Equal(file, (await db.QueryAsync("SELECT relfilenode FROM pg_class WHERE relname = 't'"))[0][0]);
        Assert.True((await db.PlanAsync(changed)).Plan.IsEmpty);

        var unlogged = Model.Replace("    with: { fillfactor: 70 }\n", "    unlogged: true\n");
        var (both, _) = await db.PlanAsync(unlogged);
        Assert.Contains("ALTER TABLE \"t\" SET UNLOGGED, RESET (fillfactor, autovacuum_enabled);", both.UpScript);
        await db.ApplyAsync();
        Assert.Null(await OptionsAsync(db, "t"));

        await db.RollbackAsync(first.Id);
        Assert.Equal("fillfactor=70", await OptionsAsync(db, "t"));
        Assert.True((await db.PlanAsync(Model)).Plan.IsEmpty);
    }

    [Fact]
    public async Task Spellings_of_one_value_are_no_change()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE t (id int PRIMARY KEY) WITH (fillfactor = '070', autovacuum_enabled = 'no', autovacuum_vacuum_cost_delay = 2.50)");
        var model = "tables:\n  t:\n    with: { autovacuum_vacuum_cost_delay: 2.5, fillfactor: 70, autovacuum_enabled: false }\n    columns:\n      id: { type: int, primary_key: true }\n";
        Assert.True((await db.PlanOnlyAsync(model)).IsEmpty);
    }

    [Fact]
    public async Task A_partitions_own_parameters_stay_named()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
            CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') WITH (fillfactor = 60);
            """);
        Assert.Equal(["table option fillfactor=60 (on events_2026) is not in the model's scope and is left alone"], db.Inspection.Notices.ToList());
    }

    [Fact]
    public async Task Parameters_the_server_is_too_old_for_are_refused_at_plan()
    {
        const string Model = "tables:\n  t:\n    with: { vacuum_index_cleanup: auto, autovacuum_vacuum_max_threshold: 1000 }\n    columns:\n      id: { type: int, primary_key: true }\n";
        await using var db = await PostgresTestDatabase.CreateAsync();
        if (PostgresServer.SelectedVersion >= 18)
        {
            await db.ConvergeAsync(Model);
            return;
        }
        var refused = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(Model));
        Assert.Contains($"table 't': storage parameter autovacuum_vacuum_max_threshold=1000 needs PostgreSQL 18 or later; this server is PostgreSQL {PostgresServer.SelectedVersion}", refused.Message);
        Assert.Equal(PostgresServer.SelectedVersion < 14, refused.Message.Contains("vacuum_index_cleanup=auto needs PostgreSQL 14"));
    }
}
