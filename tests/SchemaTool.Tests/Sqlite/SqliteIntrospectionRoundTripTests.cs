using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Tests.Support;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Sqlite;

/// <summary>
/// Create a model through plan + apply, read it back with the introspector, and compare with the model in the
/// dialect's canonical form: what was written is what is read, so a second plan finds nothing.
/// </summary>
public sealed class SqliteIntrospectionRoundTripTests
{
    private static async Task<(Schema Model, Schema Database)> RoundTripAsync(string yaml)
    {
        using var project = new TempProject();
        project.WriteModel(yaml);
        project.Ok("plan", "-m", "round trip");
        project.Ok("apply");
        var model = SqliteDatabase.Dialect.Normalize(ModelLoader.Load("m.yaml", yaml));
        var database = await SqliteDatabase.IntrospectAsync(project.DatabasePath);
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Stdout);
        return (model, database);
    }

    private static async Task<Table> AssertRoundTripAsync(string yaml)
    {
        var (model, database) = await RoundTripAsync(yaml);
        Assert.Equal(model.Tables.Select(t => t.Name), database.Tables.Select(t => t.Name));
        foreach (var table in model.Tables)
        {
            var read = database.FindTable(table.Name)!;
            Assert.Equal(table.Columns, read.Columns);
            Assert.Equal(table.PrimaryKey, read.PrimaryKey);
            Assert.Equal(table.Indexes, read.Indexes);
            Assert.Equal(table.ForeignKeys, read.ForeignKeys);
            Assert.Equal(table.Checks, read.Checks);
            Assert.Equal(table, read);
        }
        Assert.True(Planner.Create(SqliteDatabase.Dialect, database, model).IsEmpty);
        return database.Tables[^1];
    }

    [Fact]
    public Task Portable_and_pass_through_types() => AssertRoundTripAsync("""
        tables:
          t:
            columns:
              a: { type: smallint }
              b: { type: int }
              c: { type: bigint }
              d: { type: boolean }
              e: { type: varchar(10) }
              f: { type: char(2) }
              g: { type: text }
              h: { type: "decimal(12,3)" }
              i: { type: real }
              j: { type: double }
              k: { type: date }
              l: { type: time }
              m: { type: timestamp }
              n: { type: timestamptz }
              o: { type: uuid }
              p: { type: json }
              q: { type: binary }
              r: { type: "unsigned big int" }
              s: { type: "NVARCHAR(20)" }
        """);

    [Fact]
    public async Task Defaults_of_every_kind()
    {
        var table = await AssertRoundTripAsync("""
            tables:
              t:
                columns:
                  quoted:  { type: text, default: "it's \"here\"" }
                  empty:   { type: text, default: "" }
                  number:  { type: int, default: 42 }
                  negative: { type: real, default: -1.25 }
                  yes:     { type: boolean, default: true }
                  no:      { type: boolean, default: false }
                  now:     { type: timestamp, default_sql: CURRENT_TIMESTAMP }
                  today:   { type: date, default_sql: current_date }
                  expr:    { type: text, default_sql: "lower('ABC' || 'd')" }
                  numeric_text: { type: text, default: "007" }
                  nothing: { type: text, nullable: true }
            """);
        Assert.Equal(ColumnDefault.String("it's \"here\""), table.FindColumn("quoted")!.Default);
        Assert.Equal(ColumnDefault.Sql("CURRENT_TIMESTAMP"), table.FindColumn("now")!.Default);
    }

    [Fact]
    public async Task Nullability()
    {
        var table = await AssertRoundTripAsync("tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n      a: { type: text }\n      b: { type: text, nullable: true }\n");
        Assert.Equal([false, false, true], table.Columns.Select(c => c.Nullable));
    }

    [Fact]
    public Task Composite_primary_key_in_its_declared_order() => AssertRoundTripAsync(
        "tables:\n  t:\n    columns:\n      id: { type: int }\n      created_at: { type: timestamp }\n    primary_key: [created_at, id]\n");

    [Fact]
    public Task Auto_increment_primary_key() => AssertRoundTripAsync(
        "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true, auto_increment: true }\n      name: { type: text }\n");

    [Fact]
    public Task Unique_constraints_and_unique_indexes() => AssertRoundTripAsync("""
        tables:
          t:
            columns:
              a: { type: int, unique: true }
              b: { type: int }
              c: { type: int }
            indexes:
              uq_t_b_c: { columns: [b, c], unique: true, constraint: true }
              ix_t_c_b: { columns: [c, b], unique: true }
        """);

    [Fact]
    public Task Partial_expression_descending_and_collated_indexes() => AssertRoundTripAsync("""
        tables:
          t:
            columns:
              name: { type: text }
              active: { type: boolean }
              created_at: { type: timestamp }
            indexes:
              ix_t_partial: { columns: [name], where: "active = 1" }
              ix_t_expression: { columns: [{ expression: "lower(name)" }, created_at] }
              ix_t_desc: { columns: [{ column: created_at, order: desc }, name] }
              ix_t_nocase: { columns: [{ column: name, collation: nocase }] }
        """);

    [Fact]
    public Task Column_collations() => AssertRoundTripAsync(
        "tables:\n  t:\n    columns:\n      a: { type: text, collation: NOCASE }\n      b: { type: text, collation: RTRIM }\n");

    [Fact]
    public Task Checks_named_and_with_quotes() => AssertRoundTripAsync("""
        tables:
          t:
            columns:
              name: { type: text }
              qty: { type: int }
            checks:
              ck_t_name: "name <> '' AND name NOT LIKE '%,%'"
              ck_t_qty: "qty BETWEEN 0 AND (10 * 10)"
        """);

    [Fact]
    public Task Foreign_keys_with_actions_and_composite_keys() => AssertRoundTripAsync("""
        tables:
          parents:
            columns:
              a: { type: int }
              b: { type: int }
              code: { type: text, unique: true }
            primary_key: [a, b]
          children:
            columns:
              id: { type: int, primary_key: true }
              pa: { type: int, nullable: true }
              pb: { type: int, nullable: true }
              parent_code: { type: text, nullable: true, references: parents.code, on_delete: set null, on_update: cascade }
            foreign_keys:
              fk_children_parent: { columns: [pa, pb], references: { table: parents, columns: [a, b] }, on_delete: cascade, on_update: restrict, deferrable: initially deferred }
        """);

    [Fact]
    public Task Generated_columns_virtual_and_stored() => AssertRoundTripAsync("""
        tables:
          t:
            columns:
              price: { type: real }
              qty: { type: int }
              total: { type: real, generated: { expression: "price * qty", stored: true } }
              label: { type: text, nullable: true, generated: { expression: "'x' || qty" } }
        """);

    [Fact]
    public Task A_foreign_key_cycle() => AssertRoundTripAsync("""
        tables:
          a:
            columns:
              id: { type: int, primary_key: true }
              b_id: { type: int, nullable: true, references: b.id }
          b:
            columns:
              id: { type: int, primary_key: true }
              a_id: { type: int, nullable: true, references: a.id }
        """);
}
