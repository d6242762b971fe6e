namespace SchemaTool.Revisions;

/// <summary>The revisions as a graph of parents: heads, ancestors, and the order to run them in.</summary>
public sealed class RevisionGraph
{
    private readonly Dictionary<string, Revision> _byId;
    private readonly Dictionary<string, List<string>> _children;

    public IReadOnlyList<Revision> Revisions { get; }

    public RevisionGraph(IReadOnlyList<Revision> revisions)
    {
        Revisions = revisions;
        _byId = revisions.ToDictionary(r => r.Id, StringComparer.Ordinal);
        _children = revisions.ToDictionary(r => r.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var r in revisions)
            foreach (var p in r.Parents)
                if (_children.TryGetValue(p, out var list)) list.Add(r.Id);
    }

    public static RevisionGraph Build(IReadOnlyList<Revision> revisions)
    {
        var graph = new RevisionGraph(revisions);
        var problems = graph.Problems();
        if (problems.Count > 0) throw new RevisionException(problems);
        return graph;
    }

    /// <summary>Parents missing from the folder, then (when all are there) a cycle; each naming the files to fix.</summary>
    public IReadOnlyList<string> Problems()
    {
        var errors = new List<string>();
        foreach (var r in Revisions)
            foreach (var p in r.Parents.Where(p => !_byId.ContainsKey(p)))
                errors.Add($"{RevisionFolder.Display(r.UpPath)}: parent revision {p} does not exist in the migrations folder");
        if (errors.Count == 0 && FindCycle() is { } cycle)
            errors.Add($"the revisions form a cycle: {string.Join(" -> ", cycle)} ({string.Join(", ", cycle.Distinct().Select(id => RevisionFolder.Display(_byId[id].UpPath)))}); fix the `-- parents:` lines");
        return errors;
    }

    public Revision? Find(string id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<string> Children(string id) => _children.GetValueOrDefault(id) ?? [];

    public IReadOnlyList<Revision> Heads => Revisions.Where(r => _children[r.Id].Count == 0).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    /// <summary>Resolves a user's revision argument: a full id or a unique prefix.</summary>
    public Revision Resolve(string idOrPrefix)
    {
        if (_byId.TryGetValue(idOrPrefix, out var exact)) return exact;
        var matches = Revisions.Where(r => r.Id.StartsWith(idOrPrefix, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new RevisionException([$"no revision {idOrPrefix} in the migrations folder; `schematool history` lists them"]),
            _ => throw new RevisionException([$"revision prefix {idOrPrefix} matches {string.Join(", ", matches.Select(m => m.Id))}; give more digits"]),
        };
    }

    /// <summary>The revision and all its ancestors.</summary>
    public HashSet<string> AncestorsOf(string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([id]);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (!seen.Add(next) || !_byId.TryGetValue(next, out var r)) continue;
            foreach (var p in r.Parents) stack.Push(p);
        }
        return seen;
    }

    /// <summary>Revisions in an order where every parent comes before its children (ties by created date, then id).</summary>
    public IReadOnlyList<Revision> TopologicalOrder()
    {
        var inDegree = Revisions.ToDictionary(r => r.Id, r => r.Parents.Count, StringComparer.Ordinal);
        var ready = new SortedSet<Revision>(Revisions.Where(r => r.Parents.Count == 0), ByCreated);
        var order = new List<Revision>();
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var c in _children[next.Id])
                if (--inDegree[c] == 0) ready.Add(_byId[c]);
        }
        return order;
    }

    private static readonly IComparer<Revision> ByCreated = Comparer<Revision>.Create((a, b) =>
    {
        var c = a.Created.CompareTo(b.Created);
        return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
    });

    private List<string>? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        List<string>? Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var p in _byId[id].Parents)
            {
                if (state.GetValueOrDefault(p) == 1) return [.. path[path.IndexOf(p)..], p];
                if (state.GetValueOrDefault(p) == 0 && Visit(p) is { } cycle) return cycle;
            }
            path.RemoveAt(path.Count - 1);
            state[id] = 2;
            return null;
        }
        foreach (var r in Revisions)
            if (state.GetValueOrDefault(r.Id) == 0 && Visit(r.Id) is { } cycle) return cycle;
        return null;
    }
}
