using SchemaTool.Diff;
using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using static SchemaTool.Tests.Diff.Schemas;

namespace SchemaTool.Tests.Diff;

/// <summary>
/// The objects beyond tables, without a database: what the differ makes of them, the order their dependencies
/// give (whatever their names and phases say), the views and triggers re-created around the changes they depend
/// on, and inverses that undo each change exactly.
/// </summary>
public sealed class ObjectDiffTests
{
    private static IReadOnlyList<string> Plan(Schema current, Schema desired) =>
        OperationOrderer.Order(DependentObjects.Recreate(SchemaDiffer.Diff(current, desired), current, desired)).Select(o => o.Describe()).ToList();

    private static View ViewOn(string name, string sql, params Dependency[] uses) => new(name, sql) { DependsOn = uses };

    private static Dependency[] AllOf(Table table) =>
        [Dependency.Relation(table.Name), .. table.Columns.Select(c => Dependency.OnColumn(table.Name, c.Name))];

    private static readonly Table Users = Table("users", Text("email", nullable: true), Int("score"));

    [Fact]
    public void A_chain_of_views_is_created_in_dependency_order_and_dropped_in_reverse_whatever_their_names()
    {
        var schema = Of(Users) with
        {
            Views =
            [
                ViewOn("a_top", "SELECT id FROM m_middle", Dependency.Relation("m_middle")),
                ViewOn("m_middle", "SELECT id FROM z_base", Dependency.Relation("z_base")),
                ViewOn("z_base", "SELECT id FROM users", AllOf(Users)),
            ],
        };
        Assert.Equal(["create table users", "create view z_base", "create view m_middle", "create view a_top"], Plan(Schema.Empty, schema));
        Assert.Equal(["drop view a_top", "drop view m_middle", "drop view z_base", "drop table users"], Plan(schema, Schema.Empty));
    }

    [Fact]
    public void A_column_type_change_drops_the_views_that_read_it_before_and_creates_them_after_in_order()
    {
        var current = Of(Users) with
        {
            Views = [ViewOn("top", "SELECT id FROM emails", Dependency.Relation("emails")), ViewOn("emails", "SELECT id, email FROM users", AllOf(Users))],
        };
        var wider = Users with { Columns = Users.Columns.Select(c => c.Name == "email" ? c with { Type = "varchar(400)" } : c).ToValueList() };
        var desired = current with { Tables = [wider], Views = [current.Views[0], current.Views[1] with { DependsOn = AllOf(wider) }] };

        var plan = Plan(current, desired);
        Assert.Equal(["drop view top", "drop view emails", "alter column users.email", "create view emails", "create view top"], plan);
    }

    [Fact]
    public void A_view_that_reads_another_table_is_left_alone()
    {
        var teams = Table("teams", Text("name"));
        var current = Of(Users, teams) with { Views = [ViewOn("names", "SELECT name FROM teams", AllOf(teams))] };
        var desired = current with { Tables = [Users with { Columns = [.. Users.Columns, Text("bio", nullable: true)] }, teams] };
        Assert.Equal(["add column users.bio"], Plan(current, desired));
    }

    [Fact]
    public void Adding_a_column_to_a_table_a_view_reads_leaves_the_view_alone()
    {
        var current = Of(Users) with { Views = [ViewOn("emails", "SELECT email FROM users", AllOf(Users))] };
        var wider = Users with { Columns = [.. Users.Columns, Text("bio", nullable: true)] };
        var desired = current with { Tables = [wider], Views = [current.Views[0] with { DependsOn = AllOf(wider) }] };
        Assert.Equal(["add column users.bio"], Plan(current, desired));
    }

    [Fact]
    public void A_trigger_is_dropped_and_created_around_a_change_of_its_table()
    {
        var trigger = new Trigger("touch", "users", TriggerTiming.After, [TriggerEvent.Update], Body: "SELECT 1;") { DependsOn = AllOf(Users) };
        var current = Of(Users) with { Triggers = [trigger] };
        var desired = current with { Tables = [Users with { Columns = Users.Columns.Where(c => c.Name != "score").ToValueList() }] };
        Assert.Equal(["drop trigger touch on users", "drop column users.score", "create trigger touch on users"], Plan(current, desired));
    }

    [Fact]
    public void A_function_a_default_calls_comes_before_the_table_and_one_that_reads_the_table_after_it()
    {
        var table = new Table("orders", [new Column("id", "bigint", Default: ColumnDefault.Sql("next_order_id()")), new Column("total", "int")],
            new PrimaryKey(new[] { "id" }), Checks: [new Check("ck_total", "valid_total(total)")]);
        var desired = Of(table) with
        {
            Routines =
            [
                new Routine("a_order_count", RoutineKind.Function, "CREATE FUNCTION a_order_count() ...") { DependsOn = [Dependency.Relation("orders")] },
                new Routine("next_order_id", RoutineKind.Function, "CREATE FUNCTION next_order_id() ...") { DependsOn = ValueList<Dependency>.Empty },
                new Routine("valid_total", RoutineKind.Function, "CREATE FUNCTION valid_total(int) ...") { DependsOn = ValueList<Dependency>.Empty },
            ],
        };
        var plan = Plan(Schema.Empty, desired);
        Assert.Equal(["create function next_order_id", "create function valid_total", "create table orders", "create function a_order_count"], plan);
        Assert.Equal(["drop function a_order_count", "drop table orders", "drop function next_order_id", "drop function valid_total"], Plan(desired, Schema.Empty));
    }

    [Fact]
    public void A_trigger_comes_after_the_function_it_executes_and_goes_before_it()
    {
        var function = new Routine("zz_touch", RoutineKind.Function, "CREATE FUNCTION zz_touch() ...") { DependsOn = ValueList<Dependency>.Empty };
        var trigger = new Trigger("a_touch", "users", TriggerTiming.Before, [TriggerEvent.Update], Execute: "zz_touch()") { DependsOn = ValueList<Dependency>.Empty };
        var schema = Of(Users) with { Routines = [function], Triggers = [trigger] };
        var create = Plan(Schema.Empty, schema);
        Assert.True(create.ToList().IndexOf("create function zz_touch") < create.ToList().IndexOf("create trigger a_touch on users"));
        // A changed function is replaced in place: the trigger that runs it stays.
        Assert.Equal(["replace function zz_touch"], Plan(schema, schema with { Routines = [function with { Definition = "CREATE FUNCTION zz_touch() -- v2" }] }));
        // A function dropped and created (another kind) takes the triggers that run it down and up with it.
        var asProcedure = schema with { Routines = [function with { Kind = RoutineKind.Procedure }] };
        Assert.Equal(["drop trigger a_touch on users", "drop function zz_touch", "create procedure zz_touch", "create trigger a_touch on users"], Plan(schema, asProcedure));
    }

    [Fact]
    public void Types_come_before_the_tables_and_domains_that_use_them_and_go_after_them()
    {
        var desired = Of(new Table("people", [new Column("id", "int"), new Column("feeling", "zz_mood"), new Column("mail", "a_email[]")])) with
        {
            Enums = [new EnumType("zz_mood", new[] { "sad", "happy" })],
            Domains = [new DomainType("a_email", "zz_mood")],
        };
        Assert.Equal(["create enum type zz_mood", "create domain a_email", "create table people"], Plan(Schema.Empty, desired));
        Assert.Equal(["drop table people", "drop domain a_email", "drop enum type zz_mood"], Plan(desired, Schema.Empty));
    }

    [Fact]
    public void Extensions_come_before_everything_that_may_use_them_and_go_after_it()
    {
        // A citext column names no extension; whatever an extension brings may be used anywhere.
        var desired = Of(new Table("a_people", [new Column("id", "int"), new Column("email", "citext")])) with
        {
            Extensions = [new Extension("zz_citext")],
            Views = [ViewOn("a_view", "SELECT 1")],
            Enums = [new EnumType("a_mood", new[] { "sad" })],
        };
        var create = Plan(Schema.Empty, desired);
        Assert.Equal("create extension zz_citext", create[0]);
        var drop = Plan(desired, Schema.Empty);
        Assert.Equal("drop extension zz_citext", drop[^1]);

        // The phases alone would drop the extension first here: the table's drop waits for its sequence's owner
        // to be taken away, an operation of the last phase.
        var owned = Of(new Table("invoices", [new Column("no", "bigint"), new Column("email", "citext")], new PrimaryKey(new[] { "no" }))) with
        {
            Extensions = [new Extension("citext")],
            Sequences = [new Sequence("invoice_no", OwnedBy: "invoices.no")],
        };
        Assert.Equal(["set owner of sequence invoice_no to none", "drop table invoices", "drop sequence invoice_no", "drop extension citext"],
            Plan(owned, Schema.Empty));
    }

    [Fact]
    public void A_renamed_type_takes_its_columns_with_it()
    {
        var current = Of(new Table("people", [new Column("id", "int"), new Column("feeling", "feeling")])) with { Enums = [new EnumType("feeling", new[] { "sad" })] };
        var desired = Of(new Table("people", [new Column("id", "int"), new Column("feeling", "mood")])) with { Enums = [new EnumType("mood", new[] { "sad" }, RenamedFrom: "feeling")] };
        Assert.Equal(["rename enum type feeling to mood"], Plan(current, desired));
    }

    [Theory]
    [InlineData("a,b,c", "a,b,c,d")]
    [InlineData("a,b,c", "z,a,b,c")]
    [InlineData("a,b,c", "a,x,b,y,c")]
    [InlineData("a,b,c", "a,c")]
    [InlineData("a,b,c", "c,a,b")]
    [InlineData("a,b,c,d", "d,c,b,a")]
    [InlineData("a,b", "x,y")]
    public void Enum_value_changes_reach_the_desired_values_and_their_inverses_the_current_ones(string from, string to)
    {
        var current = Of() with { Enums = [new EnumType("e", from.Split(','))] };
        var desired = Of() with { Enums = [new EnumType("e", to.Split(','))] };
        var ops = OperationOrderer.Order(SchemaDiffer.Diff(current, desired));
        Assert.Equal(to.Split(','), Apply(from.Split(','), ops));
        Assert.Equal(from.Split(','), Apply(to.Split(','), ops.Reverse().Select(o => o.Invert())));
    }

    [Fact]
    public void A_name_dropped_and_created_again_is_dropped_first_whatever_the_order_it_was_found_in()
    {
        var ordered = OperationOrderer.Order([new AddEnumValue("e", "c", "a"), new RemoveEnumValue("e", "c", null)]);
        Assert.Equal(["remove value 'c' from enum type e", "add value 'c' to enum type e"], ordered.Select(o => o.Describe()));
        var view = ViewOn("v", "SELECT 1");
        Assert.Equal(["drop view v", "create view v"], OperationOrderer.Order([new CreateView(view), new DropView(view with { Sql = "SELECT 2" })]).Select(o => o.Describe()));
    }

    [Fact]
    public void A_renamed_enum_value_is_renamed_not_removed_and_added()
    {
        var current = Of() with { Enums = [new EnumType("e", new[] { "a", "ok", "c" })] };
        var desired = Of() with { Enums = [new EnumType("e", new[] { "a", "fine", "c" }, RenamedValues: new[] { new EnumValueRename("ok", "fine") })] };
        Assert.Equal(["rename value 'ok' of enum type e to 'fine'"], Plan(current, desired));
    }

    /// <summary>The enum's values after the operations, as PostgreSQL would hold them.</summary>
    private static List<string> Apply(IEnumerable<string> values, IEnumerable<Operation> ops)
    {
        var list = values.ToList();
        foreach (var op in ops)
        {
            switch (op)
            {
                case AddEnumValue add: list.Insert(add.Before is null ? list.Count : list.IndexOf(add.Before), add.Value); break;
                case RemoveEnumValue remove:
                    Assert.Equal(remove.Before, list.ElementAtOrDefault(list.IndexOf(remove.Value) + 1));
                    list.Remove(remove.Value);
                    break;
                case RenameEnumValue rename: list[list.IndexOf(rename.From)] = rename.To; break;
                default: throw new InvalidOperationException(op.Describe());
            }
        }
        return list;
    }

    [Fact]
    public void An_owned_sequence_is_created_before_its_table_and_owned_after_it_and_the_reverse_on_drop()
    {
        var table = new Table("invoices", [new Column("no", "bigint", Default: ColumnDefault.Sql("nextval('invoice_no')"))], new PrimaryKey(new[] { "no" }));
        var desired = Of(table) with { Sequences = [new Sequence("invoice_no", Start: 1000, OwnedBy: "invoices.no")] };
        Assert.Equal(["create sequence invoice_no", "create table invoices", "set owner of sequence invoice_no to invoices.no"], Plan(Schema.Empty, desired));
        Assert.Equal(["set owner of sequence invoice_no to none", "drop table invoices", "drop sequence invoice_no"], Plan(desired, Schema.Empty));
    }

    [Fact]
    public void The_inverted_object_operations_are_what_the_reverse_diff_finds()
    {
        var a = Of(Users) with
        {
            Views = [ViewOn("v", "SELECT id FROM users", AllOf(Users))],
            Enums = [new EnumType("e", new[] { "x", "y" })],
            Sequences = [new Sequence("s", Start: 5, OwnedBy: "users.id"), new Sequence("gone")],
            Extensions = [new Extension("citext", "1.5")],
            Namespaces = [new Namespace("auth")],
        };
        var b = Of(Users) with
        {
            Views = [ViewOn("v", "SELECT id, email FROM users", AllOf(Users)), ViewOn("w", "SELECT 1")],
            Enums = [new EnumType("e", new[] { "y", "z" })],
            Sequences = [new Sequence("s", Start: 7), new Sequence("new")],
            Extensions = [new Extension("citext", "1.6")],
            Namespaces = [new Namespace("billing", "money")],
        };
        var forward = SchemaDiffer.Diff(a, b);
        var backward = SchemaDiffer.Diff(b, a);
        Assert.Equal(backward.Select(o => o.Describe()).Order(), forward.Select(o => o.Invert().Describe()).Order());
        Assert.Equal(backward.ToHashSet(), forward.Select(o => o.Invert()).ToHashSet());
    }

    [Fact]
    public void A_comment_alone_sets_the_comment_and_recreates_nothing()
    {
        var view = ViewOn("v", "SELECT 1") with { Comment = "old" };
        Assert.Equal(["set comment of view v"], Plan(Of() with { Views = [view] }, Of() with { Views = [view with { Comment = "new" }] }));
    }

    [Theory]
    [InlineData("mysql", "enum types (mood): MySQL has no enum types: give the column the type enum('a', 'b')")]
    [InlineData("sqlite", "enum types (mood): SQLite has no enum types: use a check (`value IN ('a', 'b')`)")]
    [InlineData("sqlite", "sequences (s): SQLite has no sequences: use auto_increment")]
    [InlineData("sqlite", "functions (f): SQLite has no stored functions or procedures")]
    [InlineData("mysql", "extensions (citext): MySQL has no extensions")]
    [InlineData("mysql", "aggregates (agg): MySQL has no CREATE AGGREGATE")]
    [InlineData("sqlite", "aggregates (agg): SQLite has no stored aggregates")]
    [InlineData("mysql", "composite types (pair): MySQL has no composite types")]
    [InlineData("sqlite", "composite types (pair): SQLite has no composite types")]
    public void Each_dialect_names_the_kinds_it_does_not_model(string dialect, string message)
    {
        var model = Of(Users) with
        {
            Enums = message.Contains("mood") ? [new EnumType("mood", new[] { "a" })] : [],
            Sequences = message.Contains("(s)") ? [new Sequence("s")] : [],
            Domains = message.Contains("(email)") ? [new DomainType("email", "text")] : [],
            Routines = message.Contains("(f)") ? [new Routine("f", RoutineKind.Function, "CREATE FUNCTION f() ...")]
                : message.Contains("(agg)") ? [new Routine("agg", RoutineKind.Aggregate, "CREATE AGGREGATE agg(int) (SFUNC = int4pl, STYPE = int)")] : [],
            Extensions = message.Contains("citext") ? [new Extension("citext")] : [],
            Composites = message.Contains("(pair)") ? [new CompositeType("pair", new[] { new CompositeAttribute("id", "int") })] : [],
        };
        var error = Assert.Throws<InputException>(() => Planner.Create(DialectRegistry.Get(dialect), Schema.Empty, model));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_model_whose_views_were_not_canonicalized_is_not_planned()
    {
        var model = Of(Users) with { Views = [new View("v", "SELECT 1")] };
        var error = Assert.Throws<InvalidOperationException>(() => Planner.Create(DialectRegistry.Get("sqlite"), Schema.Empty, model));
        Assert.Contains("plan it with Planner.CreateAsync", error.Message);
    }
}
