using SchemaTool.Dialects.Sqlite;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Conformance;

public sealed class ModelWriterTests
{
    private const string Rich = """
        tables:
          roles:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(64), unique: true }
          "user accounts":
            comment: "people: who sign in"
            columns:
              id:         { type: bigint, primary_key: true }
              username:   { type: varchar(64), unique: true, index: true }
              email:      { type: varchar(255), nullable: true, default: "it's \"quoted\"\n" }
              role_id:    { type: int, nullable: true, references: roles.id, on_delete: set null }
              active:     { type: boolean, default: true }
              score:      { type: "decimal(10,2)", default: -1.5 }
              yes:        { type: text, default: "123", collation: NOCASE, comment: a column }
              created_at: { type: timestamp, default_sql: CURRENT_TIMESTAMP }
              total:      { type: int, nullable: true, generated: { expression: "id + 1", stored: true } }
            indexes:
              ix_recent: { columns: [{ column: created_at, order: desc }, id], where: "active = 1" }
              ix_lower:  { columns: [{ expression: "lower(username)" }] }
              uq_pair:   { columns: [email, role_id], unique: true, constraint: true }
            foreign_keys:
              role_link: { columns: [role_id], references: { table: roles, columns: [id] }, on_update: cascade, deferrable: initially deferred }
            checks:
              ck_name: "username <> ''"
          pairs:
            columns:
              a: { type: int, index: true }
              b: { type: int }
            primary_key: [b, a]
        """;

    [Fact]
    public void A_written_model_loads_back_as_the_same_schema()
    {
        var schema = ModelLoader.Load("rich.yaml", Rich);
        var yaml = ModelWriter.Write(schema);
        var again = ModelLoader.Load("written.yaml", yaml);
        Assert.Equal(schema, again);
        Assert.Equal(yaml, ModelWriter.Write(again));
    }

    /// <summary>The PostgreSQL keys of adopted schemas (issue 18), each written the way the loader reads it back.</summary>
    private const string Adopted = """
        tables:
          events:
            partition_by: "range (created_at)"
            partitions:
              events_2026:
                bound: "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"
                partition_by: "list (region)"
                partitions:
                  events_2026_eu: "FOR VALUES IN ('eu')"
              events_old: "DEFAULT"
            columns:
              id:         { type: bigint, auto_increment: { always: true, sequence: ev_ids, start: 10, increment: -2, min: -100, max: 10, cache: 5, cycle: true } }
              created_at: { type: date }
              region:     { type: text, statistics: 500 }
              n:          { type: serial, auto_increment: { start: 1000 } }
            primary_key: { columns: [id, created_at, region], name: pk_events, deferrable: initially deferred }
            indexes:
              ix_events_region: { columns: [{ column: region, order: desc, nulls: last }, { column: n, nulls: first }], include: [id] }
              uq_events_n: { columns: [n], unique: true, constraint: true, include: [region], nulls_not_distinct: true, deferrable: initially immediate }
            checks:
              ck_events_n: { expression: "n > 0", no_inherit: true }
              ck_late: { expression: "n < 100", not_valid: true }
              ck_plain: "n < 10"
          notes:
            columns:
              id:       { type: int, primary_key: true }
              owner_id: { type: int }
            foreign_keys:
              fk_notes_owner: { columns: [owner_id], references: { table: owners, columns: [id] }, not_valid: true }
          owners:
            columns:
              id: { type: int, primary_key: true }
        """;

    [Fact]
    public void The_postgresql_keys_of_adopted_schemas_are_written_and_read_back()
    {
        var schema = ModelLoader.Load("adopted.yaml", Adopted);
        var events = schema.Tables[0];
        Assert.Equal(new Numbering(true, "ev_ids", 10, -2, -100, 10, 5, true), events.Columns[0].Numbering);
        Assert.Equal("events_2026_eu", events.Partitioning!.Partitions[0].Partitioning!.Partitions[0].Name);
        Assert.Equal(new PrimaryKey(new[] { "id", "created_at", "region" }, "pk_events", Deferrability.InitiallyDeferred), events.PrimaryKey);
        Assert.True(events.Checks.Single(c => c.Name == "ck_events_n").NoInherit);
        Assert.True(events.Checks.Single(c => c.Name == "ck_late").NotValid);
        Assert.True(schema.Tables.Single(t => t.Name == "notes").ForeignKeys.Single().NotValid);
        Assert.Equal(500, events.Columns.Single(c => c.Name == "region").Statistics);
        var yaml = ModelWriter.Write(schema);
        Assert.Equal(schema, ModelLoader.Load("written.yaml", yaml));
        Assert.Equal(yaml, ModelWriter.Write(ModelLoader.Load("written.yaml", yaml)));
    }

    [Fact]
    public void Names_the_loader_generates_are_left_out()
    {
        var yaml = ModelWriter.Write(ModelLoader.Load("rich.yaml", Rich));
        Assert.DoesNotContain("uq_roles_name", yaml);
        Assert.DoesNotContain("ix_user accounts_username", yaml);
        Assert.DoesNotContain("fk_user accounts_role_id", yaml);
        Assert.Contains("name: { type: varchar(64), unique: true }", yaml);
        Assert.Contains("username:   { type: varchar(64), unique: true, index: true }", yaml);
        Assert.Contains("references: roles.id, on_delete: set null", yaml);
        Assert.Contains("role_link: { columns: [role_id], references: { table: roles, columns: [id] }, on_update: cascade, deferrable: initially deferred }", yaml);
        Assert.Contains("primary_key: [b, a]", yaml);
    }

    [Fact]
    public void Scalars_are_quoted_when_yaml_would_read_them_otherwise()
    {
        var yaml = ModelWriter.Write(ModelLoader.Load("rich.yaml", Rich));
        Assert.Contains("\n  user accounts:\n", yaml);
        Assert.Contains("\"yes\":", yaml);
        Assert.Contains("default: \"123\"", yaml);
        Assert.Contains("default: \"it's \\\"quoted\\\"\\n\"", yaml);
        Assert.Contains("type: \"decimal(10,2)\", default: -1.5", yaml);
        Assert.Contains("default: true", yaml);
        Assert.Contains("default_sql: CURRENT_TIMESTAMP", yaml);
    }

    [Fact]
    public void Objects_the_model_cannot_express_are_named_at_the_top()
    {
        var schema = new Schema(
            new[] { new Table("t", new[] { new Column("id", "INTEGER") }, new PrimaryKey(new[] { "id" })) }.ToValueList(),
            new[] { new UnmanagedObject("view", "v_t"), new UnmanagedObject("trigger", "t_audit", "t") }.ToValueList());
        var yaml = ModelWriter.Write(schema);
        Assert.StartsWith("""
            # Left alone: the model cannot express these objects yet, and schematool never changes them.
            #   trigger t_audit (on t)
            #   view v_t
            tables:
              t:
                columns:
                  id: { type: INTEGER, primary_key: true }

            """.ReplaceLineEndings("\n"), yaml);
    }

    [Fact]
    public void An_empty_schema_is_an_empty_table_map()
    {
        Assert.Equal("tables: {}\n", ModelWriter.Write(Schema.Empty));
        Assert.Equal(Schema.Empty, ModelLoader.Load("empty.yaml", ModelWriter.Write(Schema.Empty)));
    }

    [Fact]
    public void With_a_dialect_the_schema_is_written_in_its_canonical_form()
    {
        var yaml = ModelWriter.Write(ModelLoader.Load("rich.yaml", Rich), new SqliteDialect());
        Assert.Contains("id:   { type: INTEGER, primary_key: true, auto_increment: true }", yaml);
        Assert.Contains("active:     { type: boolean, default: 1 }", yaml);
        Assert.DoesNotContain("comment:", yaml);
    }
}
