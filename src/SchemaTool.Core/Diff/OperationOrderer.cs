using SchemaTool.Model;

namespace SchemaTool.Diff;

/// <summary>
/// Orders operations by their dependencies (a topological sort), breaking ties by phase, table and object
/// name so that the same diff always gives the same file. A cycle among created or dropped tables is broken
/// by moving the foreign keys that close it into separate operations.
/// </summary>
public static class OperationOrderer
{
    public static IReadOnlyList<Operation> Order(IReadOnlyList<Operation> operations)
    {
        var ops = operations.ToList();
        while (true)
        {
            var result = TrySort(ops, out var stuck);
            if (result is not null) return result;
            if (!DetachForeignKeys(ops, stuck))
                throw new InvalidOperationException(
                    "The changes depend on each other in a cycle: " + string.Join("; ", stuck.Select(o => o.Describe())));
        }
    }

    private static readonly IComparer<Operation> TieBreak = Comparer<Operation>.Create((a, b) =>
    {
        var c = a.Phase.CompareTo(b.Phase);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.TableName, b.TableName);
        return c != 0 ? c : string.CompareOrdinal(a.ObjectName, b.ObjectName);
    });

    private static List<Operation>? TrySort(List<Operation> ops, out List<Operation> stuck)
    {
        // Only a plan that acts on objects outside tables needs what tables use of them (ObjectUses).
        var usesObjects = ops.Any(o => o.Relation is null);
        var deps = ops.Select(o => EffectiveDependencies(o, usesObjects)).ToList();
        var providers = new Dictionary<string, List<int>>();
        var removers = new Dictionary<string, List<int>>();
        for (var i = 0; i < ops.Count; i++)
        {
            foreach (var r in deps[i].Provides) Add(providers, r, i);
            foreach (var r in deps[i].Removes) Add(removers, r, i);
        }

        var successors = new List<int>[ops.Count];
        var inDegree = new int[ops.Count];
        for (var i = 0; i < ops.Count; i++) successors[i] = [];
        void Edge(int from, int to)
        {
            if (from == to) return;
            successors[from].Add(to);
            inDegree[to]++;
        }
        for (var i = 0; i < ops.Count; i++)
        {
            foreach (var r in deps[i].Requires)
                if (providers.TryGetValue(r, out var ps)) foreach (var p in ps) Edge(p, i);
            foreach (var r in deps[i].RequiresBefore)
                if (removers.TryGetValue(r, out var rs)) foreach (var p in rs) Edge(i, p);
        }

        var ready = new SortedSet<int>(Comparer<int>.Create((a, b) =>
        {
            var c = TieBreak.Compare(ops[a], ops[b]);
            return c != 0 ? c : a.CompareTo(b);
        }));
        for (var i = 0; i < ops.Count; i++) if (inDegree[i] == 0) ready.Add(i);

        var order = new List<Operation>(ops.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(ops[next]);
            foreach (var s in successors[next])
                if (--inDegree[s] == 0) ready.Add(s);
        }

        if (order.Count == ops.Count)
        {
            stuck = [];
            return order;
        }
        stuck = Enumerable.Range(0, ops.Count).Where(i => inDegree[i] > 0).Select(i => ops[i]).ToList();
        return null;
    }

    /// <summary>Ops on a table after its rename use the new name; drops before it use the old one.</summary>
    private static Dependencies EffectiveDependencies(Operation op, bool usesObjects)
    {
        var d = op.Dependencies;
        if (usesObjects)
        {
            var (requires, requiresBefore) = ObjectUses.Of(op);
            if (requires.Count > 0 || requiresBefore.Count > 0)
                d = d with { Requires = [.. d.Requires, .. requires], RequiresBefore = [.. d.RequiresBefore, .. requiresBefore] };
        }
        d = InItsSchema(op, d);
        if (op.Relation is null) return d;
        var table = Dependencies.Table(op.Relation);
        if (d.Provides.Contains(table) || d.Removes.Contains(table)) return d;
        return op.Phase < Phase.Rename
            ? d with { RequiresBefore = [.. d.RequiresBefore, table] }
            : d with { Requires = [.. d.Requires, table] };
    }

    /// <summary>An object of a schema (auth.users) is created after its schema and dropped before it.</summary>
    private static Dependencies InItsSchema(Operation op, Dependencies d)
    {
        if (op is CreateNamespace or DropNamespace) return d;
        var schema = Model.QualifiedName.SchemaOf(op.Relation ?? op.TableName) ?? Model.QualifiedName.SchemaOf(op.TableName);
        if (schema is null) return d;
        var key = Dependencies.Namespace(schema);
        return op.Phase > Phase.Rename
            ? d with { Requires = [.. d.Requires, key] }
            : d with { RequiresBefore = [.. d.RequiresBefore, key] };
    }

    private static bool DetachForeignKeys(List<Operation> ops, List<Operation> stuck)
    {
        var stuckTables = stuck.Where(o => o is CreateTable or DropTable).Select(o => o.TableName).ToHashSet();
        foreach (var op in stuck.OrderBy(o => o, TieBreak))
        {
            var (table, isCreate) = op switch
            {
                CreateTable c => (c.Table, true),
                DropTable d => (d.Table, false),
                _ => (null, false),
            };
            if (table is null) continue;
            var detached = table.ForeignKeys
                .Where(f => f.ReferencedTable != table.Name && stuckTables.Contains(f.ReferencedTable)).ToList();
            if (detached.Count == 0) continue;

            var kept = table with { ForeignKeys = table.ForeignKeys.Except(detached).ToValueList() };
            var index = ops.IndexOf(op);
            ops[index] = isCreate ? new CreateTable(kept) : new DropTable(kept);
            ops.AddRange(detached.Select(f => isCreate ? (Operation)new AddForeignKey(table.Name, f) : new DropForeignKey(table.Name, f)));
            return true;
        }
        return false;
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }
}
