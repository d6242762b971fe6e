using SchemaTool.Diff;
using SchemaTool.Model;
using static SchemaTool.Tests.Diff.Schemas;

namespace SchemaTool.Tests.Diff;

/// <summary>When the differ renames an index instead of dropping and creating it, and when it must not.</summary>
public sealed class IndexRenameDiffTests
{
    private static IReadOnlyList<Operation> Diff(Schema current, Schema desired) =>
        SchemaDiffer.Diff(current, desired, renameIndexes: true);

    [Fact]
    public void A_renamed_column_renames_its_generated_index()
    {
        var current = Of(Table("users", Text("username")).WithIndex(Index("ix_users_username", "username")));
        var desired = Of(Table("users", Text("login") with { RenamedFrom = "username" }).WithIndex(Index("ix_users_login", "login")));
        var ops = Diff(current, desired);
        Assert.Equal([new RenameColumn("users", "username", "login"), new RenameIndex("users", "ix_users_username", "ix_users_login", false)], ops);
        Assert.Equal(new RenameIndex("users", "ix_users_login", "ix_users_username", false), ops[1].Invert());
    }

    [Fact]
    public void A_renamed_table_renames_its_generated_index_under_the_new_table_name()
    {
        var current = Of(Table("users", Text("email")).WithIndex(Index("ix_users_email", "email")));
        var desired = Of(Table("members", Text("email")).WithIndex(Index("ix_members_email", "email")) with { RenamedFrom = "users" });
        Assert.Equal([new RenameTable("users", "members"), new RenameIndex("members", "ix_users_email", "ix_members_email", false)], Diff(current, desired));
    }

    [Fact]
    public void Without_the_dialects_support_the_index_is_dropped_and_created()
    {
        var current = Of(Table("users", Text("email")).WithIndex(Index("ix_a", "email")));
        var desired = Of(Table("users", Text("email")).WithIndex(Index("ix_b", "email")));
        var ops = SchemaDiffer.Diff(current, desired);
        Assert.Contains(ops, o => o is DropIndex);
        Assert.Contains(ops, o => o is CreateIndex);
        Assert.DoesNotContain(ops, o => o is RenameIndex);
    }

    [Fact]
    public void A_changed_definition_is_not_a_rename()
    {
        var current = Of(Table("users", Text("email")).WithIndex(Index("ix_a", "email")));
        var desired = Of(Table("users", Text("email")).WithIndex(Index("ix_b", "email") with { Unique = true }));
        Assert.DoesNotContain(Diff(current, desired), o => o is RenameIndex);
    }

    [Fact]
    public void Two_indexes_swapping_names_are_dropped_and_created()
    {
        var current = Of(Table("users", Text("a"), Text("b")).WithIndex(Index("ix_1", "a")).WithIndex(Index("ix_2", "b")));
        var desired = Of(Table("users", Text("a"), Text("b")).WithIndex(Index("ix_2", "a")).WithIndex(Index("ix_1", "b")));
        Assert.DoesNotContain(Diff(current, desired), o => o is RenameIndex);
    }

    [Fact]
    public void A_new_name_that_another_table_has_now_is_not_renamed_to()
    {
        // PostgreSQL's index names are unique in the schema: the other table's index goes first, by drop.
        var current = Of(Table("users", Text("email")).WithIndex(Index("ix_a", "email")), Table("teams", Text("name")).WithIndex(Index("ix_b", "name")));
        var desired = Of(Table("users", Text("email")).WithIndex(Index("ix_b", "email")), Table("teams", Text("name")));
        Assert.DoesNotContain(Diff(current, desired), o => o is RenameIndex);
    }

    [Fact]
    public void Two_identical_indexes_renamed_at_once_are_ambiguous_and_left_as_drops_and_creates()
    {
        var current = Of(Table("users", Text("email")).WithIndex(Index("ix_a", "email")).WithIndex(Index("ix_b", "email")));
        var desired = Of(Table("users", Text("email")).WithIndex(Index("ix_c", "email")).WithIndex(Index("ix_d", "email")));
        Assert.DoesNotContain(Diff(current, desired), o => o is RenameIndex);
    }
}
