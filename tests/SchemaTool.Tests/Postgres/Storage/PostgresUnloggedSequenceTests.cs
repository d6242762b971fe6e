using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Postgres.Adoption;

namespace SchemaTool.Tests.Postgres.Storage;

/// <summary>
/// From PostgreSQL 15 a sequence can be unlogged, and `serial` in CREATE UNLOGGED TABLE makes the serial's sequence
/// unlogged with its table, while pg_dump creates it apart with CREATE SEQUENCE, logged (Danbooru's rate_limits).
/// A serial's sequence whose persistence differs from its table's is modelled (`auto_increment: { unlogged: false }`),
/// so that the copy has the same; before 15 a sequence is always logged and nothing is written. Before, the copy's
/// sequence was unlogged on 15 and later (real-application class 1).
/// </summary>
public sealed class PostgresUnloggedSequenceTests
{
    private static int ServerVersion => PostgresServer.SelectedVersion;

    private static async Task<string> PersistenceAsync(PostgresTestDatabase db, string relation) =>
        (string)(await db.QueryAsync($"SELECT relpersistence::text FROM pg_class WHERE oid = '{relation}'::regclass"))[0][0]!;

    [Fact]
    public async Task An_unlogged_tables_serial_sequence_keeps_its_persistence_through_inspect_plan_and_apply()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE UNLOGGED TABLE rate_limits (id bigint NOT NULL PRIMARY KEY, hits int NOT NULL);
            CREATE SEQUENCE rate_limits_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
            ALTER SEQUENCE rate_limits_id_seq OWNED BY rate_limits.id;
            ALTER TABLE ONLY rate_limits ALTER COLUMN id SET DEFAULT nextval('rate_limits_id_seq'::regclass);
            CREATE UNLOGGED TABLE hits (id bigserial PRIMARY KEY);
            CREATE UNLOGGED TABLE counters (id serial PRIMARY KEY);
            ALTER SEQUENCE counters_id_seq START WITH 100 RESTART;
            """);
        var logged = ServerVersion >= 15 ? ", auto_increment: { unlogged: false }" : "";
        Assert.Contains($"id:   {{ type: bigserial, primary_key: true{logged} }}", db.Yaml);
        Assert.Contains("id: { type: bigserial, primary_key: true }", db.Yaml);
        Assert.Contains("id: { type: serial, primary_key: true, auto_increment: { start: 100 } }", db.Yaml);

        // The comparison reads each sequence's relpersistence.
        await db.RoundTripAsync();
    }

    [Fact]
    public async Task Changing_a_serial_sequences_persistence_is_an_alter_with_its_inverse()
    {
        const string Model = "tables:\n  t:\n    unlogged: true\n    columns:\n      id: { type: serial, primary_key: true, auto_increment: { unlogged: false } }\n";
        await using var db = await PostgresTestDatabase.CreateAsync();
        if (ServerVersion < 15)
        {
            var refused = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(Model));
            Assert.Contains($"column 't.id': a sequence logged otherwise than its table (`unlogged: false`) needs PostgreSQL 15 or later; this server is PostgreSQL {ServerVersion}", refused.Message);
            return;
        }
        var first = await db.ConvergeAsync(Model);
        Assert.Equal("u", await PersistenceAsync(db, "t"));
        Assert.Equal("p", await PersistenceAsync(db, "t_id_seq"));

        var follows = Model.Replace(", auto_increment: { unlogged: false }", "");
        var (plan, _) = await db.PlanAsync(follows);
        Assert.Contains("ALTER SEQUENCE \"t_id_seq\" SET UNLOGGED", plan.UpScript);
        Assert.Contains("ALTER SEQUENCE \"t_id_seq\" SET LOGGED", plan.DownScript);
        await db.ApplyAsync();
        Assert.Equal("u", await PersistenceAsync(db, "t_id_seq"));
        Assert.True((await db.PlanAsync(follows)).Plan.IsEmpty);

        await db.RollbackAsync(first.Id);
        Assert.Equal("p", await PersistenceAsync(db, "t_id_seq"));
        Assert.True((await db.PlanAsync(Model)).Plan.IsEmpty);
    }

    [Fact]
    public async Task An_identitys_sequence_takes_no_unlogged()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var refused = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(
            "tables:\n  t:\n    unlogged: true\n    columns:\n      id: { type: int, primary_key: true, auto_increment: { unlogged: false } }\n"));
        Assert.Contains("column 't.id': `unlogged:` is for a serial's sequence; an identity's sequence is logged as its table is", refused.Message);
    }
}
