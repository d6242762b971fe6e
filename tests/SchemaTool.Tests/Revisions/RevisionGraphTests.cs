using SchemaTool.Apply;
using SchemaTool.Revisions;

namespace SchemaTool.Tests.RevisionHistory;

public sealed class RevisionGraphTests
{
    /// <summary>base 1 -> 2 -> 4, and 1 -> 3: two heads, 4 and 3; revision n is created at minute n.</summary>
    internal static RevisionGraph Forked(bool merged = false)
    {
        var revisions = new List<Revision> { Rev("1"), Rev("2", "1"), Rev("3", "1"), Rev("4", "2") };
        if (merged) revisions.Add(Rev("5", "4", "3"));
        return RevisionGraph.Build(revisions);
    }

    internal static Revision Rev(string id, params string[] parents) =>
        new(Id(id), parents.Select(Id).ToList(), "rev " + id, new DateTimeOffset(2026, 1, 1, 0, int.Parse(id), 0, TimeSpan.Zero),
            $"{Id(id)}.up.sql", $"{Id(id)}.down.sql", $"-- up {id}", $"-- down {id}");

    internal static string Id(string shortId) => shortId.PadLeft(12, '0');

    internal static HashSet<string> Set(params string[] ids) => ids.Select(Id).ToHashSet();

    [Fact]
    public void Heads_are_the_revisions_without_children()
    {
        Assert.Equal([Id("3"), Id("4")], Forked().Heads.Select(h => h.Id));
        Assert.Equal([Id("5")], Forked(merged: true).Heads.Select(h => h.Id));
    }

    [Fact]
    public void Topological_order_puts_parents_first_and_ties_by_date()
    {
        Assert.Equal(["1", "2", "3", "4", "5"], Forked(merged: true).TopologicalOrder().Select(r => r.Id.TrimStart('0')));
    }

    [Fact]
    public void Current_is_the_applied_revisions_with_no_applied_child()
    {
        var graph = Forked();
        Assert.Equal([Id("2")], RevisionPlanner.Current(graph, Set("1", "2")));
        Assert.Equal([Id("3"), Id("4")], RevisionPlanner.Current(graph, Set("1", "2", "3", "4")));
        Assert.Empty(RevisionPlanner.Current(graph, Set()));
    }

    [Fact]
    public void A_prefix_resolves_when_unique_and_is_refused_when_ambiguous()
    {
        var graph = RevisionGraph.Build([Rev("1") with { Id = "4f2a9c1b7e3d" }, Rev("2") with { Id = "4f2b00000000" }, Rev("3") with { Id = "1c9e0a7b2d44" }]);
        Assert.Equal("1c9e0a7b2d44", graph.Resolve("1c").Id);
        var ambiguous = Assert.Throws<RevisionException>(() => graph.Resolve("4f2"));
        Assert.Contains("matches", ambiguous.Message);
        var missing = Assert.Throws<RevisionException>(() => graph.Resolve("abc"));
        Assert.Contains("no revision abc", missing.Message);
    }
}
