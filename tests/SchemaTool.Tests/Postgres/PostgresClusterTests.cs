using SchemaTool.Tests.Postgres.Adoption;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// The index a table is clustered on (CLUSTER t USING idx, or ALTER TABLE ... CLUSTER ON, as pg_dump writes it):
/// `cluster_on:` of the table, set and changed with ALTER TABLE ... CLUSTER ON / SET WITHOUT CLUSTER, kept when its
/// index is built again, read back from pg_index.indisclustered by the test's own query.
/// </summary>
public sealed class PostgresClusterTests
{
    private const string Model = """
        tables:
          orders:
            columns:
              id:     { type: int }
              placed: { type: date }
              total:  { type: "numeric(10,2)", nullable: true }
            primary_key: { name: orders_pkey, columns: [id] }
            indexes:
              ix_orders_placed: { columns: [placed] }
            cluster_on: orders_pkey
        """;

    private static async Task<List<string>> ClusteredAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT c.relname || ' ' || ic.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND i.indisclustered ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task A_table_is_clustered_on_its_key_then_on_an_index_then_on_none_and_each_down_file_restores_it()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var created = await db.ConvergeAsync(Model, "clustered");
        Assert.Contains("ALTER TABLE \"orders\" CLUSTER ON \"orders_pkey\"", File.ReadAllText(created.UpPath));
        Assert.Equal(["orders orders_pkey"], await ClusteredAsync(db));

        var onIndex = await db.ConvergeAsync(Model.Replace("cluster_on: orders_pkey", "cluster_on: ix_orders_placed"), "on index");
        Assert.Equal(["orders ix_orders_placed"], await ClusteredAsync(db));
        var none = await db.ConvergeAsync(Model.Replace("\n    cluster_on: orders_pkey", ""), "none");
        Assert.Contains("ALTER TABLE \"orders\" SET WITHOUT CLUSTER", File.ReadAllText(none.UpPath));
        Assert.Empty(await ClusteredAsync(db));

        await db.RollbackAsync(none.Parents[0]);
        Assert.Equal(["orders ix_orders_placed"], await ClusteredAsync(db));
        await db.RollbackAsync(onIndex.Parents[0]);
        Assert.Equal(["orders orders_pkey"], await ClusteredAsync(db));
    }

    [Fact]
    public async Task The_clustered_index_built_again_is_clustered_again_both_ways()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var onIndex = Model.Replace("cluster_on: orders_pkey", "cluster_on: ix_orders_placed");
        await db.ConvergeAsync(onIndex, "clustered");
        var rebuilt = await db.ConvergeAsync(onIndex.Replace("columns: [placed] }", "columns: [placed, id] }"), "rebuilt");
        Assert.Equal(["orders ix_orders_placed"], await ClusteredAsync(db));
        await db.RollbackAsync(rebuilt.Parents[0]);
        Assert.Equal(["orders ix_orders_placed"], await ClusteredAsync(db));
    }

    [Fact]
    public async Task Inspect_reads_the_clustered_index_and_a_copy_is_clustered_alike()
    {
        // The catalog comparison of the round trip reads each index's clustering (CatalogSnapshot's index line).
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE a (id int PRIMARY KEY, code text UNIQUE);
            CREATE TABLE b (id int PRIMARY KEY, at date NOT NULL);
            CREATE INDEX ix_b_at ON b (at);
            CLUSTER a USING a_code_key;
            ALTER TABLE b CLUSTER ON ix_b_at;
            CREATE MATERIALIZED VIEW daily AS SELECT at, count(*) AS n FROM b GROUP BY at;
            CREATE UNIQUE INDEX ix_daily_at ON daily (at);
            CLUSTER daily USING ix_daily_at;
            """);
        Assert.Contains("cluster_on: a_code_key", db.Yaml);
        Assert.Contains("cluster_on: ix_b_at", db.Yaml);
        Assert.Contains("cluster_on: ix_daily_at", db.Yaml);
        await db.RoundTripAsync();
    }

    [Fact]
    public void Cluster_on_an_index_the_table_does_not_have_is_refused_at_its_place()
    {
        var e = Assert.Throws<SchemaTool.Yaml.ModelException>(() => SchemaTool.Yaml.ModelLoader.Load("schema/t.yaml", Model.Replace("cluster_on: orders_pkey", "cluster_on: ix_nope")));
        Assert.Equal("schema/t.yaml:10:17: table 'orders': `cluster_on:` names no index of the table: ix_nope (its indexes: orders_pkey, ix_orders_placed)", Assert.Single(e.Errors));
    }
}
