namespace SchemaTool.Tests.Postgres;

/// <summary>
/// A negative number as the default of a column that is not an integer: PostgreSQL prints `DEFAULT -1` on a bigint,
/// smallint or numeric column back as <c>'-1'::integer</c> (the literal keeps the type it was read with, and the
/// column converts it when a row is inserted). That is the value -1, and the model's `default: -1` must compare
/// equal to it; else every plan sets the default again, forever. A cast that could change the value (a fraction cast
/// to integer rounds) stays a difference.
/// </summary>
public sealed class PostgresNegativeDefaultTests
{
    [Fact]
    public async Task A_negative_default_on_a_bigint_smallint_or_numeric_column_converges()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync("""
            tables:
              stats:
                columns:
                  id:      { type: int, primary_key: true }
                  latency: { type: bigint, default: -1 }
                  small:   { type: smallint, default: -1 }
                  plain:   { type: int, default: -1 }
                  amount:  { type: "numeric(10,2)", default: -1 }
                  ratio:   { type: numeric, default: -2.5 }
            """, "stats");

        var printed = await db.QueryAsync("""
            SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
            JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'stats'::regclass ORDER BY a.attnum
            """);
        Assert.Equal(["'-1'::integer", "'-1'::integer", "'-1'::integer", "'-1'::integer", "'-2.5'::numeric"],
            printed.Select(r => (string)r[1]!));
        await db.ExecuteAsync("INSERT INTO stats (id) VALUES (1)");
        Assert.Equal([-1L, (short)-1, -1, -1.00m, -2.5m], (await db.QueryAsync("SELECT latency, small, plain, amount, ratio FROM stats")).Single());
    }

    [Fact]
    public async Task A_cast_that_rounds_is_not_taken_for_the_number()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE t (id int PRIMARY KEY, n numeric DEFAULT '2.5'::numeric::integer)");
        var plan = await db.PlanOnlyAsync("""
            tables:
              t:
                columns:
                  id: { type: int, primary_key: true }
                  n:  { type: numeric, nullable: true, default: 2.5 }
            """);
        Assert.False(plan.IsEmpty);
    }
}
