namespace SchemaTool.Tests.Postgres;

/// <summary>Traps of TRAPS.md that need a database made by hand rather than by the tool.</summary>
public sealed class PostgresTrapTests
{
    [Fact]
    public async Task Not_valid_checks_and_foreign_keys_are_not_a_change()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("""
            CREATE TABLE parents (id int PRIMARY KEY);
            CREATE TABLE kids (id int PRIMARY KEY, parent_id int NOT NULL, age int NOT NULL);
            ALTER TABLE kids ADD CONSTRAINT ck_kids_age CHECK (age >= 0) NOT VALID;
            ALTER TABLE kids ADD CONSTRAINT fk_kids_parent FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID;
            """);
        var (plan, _) = await db.PlanAsync("""
            tables:
              parents:
                columns:
                  id: { type: int, primary_key: true }
              kids:
                columns:
                  id:        { type: int, primary_key: true }
                  parent_id: { type: int }
                  age:       { type: int }
                foreign_keys:
                  fk_kids_parent: { columns: [parent_id], references: { table: parents, columns: [id] } }
                checks:
                  ck_kids_age: "age >= 0"
            """);
        Assert.True(plan.IsEmpty, plan.UpScript);
    }

    [Fact]
    public async Task Primary_key_column_order_is_a_change()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE TABLE events (created_at timestamptz NOT NULL, id bigint NOT NULL, PRIMARY KEY (created_at, id))");
        var (plan, _) = await db.PlanAsync("""
            tables:
              events:
                columns:
                  created_at: { type: timestamptz }
                  id:         { type: bigint }
                primary_key: [id, created_at]
            """);
        Assert.Contains("ALTER TABLE \"events\" DROP CONSTRAINT \"events_pkey\"", plan.UpScript);
        Assert.Contains("CREATE UNIQUE INDEX CONCURRENTLY \"events_pkey\" ON \"events\" (\"id\", \"created_at\")", plan.UpScript);
        Assert.Contains("ADD CONSTRAINT \"events_pkey\" PRIMARY KEY USING INDEX \"events_pkey\"", plan.UpScript);
        await db.ApplyAsync();
        var (again, _) = await db.PlanAsync("""
            tables:
              events:
                columns:
                  created_at: { type: timestamptz }
                  id:         { type: bigint }
                primary_key: [id, created_at]
            """);
        Assert.True(again.IsEmpty, again.UpScript);
    }

    [Fact]
    public async Task A_schema_made_with_other_spellings_needs_no_change()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("""
            CREATE TABLE things (
              id SERIAL PRIMARY KEY,
              code VARCHAR(10) NOT NULL DEFAULT '' CHECK (code IN ('', 'a', 'b')),
              price NUMERIC(8, 2) NOT NULL DEFAULT 0.00 CHECK (price >= 0),
              tags TEXT[] NOT NULL DEFAULT '{}',
              meta JSONB NOT NULL DEFAULT '{}'::jsonb,
              seen TIMESTAMP(3) WITH TIME ZONE,
              note TEXT DEFAULT NULL
            );
            CREATE INDEX ix_things_code ON things USING btree (lower(code) DESC) WHERE (price > 0 AND note IS NOT NULL);
            """);
        var (plan, _) = await db.PlanAsync("""
            tables:
              things:
                columns:
                  id:    { type: serial, primary_key: true }
                  code:  { type: varchar(10), default: "" }
                  price: { type: "decimal(8,2)", default: 0.00 }
                  tags:  { type: "text[]", default: "{}" }
                  meta:  { type: jsonb, default: "{}" }
                  seen:  { type: timestamptz(3), nullable: true }
                  note:  { type: text, nullable: true }
                indexes:
                  ix_things_code: { columns: [{ expression: "lower(code)", order: desc }], where: "price > 0 and note is not null" }
                checks:
                  things_code_check: "code IN ('', 'a', 'b')"
                  things_price_check: "price >= 0"
            """);
        Assert.True(plan.IsEmpty, plan.UpScript);
    }
}
