using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Yaml;

/// <summary>The keys beyond tables (views, triggers, functions, procedures, types, sequences, extensions, schemas, events): read, written back, and refused with their place.</summary>
public sealed class ObjectLoadingTests
{
    /// <summary>Every key of every object kind.</summary>
    private const string Everything = """
        extensions: [citext, pg_trgm]
        schemas: { auth: { comment: who signs in }, billing: null }
        types:
          mood:   { enum: [sad, { value: fine, renamed_from: ok }, happy], comment: how it went, renamed_from: feeling }
          email:  { domain: text, nullable: false, default: "a@b", check: "VALUE ~ '@'", collation: C, comment: an address }
          amount: { domain: "numeric(12,2)", default_sql: "0", checks: { amount_positive: "VALUE >= 0", amount_small: "VALUE < 1e9" } }
        sequences:
          invoice_no: { type: bigint, start: 1000, increment: 2, min: 1000, max: 99999, cache: 10, cycle: true, owned_by: invoices.no, comment: numbers, renamed_from: invoice_seq }
          plain:
        functions:
          set_updated_at: { definition: "CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$", comment: touches }
        procedures:
          archive: { definition: "CREATE PROCEDURE archive() BEGIN END" }
        tables:
          invoices:
            columns:
              no:    { type: bigint, primary_key: true }
              total: { type: int }
        views:
          big_invoices: { sql: "SELECT no FROM invoices WHERE total > 100", columns: [number], comment: the big ones }
          totals:
            sql: SELECT count(*) AS n FROM invoices
            materialized: true
            indexes:
              ix_totals_n: { columns: [n] }
        triggers:
          invoices_touch: { table: invoices, timing: before, events: [insert, update], update_of: [total], for_each: statement, when: "NEW.total > 0", execute: "set_updated_at()", comment: keeps it fresh }
          big_insert:     { table: big_invoices, timing: instead of, events: [insert], body: "INSERT INTO invoices (no, total) VALUES (NEW.number, 101);" }
        events:
          purge: { schedule: EVERY 1 DAY, body: "DELETE FROM invoices WHERE total = 0", enabled: false, preserve: true, comment: nightly }
        """;

    [Fact]
    public void Every_key_of_every_object_kind_is_read_into_the_model()
    {
        var schema = ModelLoader.Load("model.yaml", Everything);

        Assert.Equal([new Extension("citext"), new Extension("pg_trgm")], schema.Extensions);
        Assert.Equal([new Namespace("auth", "who signs in"), new Namespace("billing")], schema.Namespaces);
        Assert.Equal(new EnumType("mood", new[] { "sad", "fine", "happy" }, "how it went", "feeling", new[] { new EnumValueRename("ok", "fine") }), schema.Enums.Single());
        Assert.Equal(
            [
                new DomainType("amount", "numeric(12,2)", Default: ColumnDefault.Sql("0"),
                    Checks: new[] { new Check("amount_positive", "VALUE >= 0"), new Check("amount_small", "VALUE < 1e9") }),
                new DomainType("email", "text", false, ColumnDefault.String("a@b"), new[] { new Check("email_check", "VALUE ~ '@'") }, "C", "an address"),
            ],
            schema.Domains);
        Assert.Equal(
            [
                new Sequence("invoice_no", "bigint", 1000, 2, 1000, 99999, 10, true, "invoices.no", "numbers", "invoice_seq"),
                new Sequence("plain"),
            ],
            schema.Sequences);
        Assert.Equal(
            [
                new Routine("archive", RoutineKind.Procedure, "CREATE PROCEDURE archive() BEGIN END"),
                new Routine("set_updated_at", RoutineKind.Function, "CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$", "touches"),
            ],
            schema.Routines);
        Assert.Equal(
            [
                new View("big_invoices", "SELECT no FROM invoices WHERE total > 100", Columns: new[] { "number" }, Comment: "the big ones"),
                new View("totals", "SELECT count(*) AS n FROM invoices", true, Indexes: new[] { new TableIndex("ix_totals_n", new[] { IndexPart.Of("n") }) }),
            ],
            schema.Views);
        Assert.Equal(
            [
                new Trigger("big_insert", "big_invoices", TriggerTiming.InsteadOf, new[] { TriggerEvent.Insert }, Body: "INSERT INTO invoices (no, total) VALUES (NEW.number, 101);"),
                new Trigger("invoices_touch", "invoices", TriggerTiming.Before, new[] { TriggerEvent.Insert, TriggerEvent.Update }, Execute: "set_updated_at()",
                    ForEach: TriggerLevel.Statement, UpdateOf: new[] { "total" }, When: "NEW.total > 0", Comment: "keeps it fresh"),
            ],
            schema.Triggers);
        Assert.Equal(new ScheduledEvent("purge", "EVERY 1 DAY", "DELETE FROM invoices WHERE total = 0", false, true, "nightly"), schema.Events.Single());
    }

    [Fact]
    public void What_the_writer_writes_the_loader_reads_back_the_same()
    {
        var schema = ModelLoader.Load("model.yaml", Everything);
        var yaml = ModelWriter.Write(schema);
        Assert.Equal(schema, ModelLoader.Load("written.yaml", yaml));
        Assert.Equal(yaml, ModelWriter.Write(ModelLoader.Load("written.yaml", yaml)));
    }

    [Fact]
    public void Objects_may_sit_in_files_of_their_own()
    {
        var schema = ModelLoader.Load([
            ("schema/tables.yaml", "tables:\n  t:\n    columns:\n      id: { type: int }\n"),
            ("schema/views.yaml", "views:\n  v: { sql: SELECT id FROM t }\ntriggers:\n  tr: { table: t, timing: after, events: [delete], body: \"SELECT 1;\" }\n"),
        ]);
        Assert.Equal("v", schema.Views.Single().Name);
        Assert.Equal("tr", schema.Triggers.Single().Name);
    }

    private const string TwoTables = "tables:\n  t:\n    columns:\n      id: { type: int }\n  u:\n    columns:\n      id: { type: int }\n";

    [Fact]
    public void A_trigger_key_with_a_name_gives_the_name_on_the_server()
    {
        var schema = ModelLoader.Load("schema/m.yaml", TwoTables + """
            triggers:
              t_stamp: { name: stamp, table: t, timing: before, events: [update], execute: touch() }
              u_stamp: { name: stamp, table: u, timing: before, events: [update], execute: touch() }
              plain:   { table: u, timing: after, events: [insert], execute: touch() }
            """);
        Assert.Equal([("plain", "u"), ("stamp", "t"), ("stamp", "u")], schema.Triggers.Select(t => (t.Name, t.Table)));
    }

    [Fact]
    public void Triggers_sharing_a_name_are_written_with_their_table_in_the_key_and_read_back_the_same()
    {
        var schema = ModelLoader.Load("schema/m.yaml", TwoTables + """
            triggers:
              one: { name: stamp, table: u, timing: before, events: [update], execute: touch(), comment: on u }
              two: { name: stamp, table: t, timing: before, events: [update], execute: touch() }
              other: { name: t_stamp, table: t, timing: after, events: [insert], execute: touch() }
            """);
        var yaml = ModelWriter.Write(schema);
        Assert.True(yaml.Contains("\ntriggers:\n" +
            "  t_stamp: { table: t, timing: after, events: [insert], execute: \"touch()\" }\n" +
            "  t_stamp_2: { name: stamp, table: t, timing: before, events: [update], execute: \"touch()\" }\n" +
            "  u_stamp: { name: stamp, table: u, timing: before, events: [update], execute: \"touch()\", comment: \"on u\" }\n", StringComparison.Ordinal), yaml);
        Assert.Equal(schema, ModelLoader.Load("written.yaml", yaml));
    }

    [Theory]
    [InlineData("triggers:\n  a: { name: x, table: t, timing: after, events: [insert], body: y }\n  b: { name: x, table: t, timing: after, events: [delete], body: y }\n",
        "schema/m.yaml:10:3: trigger 'b' is named 'x' on table 't', as is 'a' (at schema/m.yaml:9:3); one table's triggers need names of their own: give one another `name:`")]
    [InlineData("triggers:\n  a: { table: t, timing: after, events: [insert], body: y }\n  b: { name: a, table: t, timing: after, events: [delete], body: y }\n",
        "schema/m.yaml:10:3: trigger 'b' is named 'a' on table 't', as is 'a' (at schema/m.yaml:9:3); one table's triggers need names of their own: give one another `name:`")]
    [InlineData("triggers:\n  a: { name: \"\", table: t, timing: after, events: [insert], body: y }\n",
        "schema/m.yaml:9:14: name of trigger 'a' must not be empty")]
    public void Two_triggers_of_one_table_with_one_name_are_an_error_at_the_second(string yaml, string error) =>
        Assert.Equal(error, Assert.Single(Assert.Throws<ModelException>(() => ModelLoader.Load("schema/m.yaml", TwoTables + yaml)).Errors));

    private static IReadOnlyList<string> Errors(string yaml) =>
        Assert.Throws<ModelException>(() => ModelLoader.Load("schema/m.yaml", "tables:\n  t:\n    columns:\n      id: { type: int }\n" + yaml)).Errors;

    [Theory]
    [InlineData("views:\n  v: { materialized: false }\n", "schema/m.yaml:6:3: view 'v' has no query: add `sql:` (the SELECT)")]
    [InlineData("views:\n  v: { sql: SELECT 1, indexes: { ix: { columns: [a] } } }\n", "schema/m.yaml:6:32: view 'v': only a materialized view has indexes (add `materialized: true`)")]
    [InlineData("views:\n  t: { sql: SELECT 1 }\n", "schema/m.yaml:6:3: view 't' has the name of a table (declared at schema/m.yaml:2:3); tables and views share their names")]
    [InlineData("views:\n  v: { sql: SELECT 1, colour: red }\n", "schema/m.yaml:6:23: unknown key 'colour' in view 'v'; expected one of: sql, materialized, columns, indexes, comment, with, algorithm, security, cluster_on")]
    [InlineData("triggers:\n  tr: { timing: after, events: [insert], body: x }\n", "schema/m.yaml:6:3: trigger 'tr' has no `table:`")]
    [InlineData("triggers:\n  tr: { table: nope, timing: after, events: [insert], body: x }\n", "schema/m.yaml:6:3: trigger 'tr' is on table 'nope', which the model does not declare")]
    [InlineData("triggers:\n  tr: { table: t, timing: later, events: [insert], body: x }\n", "schema/m.yaml:6:27: unknown timing 'later' of trigger 'tr'; expected before, after or instead of")]
    [InlineData("triggers:\n  tr: { table: t, timing: after, events: [upsert], body: x }\n", "schema/m.yaml:6:42: unknown event 'upsert' of trigger 'tr'; expected insert, update, delete or truncate")]
    [InlineData("triggers:\n  tr: { table: t, timing: after, events: [insert] }\n", "schema/m.yaml:6:3: trigger 'tr' needs exactly one of `body:` (the statements) or `execute:` (a function call)")]
    [InlineData("triggers:\n  tr: { table: t, timing: after, events: [insert], update_of: [id], body: x }\n", "schema/m.yaml:6:63: trigger 'tr': update_of needs the update event")]
    [InlineData("triggers:\n  tr: { table: t, timing: after, events: [update], update_of: [nope], body: x }\n", "schema/m.yaml:6:3: trigger 'tr' names column 't.nope' in update_of, which does not exist")]
    [InlineData("triggers:\n  tr: { table: t, timing: instead of, events: [update], body: x }\n", "schema/m.yaml:6:3: trigger 'tr': `instead of` triggers are for views, and 't' is a table")]
    [InlineData("types:\n  m: { enum: [a], domain: text }\n", "schema/m.yaml:6:3: type 'm' needs exactly one of `enum:` (its values), `domain:` (its base type) or `composite:` (its attributes)")]
    [InlineData("types:\n  m: { composite: { a: int }, nullable: false }\n", "schema/m.yaml:6:31: type 'm' is a composite type: `nullable` does not belong to one")]
    [InlineData("types:\n  m: { composite: { a: { collation: C } } }\n", "schema/m.yaml:6:21: attribute 'a' of type 'm' needs `type:`")]
    [InlineData("types:\n  m: { enum: [a, b], nullable: false }\n", "schema/m.yaml:6:22: type 'm' is an enum: `nullable` belongs to a domain")]
    [InlineData("types:\n  m: { enum: [a, a] }\n", "schema/m.yaml:6:3: type 'm' has the value 'a' twice")]
    [InlineData("sequences:\n  s: { start: one }\n", "schema/m.yaml:6:15: start must be a whole number")]
    [InlineData("sequences:\n  s: { owned_by: t.nope }\n", "schema/m.yaml:6:3: sequence 's' is owned by 't.nope', which is not a column of the model")]
    [InlineData("functions:\n  f: { comment: x }\n", "schema/m.yaml:6:3: function 'f' has no `definition:` (its whole CREATE statement)")]
    [InlineData("events:\n  e: { body: SELECT 1 }\n", "schema/m.yaml:6:3: event 'e' has no `schedule:` (what follows ON SCHEDULE: `EVERY 1 DAY`)")]
    [InlineData("extensions: citext\n", "schema/m.yaml:5:13: extensions (a list of names, or a map of name → options) must be a map (key: value)")]
    public void A_bad_object_is_an_error_at_its_place(string yaml, string error) =>
        Assert.Equal(error, Assert.Single(Errors(yaml)));

    [Fact]
    public void An_object_declared_in_two_files_is_an_error_naming_both()
    {
        var error = Assert.Throws<ModelException>(() => ModelLoader.Load([
            ("schema/a.yaml", "views:\n  v: { sql: SELECT 1 }\n"),
            ("schema/b.yaml", "views:\n  v: { sql: SELECT 2 }\n"),
        ])).Errors.Single();
        Assert.Equal("schema/b.yaml:2:3: view 'v' is declared twice (also at schema/a.yaml:2:3)", error);
    }
}
