using SchemaTool.Diff;
using SchemaTool.Model;
using static SchemaTool.Tests.Diff.Schemas;

namespace SchemaTool.Tests.Diff;

/// <summary>The order of operations follows their dependencies, whatever the names; ties break the same way every time.</summary>
public sealed class OperationOrderTests
{
    private static IReadOnlyList<Operation> Plan(Schema current, Schema desired) =>
        OperationOrderer.Order(SchemaDiffer.Diff(current, desired));

    private static IReadOnlyList<string> Described(IEnumerable<Operation> ops) => ops.Select(o => o.Describe()).ToList();

    private static int Position(IReadOnlyList<Operation> ops, string description)
    {
        var i = Described(ops).ToList().IndexOf(description);
        Assert.True(i >= 0, $"'{description}' is not among: {string.Join("; ", Described(ops))}");
        return i;
    }

    [Fact]
    public void The_referenced_table_is_created_before_the_table_with_the_foreign_key()
    {
        // "accounts" sorts before "zones", so only the dependency can put zones first.
        var desired = Of(Table("accounts", Int("zone_id")).WithFk(Fk("accounts", "zone_id", "zones")), Table("zones"));
        Assert.Equal(["create table zones", "create table accounts"], Described(Plan(Schema.Empty, desired)));
    }

    [Fact]
    public void A_chain_of_references_is_created_leaves_first()
    {
        var desired = Of(
            Table("a", Int("b_id")).WithFk(Fk("a", "b_id", "b")),
            Table("b", Int("c_id")).WithFk(Fk("b", "c_id", "c")),
            Table("c"));
        Assert.Equal(["create table c", "create table b", "create table a"], Described(Plan(Schema.Empty, desired)));
    }

    [Fact]
    public void A_foreign_key_is_dropped_before_the_table_it_references()
    {
        var current = Of(Table("accounts", Int("zone_id")).WithFk(Fk("accounts", "zone_id", "zones")), Table("zones"));
        var desired = Of(Table("accounts", Int("zone_id")));
        var ops = Plan(current, desired);
        Assert.Equal(["drop foreign key fk_accounts_zone_id on accounts", "drop table zones"], Described(ops));
    }

    [Fact]
    public void The_referencing_table_is_dropped_before_the_referenced_one()
    {
        var current = Of(Table("zones"), Table("accounts", Int("zone_id")).WithFk(Fk("accounts", "zone_id", "zones")));
        // "zones" would come first by name; the reference makes accounts go first.
        Assert.Equal(["drop table accounts", "drop table zones"], Described(Plan(current, Schema.Empty)));
    }

    private static Schema Cycle() => Of(
        Table("a", Int("b_id", nullable: true)).WithFk(Fk("a", "b_id", "b")),
        Table("b", Int("a_id", nullable: true)).WithFk(Fk("b", "a_id", "a")));

    [Fact]
    public void A_two_table_cycle_is_created_with_one_foreign_key_added_afterwards()
    {
        var ops = Plan(Schema.Empty, Cycle());

        Assert.Equal(["create table a", "create table b", "add foreign key fk_a_b_id on a"], Described(ops));
        Assert.Empty(((CreateTable)ops[0]).Table.ForeignKeys);
        Assert.Equal([Fk("b", "a_id", "a")], ((CreateTable)ops[1]).Table.ForeignKeys);
        Assert.Equal(new AddForeignKey("a", Fk("a", "b_id", "b")), ops[2]);
    }

    [Fact]
    public void A_two_table_cycle_is_dropped_after_one_foreign_key_is_dropped()
    {
        var ops = Plan(Cycle(), Schema.Empty);

        Assert.Equal(["drop foreign key fk_a_b_id on a", "drop table b", "drop table a"], Described(ops));
        Assert.Equal(new DropForeignKey("a", Fk("a", "b_id", "b")), ops[0]);
        Assert.Empty(((DropTable)ops[2]).Table.ForeignKeys);
    }

    [Fact]
    public void A_self_reference_needs_no_detaching()
    {
        var desired = Of(Table("nodes", Int("parent_id", nullable: true)).WithFk(Fk("nodes", "parent_id", "nodes")));
        var ops = Plan(Schema.Empty, desired);
        Assert.Equal(new CreateTable(desired.Tables[0]), Assert.Single(ops));
    }

    [Fact]
    public void A_column_rename_comes_before_operations_on_the_new_name()
    {
        var current = Of(Table("users", Text("login")));
        var desired = Of(Table("users", new Column("username", "text", RenamedFrom: "login")).WithIndex(Index("ix_users_username", "username")));
        var ops = Plan(current, desired);

        Assert.Equal(["rename column users.login to username", "create index ix_users_username on users"], Described(ops));
    }

    [Fact]
    public void A_table_rename_comes_before_operations_on_the_new_name()
    {
        var current = Of(Table("people"));
        var desired = Of(Table("users", Text("email")) with { RenamedFrom = "people" });
        var ops = Plan(current, desired);
        Assert.Equal(["rename table people to users", "add column users.email"], Described(ops));
    }

    [Fact]
    public void Objects_on_a_renamed_column_are_dropped_before_the_rename()
    {
        var current = Of(
            Table("zones"),
            Table("users", Int("zone")).WithIndex(Index("ix_users_zone", "zone")).WithFk(Fk("users", "zone", "zones")));
        var desired = Of(Table("zones"), Table("users", new Column("zone_id", "int", RenamedFrom: "zone")));
        var ops = Plan(current, desired);

        var rename = Position(ops, "rename column users.zone to zone_id");
        Assert.True(Position(ops, "drop index ix_users_zone on users") < rename);
        Assert.True(Position(ops, "drop foreign key fk_users_zone on users") < rename);
    }

    [Fact]
    public void A_renamed_column_keeps_its_index_and_foreign_key_when_they_follow_it()
    {
        var current = Of(
            Table("zones"),
            Table("users", Int("zone")).WithIndex(Index("ix_users_zone", "zone")).WithFk(Fk("users", "zone", "zones")));
        var desired = Of(
            Table("zones"),
            Table("users", new Column("zone_id", "int", RenamedFrom: "zone"))
                .WithIndex(Index("ix_users_zone", "zone_id"))
                .WithFk(Fk("users", "zone", "zones") with { Columns = new[] { "zone_id" } }));
        Assert.Equal(["rename column users.zone to zone_id"], Described(Plan(current, desired)));
    }

    [Fact]
    public void Drops_come_before_creates_and_foreign_keys_come_last()
    {
        var current = Of(Table("old"), Table("users", Text("legacy")).WithIndex(Index("ix_users_legacy", "legacy")));
        var desired = Of(
            Table("users", Text("email"), Int("team_id")).WithIndex(Index("ix_users_email", "email")).WithFk(Fk("users", "team_id", "teams")),
            Table("teams"));
        var ops = Plan(current, desired);

        Assert.Equal(
            [
                "drop index ix_users_legacy on users",
                "drop table old",
                "drop column users.legacy",
                "create table teams",
                "add column users.email",
                "add column users.team_id",
                "create index ix_users_email on users",
                "add foreign key fk_users_team_id on users",
            ],
            Described(ops));
    }

    [Fact]
    public void The_same_input_gives_the_same_order_whatever_the_order_of_tables()
    {
        var tables = new[]
        {
            Table("a", Int("b_id", nullable: true)).WithFk(Fk("a", "b_id", "b")),
            Table("b", Int("a_id", nullable: true)).WithFk(Fk("b", "a_id", "a")),
            Table("c", Text("x")).WithIndex(Index("ix_c_x", "x")),
            Table("d", Int("c_id")).WithFk(Fk("d", "c_id", "c")),
        };
        var first = Plan(Schema.Empty, Of(tables));
        var again = Plan(Schema.Empty, Of(tables));
        var reversed = Plan(Schema.Empty, Of(tables.Reverse().ToArray()));

        Assert.Equal(first, again);
        Assert.Equal(first, reversed);
        Assert.Equal(Described(Plan(Of(tables), Schema.Empty)), Described(Plan(Of(tables.Reverse().ToArray()), Schema.Empty)));
    }
}
