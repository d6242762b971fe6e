using SchemaTool.Revisions;

namespace SchemaTool.Apply;

/// <summary>Which revisions to run for an apply or a rollback target, in the order to run them.</summary>
public static class RevisionPlanner
{
    public static IReadOnlyList<Revision> Pending(RevisionGraph graph, IReadOnlySet<string> applied, string target)
    {
        var order = graph.TopologicalOrder();
        if (target.StartsWith('+') && int.TryParse(target[1..], out var count) && count > 0)
        {
            var head = SingleHead(graph);
            if (head is null) return [];
            var toHead = graph.AncestorsOf(head.Id);
            return order.Where(r => toHead.Contains(r.Id) && !applied.Contains(r.Id)).Take(count).ToList();
        }
        var goal = target == "head" ? SingleHead(graph) : graph.Resolve(target);
        if (goal is null) return [];
        var needed = graph.AncestorsOf(goal.Id);
        return order.Where(r => needed.Contains(r.Id) && !applied.Contains(r.Id)).ToList();
    }

    public static IReadOnlyList<Revision> ToUndo(RevisionGraph graph, IReadOnlySet<string> applied, string target)
    {
        var newestFirst = graph.TopologicalOrder().Reverse().Where(r => applied.Contains(r.Id)).ToList();
        if (target == "base") return newestFirst;
        if (target.StartsWith('-') && int.TryParse(target[1..], out var count) && count > 0)
            return newestFirst.Take(count).ToList();
        var goal = graph.Resolve(target);
        if (!applied.Contains(goal.Id))
            throw new InputException($"revision {goal.Id} is not applied, so there is nothing to roll back to; `schematool history` shows what is");
        var keep = graph.AncestorsOf(goal.Id);
        return newestFirst.Where(r => !keep.Contains(r.Id)).ToList();
    }

    /// <summary>The one head, or an error naming the heads when there are several.</summary>
    public static Revision? SingleHead(RevisionGraph graph)
    {
        var heads = graph.Heads;
        if (heads.Count > 1)
            throw new InputException(
                $"the migrations have {heads.Count} heads: {string.Join(", ", heads.Select(h => $"{h.Id} ({h.Message})"))}; " +
                $"join them with `schematool merge {heads[0].Id} {heads[1].Id} -m \"merge\"`, or apply one of them by id");
        return heads.Count == 1 ? heads[0] : null;
    }

    /// <summary>The revisions a database is at: the applied ones none of whose children are applied.</summary>
    public static IReadOnlyList<string> Current(RevisionGraph graph, IReadOnlySet<string> applied) =>
        applied.Where(id => graph.Children(id).All(c => !applied.Contains(c))).Order(StringComparer.Ordinal).ToList();
}
