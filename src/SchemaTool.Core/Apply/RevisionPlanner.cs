using SchemaTool.Revisions;

namespace SchemaTool.Apply;

/// <summary>Which revisions to run for an apply or a rollback target, in the order to run them.</summary>
public static class RevisionPlanner
{
    /// <summary>Revisions to apply for <paramref name="target"/>: head, a revision id (one branch), or +N.</summary>
    public static IReadOnlyList<Revision> Pending(RevisionGraph graph, IReadOnlySet<string> applied, string target)
    {
        var order = graph.TopologicalOrder();
        if (target.StartsWith('+'))
        {
            var count = ParseCount(target, "apply");
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

    /// <summary>
    /// Revisions to undo for <paramref name="target"/> (a revision id, base, or -N), most recently applied first,
    /// never a revision before one of its applied children.
    /// </summary>
    public static IReadOnlyList<Revision> ToUndo(RevisionGraph graph, IReadOnlyList<HistoryRow> appliedRows, string target)
    {
        var newestFirst = NewestFirst(graph, appliedRows);
        if (target == "base") return newestFirst;
        if (target.StartsWith('-'))
        {
            var count = ParseCount(target, "rollback");
            if (count > newestFirst.Count && newestFirst.Count > 0)
                throw new InputException(
                    $"rollback {target}: only {newestFirst.Count} revision(s) are applied, so at most `schematool rollback -{newestFirst.Count}` " +
                    "(the same as `schematool rollback base`)");
            return newestFirst.Take(count).ToList();
        }
        var goal = graph.Resolve(target);
        if (newestFirst.All(r => r.Id != goal.Id))
            throw new InputException($"revision {goal.Id} is not applied, so there is nothing to roll back to; `schematool history` shows what is");
        var keep = graph.AncestorsOf(goal.Id);
        return newestFirst.Where(r => !keep.Contains(r.Id)).ToList();
    }

    /// <summary>Applied revisions in reverse order of application, with children moved before their parents.</summary>
    private static List<Revision> NewestFirst(RevisionGraph graph, IReadOnlyList<HistoryRow> appliedRows)
    {
        var topo = graph.TopologicalOrder().Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var candidates = appliedRows
            .Select(row => graph.Find(row.Revision) ?? throw new InputException(
                $"revision {row.Revision} ({row.Message}) is applied but its files are gone from the migrations folder; restore them to roll it back"))
            .Zip(appliedRows)
            .OrderByDescending(x => x.Second.AppliedAt).ThenByDescending(x => topo[x.First.Id])
            .Select(x => x.First)
            .ToList();
        var remaining = candidates.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var result = new List<Revision>();
        while (candidates.Count > 0)
        {
            var next = candidates.First(r => graph.Children(r.Id).All(c => !remaining.Contains(c)));
            candidates.Remove(next);
            remaining.Remove(next.Id);
            result.Add(next);
        }
        return result;
    }

    private static int ParseCount(string target, string command) =>
        int.TryParse(target[1..], out var count) && count > 0
            ? count
            : throw new InputException($"{command} target '{target}' is not a revision, base/head, or {target[0]}N with N a positive number");

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
    /// <summary>
    /// The applied revisions that no applied revision follows. The history rows' parents count as well as the
    /// graph's, so that an applied revision whose files are gone still follows its parent.
    /// </summary>
    public static IReadOnlyList<string> Current(RevisionGraph graph, IReadOnlySet<string> applied, IEnumerable<HistoryRow>? rows = null)
    {
        var followed = (rows ?? []).Where(r => applied.Contains(r.Revision)).SelectMany(r => r.Parents).ToHashSet(StringComparer.Ordinal);
        return applied.Where(id => !followed.Contains(id) && graph.Children(id).All(c => !applied.Contains(c))).Order(StringComparer.Ordinal).ToList();
    }
}
