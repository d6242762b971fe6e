using SchemaTool.Apply;
using static SchemaTool.Tests.RevisionHistory.RevisionGraphTests;

namespace SchemaTool.Tests.RevisionHistory;

public sealed class RevisionPlannerTests
{
    private static IEnumerable<string> Ids(IEnumerable<SchemaTool.Revisions.Revision> revisions) => revisions.Select(r => r.Id.TrimStart('0'));

    private static IReadOnlyList<HistoryRow> AppliedInOrder(params string[] ids) =>
        ids.Select((id, i) => new HistoryRow(Id(id), [], "", "", new DateTimeOffset(2026, 2, 1, 0, 0, i, TimeSpan.Zero), 0, 1, 1, true)).ToList();

    [Fact]
    public void Head_with_two_heads_is_refused_naming_both_and_suggesting_merge()
    {
        var error = Assert.Throws<InputException>(() => RevisionPlanner.Pending(Forked(), Set(), "head"));
        Assert.Contains(Id("3"), error.Message);
        Assert.Contains(Id("4"), error.Message);
        Assert.Contains($"schematool merge {Id("3")} {Id("4")}", error.Message);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public void A_revision_target_applies_only_its_branch()
    {
        Assert.Equal(["1", "2", "4"], Ids(RevisionPlanner.Pending(Forked(), Set(), Id("4"))));
        Assert.Equal(["3"], Ids(RevisionPlanner.Pending(Forked(), Set("1", "2", "4"), Id("3"))));
    }

    [Fact]
    public void After_a_merge_head_applies_the_other_branch_and_the_merge()
    {
        Assert.Equal(["3", "5"], Ids(RevisionPlanner.Pending(Forked(merged: true), Set("1", "2", "4"), "head")));
    }

    [Fact]
    public void Plus_n_applies_the_next_n()
    {
        Assert.Equal(["1", "2"], Ids(RevisionPlanner.Pending(Forked(merged: true), Set(), "+2")));
        Assert.Equal(["3", "4", "5"], Ids(RevisionPlanner.Pending(Forked(merged: true), Set("1", "2"), "+9")));
        Assert.Throws<InputException>(() => RevisionPlanner.Pending(Forked(merged: true), Set(), "+0"));
    }

    [Fact]
    public void Rollback_minus_n_undoes_the_most_recently_applied_first()
    {
        var graph = Forked();
        // 3 was applied after 4, so -1 undoes 3 although 4 comes later in the graph's order.
        Assert.Equal(["3"], Ids(RevisionPlanner.ToUndo(graph, AppliedInOrder("1", "2", "4", "3"), "-1")));
        Assert.Equal(["3", "4"], Ids(RevisionPlanner.ToUndo(graph, AppliedInOrder("1", "2", "4", "3"), "-2")));
    }

    [Fact]
    public void Rollback_never_undoes_a_parent_before_its_applied_child()
    {
        var graph = Forked(merged: true);
        // History order that puts a parent after its child (stamped or clock skew): the child still goes first.
        var rows = AppliedInOrder("1", "3", "5", "2", "4");
        Assert.Equal(["5", "4", "2", "3", "1"], Ids(RevisionPlanner.ToUndo(graph, rows, "base")));
    }

    [Fact]
    public void Rollback_to_a_revision_keeps_its_ancestors_and_undoes_the_rest()
    {
        var graph = Forked(merged: true);
        var rows = AppliedInOrder("1", "2", "3", "4", "5");
        Assert.Equal(["5", "4", "3"], Ids(RevisionPlanner.ToUndo(graph, rows, Id("2"))));
        Assert.Equal(["5", "4", "2"], Ids(RevisionPlanner.ToUndo(graph, rows, Id("3"))));
    }

    [Fact]
    public void Rollback_to_a_revision_not_applied_is_refused()
    {
        var error = Assert.Throws<InputException>(() => RevisionPlanner.ToUndo(Forked(), AppliedInOrder("1", "2"), Id("3")));
        Assert.Contains("is not applied", error.Message);
    }
}
