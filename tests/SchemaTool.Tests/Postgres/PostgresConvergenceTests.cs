using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Each trap of TRAPS.md on the real server: apply the model, read the catalog back, and a second plan must find
/// nothing to do. Then the down file must take the database back to empty.
/// </summary>
public sealed class PostgresConvergenceTests
{
    private static async Task AssertConvergesAndRollsBack(string yaml)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(yaml);
        await db.RollbackAsync("base");
        Assert.Empty((await db.IntrospectAsync()).Tables);
    }

    [Fact]
    public Task Portable_and_native_types() => AssertConvergesAndRollsBack("""
        tables:
          everything:
            columns:
              id:    { type: serial, primary_key: true }
              a:     { type: smallint }
              b:     { type: int }
              c:     { type: bigint }
              d:     { type: boolean }
              e:     { type: varchar(20) }
              f:     { type: char(3) }
              g:     { type: text }
              h:     { type: "decimal(12,3)" }
              i:     { type: real }
              j:     { type: double }
              k:     { type: date }
              l:     { type: time }
              m:     { type: timestamp }
              n:     { type: timestamptz }
              o:     { type: uuid }
              p:     { type: json }
              q:     { type: binary }
              r:     { type: jsonb }
              s:     { type: "int[]" }
              t:     { type: timestamp(3) }
              u:     { type: VARCHAR(5) }
              v:     { type: int8 }
              w:     { type: bigserial }
        """);

    [Fact]
    public Task Defaults_read_back_with_casts() => AssertConvergesAndRollsBack("""
        tables:
          defaults:
            columns:
              id:      { type: bigint, primary_key: true, auto_increment: true }
              name:    { type: varchar(20), default: draft }
              empty:   { type: varchar(20), default: "" }
              quote:   { type: text, default: "it's" }
              text0:   { type: text, default: 0 }
              price:   { type: "numeric(10,2)", default: 0 }
              ratio:   { type: numeric, default: 1.50 }
              minus:   { type: int, default: -1 }
              quoted5: { type: int, default: "5" }
              flag:    { type: boolean, default: false }
              day:     { type: date, default: "2020-01-01" }
              doc:     { type: jsonb, default: "{}" }
              docstr:  { type: jsonb, default: "\"{}\"" }
              tags:    { type: "text[]", default: "{}" }
              at:      { type: timestamptz, default_sql: now() }
              at2:     { type: timestamp, default_sql: current_timestamp }
              today:   { type: date, default_sql: CURRENT_DATE }
              uid:     { type: uuid, default_sql: gen_random_uuid() }
              nothing: { type: text, nullable: true }
              sqlnum:  { type: int, default_sql: "42" }
              utc:     { type: timestamp, default_sql: "now() AT TIME ZONE 'utc'" }
              empty2d: { type: "int[]", default_sql: "ARRAY[]::integer[]" }
              emptytx: { type: "text[]", default_sql: "ARRAY[]::text[]" }
              strs:    { type: "text[]", default_sql: "ARRAY['a', 'b']" }
              origin:  { type: timestamptz, default_sql: "'0001-01-01 00:00:00'::timestamp" }
              today2:  { type: date, default_sql: "('now'::text)::date" }
        """);

    [Fact]
    public Task Checks_in_the_forms_postgres_reprints() => AssertConvergesAndRollsBack("""
        tables:
          checked:
            columns:
              id:     { type: int, primary_key: true }
              status: { type: varchar(16) }
              kind:   { type: text }
              price:  { type: "numeric(10,2)" }
              qty:    { type: int, nullable: true }
              name:   { type: varchar(30) }
            checks:
              ck_status:   "status IN ('draft','live')"
              ck_kind:     "kind not in ('x', 'y')"
              ck_price:    "price > 0"
              ck_compound: "(price > 0) AND (qty < 5 OR qty IS NULL)"
              ck_between:  "qty between 1 and 100"
              ck_name:     "name <> '' and length(name) < 20"
              ck_negative: "qty > -1"
        """);

    [Fact]
    public Task Indexes_with_methods_opclasses_order_collation_predicates_and_expressions() => AssertConvergesAndRollsBack("""
        tables:
          docs:
            columns:
              id:       { type: int, primary_key: true }
              username: { type: varchar(64) }
              title:    { type: text }
              body:     { type: jsonb }
              created:  { type: timestamptz }
              active:   { type: boolean }
              code:     { type: varchar(10), collation: C }
            indexes:
              ix_docs_lower:   { columns: [{ expression: "lower(username)" }] }
              ix_docs_recent:  { columns: [{ column: created, order: desc }, id], where: "active AND created IS NOT NULL" }
              ix_docs_body:    { using: gin, columns: [{ column: body, opclass: jsonb_path_ops }] }
              ix_docs_pattern: { columns: [title, { column: username, opclass: varchar_pattern_ops }] }
              ix_docs_coll:    { columns: [{ column: title, collation: C }] }
              ix_docs_hash:    { using: hash, columns: [code] }
              uq_docs_title:   { columns: [title], unique: true, comment: one per title }
              uq_docs_code:    { columns: [code, username], unique: true, constraint: true }
        """);

    [Fact]
    public Task Keys_comments_collations_and_generated_columns() => AssertConvergesAndRollsBack("""
        tables:
          parents:
            comment: the "parent" side's table
            columns:
              created_at: { type: timestamptz }
              id:         { type: bigint }
              label:      { type: text, comment: "what's shown", collation: "C" }
              doubled:    { type: bigint, generated: { expression: "id * 2", stored: true } }
            primary_key: [created_at, id]
          children:
            columns:
              id:         { type: int, primary_key: true, auto_increment: true }
              parent_at:  { type: timestamptz }
              parent_id:  { type: bigint }
            foreign_keys:
              fk_children_parent:
                columns: [parent_at, parent_id]
                references: { table: parents, columns: [created_at, id] }
                on_delete: cascade
                on_update: restrict
                deferrable: initially deferred
        """);

    [Fact]
    public async Task Altering_types_nullability_identity_and_defaults_converges_both_ways()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync("""
            tables:
              items:
                columns:
                  id:    { type: int, primary_key: true }
                  code:  { type: text }
                  count: { type: int, nullable: true, default: 1 }
                  note:  { type: varchar(10), nullable: true }
            """);
        await db.ExecuteAsync("INSERT INTO items (id, code, count, note) VALUES (1, '42', 3, 'x'), (2, '7', 4, 'y')");
        await db.ConvergeAsync("""
            tables:
              items:
                columns:
                  id:    { type: bigint, primary_key: true, auto_increment: true }
                  code:  { type: int }
                  count: { type: bigint, default: 5 }
                  note:  { type: varchar(200), default: none }
            """);
        await db.ExecuteAsync("INSERT INTO items (code) VALUES (9)");
        Assert.Equal(3L, (await db.QueryAsync("SELECT max(id) FROM items")).Single()[0]);
        await db.ExecuteAsync("DELETE FROM items WHERE id = 3");
        await db.RollbackAsync(first.Id);
        var again = Planner.Create(db.Dialect, await db.IntrospectAsync(), ModelLoader.Load("schema.yaml", """
            tables:
              items:
                columns:
                  id:    { type: int, primary_key: true }
                  code:  { type: text }
                  count: { type: int, nullable: true, default: 1 }
                  note:  { type: varchar(10), nullable: true }
            """));
        Assert.True(again.IsEmpty, again.UpScript);
        Assert.Equal(["42"], (await db.QueryAsync("SELECT code FROM items WHERE id = 1")).Single());
    }

    [Fact]
    public async Task Objects_the_model_cannot_express_are_named_and_left_alone()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("""
            CREATE TYPE post_status AS ENUM ('draft', 'live');
            CREATE DOMAIN positive AS int CHECK (VALUE > 0);
            CREATE TABLE posts (id int PRIMARY KEY, status post_status NOT NULL DEFAULT 'draft', n positive);
            CREATE SEQUENCE invoice_numbers;
            CREATE TYPE floatrange AS RANGE (subtype = float8);
            CREATE RULE posts_keep AS ON DELETE TO posts WHERE old.id < 0 DO INSTEAD NOTHING;
            """);
        var model = """
            tables:
              posts:
                columns:
                  id:     { type: int, primary_key: true }
                  status: { type: post_status, default: draft }
                  n:      { type: positive, nullable: true }
            """;
        // Enum types, domains and sequences are modelled: a column of a type the model leaves out is refused (the
        // plan would drop the type under it); declared, they compare equal and only the rest (a range type, a
        // rule) is named and left alone.
        var refused = await Assert.ThrowsAsync<InputException>(() => db.PlanAsync(model));
        Assert.Contains("column 'posts.status': its type post_status is an enum type of the database that the model does not declare", refused.Message);
        Assert.Contains("column 'posts.n': its type positive is a domain of the database that the model does not declare", refused.Message);
        var (plan, revision) = await db.PlanAsync("""
            types:
              post_status: { enum: [draft, live] }
              positive: { domain: int, check: "VALUE > 0" }
            sequences:
              invoice_numbers: {}
            """ + "\n" + model);
        Assert.True(plan.IsEmpty, plan.UpScript);
        Assert.Null(revision);
        foreach (var name in new[] { "range type floatrange", "rule posts_keep" })
            Assert.Contains(plan.Notices, n => n.StartsWith(name + " ", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Notices, n => n.StartsWith("enum ", StringComparison.Ordinal) || n.StartsWith("domain ", StringComparison.Ordinal)
                                                 || n.StartsWith("sequence ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Renaming_a_referenced_table_keeps_its_rows_and_the_down_file_renames_it_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync("""
            tables:
              teams:
                columns:
                  id:      { type: int, primary_key: true }
                  "order": { type: int, default: 0 }
                checks:
                  ck_teams_order: '"order" >= 0'
              people:
                columns:
                  id:      { type: int, primary_key: true }
                  team_id: { type: int, references: teams.id }
            """);
        await db.ExecuteAsync("INSERT INTO teams VALUES (1, 2); INSERT INTO people VALUES (10, 1)");
        await db.ConvergeAsync("""
            tables:
              squads:
                renamed_from: teams
                columns:
                  id:      { type: int, primary_key: true }
                  "order": { type: int, default: 0 }
                checks:
                  ck_teams_order: '"order" >= 0'
              people:
                columns:
                  id:      { type: int, primary_key: true }
                  team_id: { type: int, references: squads.id }
            """);
        Assert.Equal([1, 2], (await db.QueryAsync("SELECT id, \"order\" FROM squads")).Single());
        await db.RollbackAsync(first.Id);
        Assert.Equal([1, 2], (await db.QueryAsync("SELECT id, \"order\" FROM teams")).Single());
    }
}
