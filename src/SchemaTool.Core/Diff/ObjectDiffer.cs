using SchemaTool.Model;

namespace SchemaTool.Diff;

/// <summary>
/// The operations for the objects outside tables (views, triggers, routines, types, sequences, extensions, schemas,
/// events), by name. Objects without data (views, triggers, routines, events) are dropped and created again when
/// they change, or replaced in place where the operation exists; types and sequences are altered and renamed
/// (renamed_from), since columns and values depend on them. A change of comment alone sets the comment.
/// </summary>
internal static class ObjectDiffer
{
    /// <returns>The types that the model renames, current name to new name, for the columns that use them.</returns>
    public static IReadOnlyDictionary<string, string> Diff(Schema current, Schema desired, List<Operation> ops)
    {
        DiffViews(current.Views, desired.Views, ops);
        Pair(current.Triggers, desired.Triggers, t => t.Identity, ops,
            t => new DropTrigger(t), t => new CreateTrigger(t),
            (have, want) => SameBut(have.WithoutDependencies(), want.WithoutDependencies(), t => t with { Comment = null })
                ? [new SetObjectComment(SchemaObjectKind.Trigger, want.Name, have.Comment, want.Comment, want.Table)]
                : [new DropTrigger(have), new CreateTrigger(want)]);
        // By name and, where the catalog told them, identity arguments: overloads of one name are routines of their own.
        Pair(current.Routines, desired.Routines, r => r.Identity, ops,
            r => new DropRoutine(r), r => new CreateRoutine(r),
            // COMMENT ON AGGREGATE needs the argument types, which only the definition has: an aggregate is made again.
            (have, want) => want.Kind != RoutineKind.Aggregate && SameBut(have.WithoutDependencies(), want.WithoutDependencies(), r => r with { Comment = null })
                ? [new SetObjectComment(want.ObjectKind, want.Name, have.Comment, want.Comment, Arguments: want.Arguments)]
                : have.Kind == want.Kind ? [new ReplaceRoutine(have, want)] : [new DropRoutine(have), new CreateRoutine(want)]);
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        DiffEnums(current.Enums, desired.Enums, ops, renames);
        DiffDomains(current.Domains, desired.Domains, ops, renames);
        Pair(current.Composites, desired.Composites, c => c.Name, ops,
            c => new DropCompositeType(c), c => new CreateCompositeType(c), CompositeChanges);
        DiffSequences(current.Sequences, desired.Sequences, ops);
        Pair(current.Extensions, desired.Extensions, e => e.Name, ops,
            e => new DropExtension(e), e => new CreateExtension(e),
            (have, want) => have with { Version = want.Version } == want
                ? [new AlterExtension(have, want)]
                : [new DropExtension(have), new CreateExtension(want)]);
        Pair(current.Namespaces, desired.Namespaces, n => n.Name, ops,
            n => new DropNamespace(n), n => new CreateNamespace(n),
            (have, want) => [new SetObjectComment(SchemaObjectKind.Namespace, want.Name, have.Comment, want.Comment)]);
        Pair(current.Events, desired.Events, e => e.Name, ops,
            e => new DropEvent(e), e => new CreateEvent(e),
            (have, want) => SameBut(have.WithoutDependencies(), want.WithoutDependencies(), e => e with { Comment = null })
                ? [new SetObjectComment(SchemaObjectKind.Event, want.Name, have.Comment, want.Comment)]
                : [new DropEvent(have), new CreateEvent(want)]);
        return renames;
    }

    private static void DiffViews(ValueList<View> current, ValueList<View> desired, List<Operation> ops) =>
        Pair(current, desired, v => v.Name, ops, v => new DropView(v), v => new CreateView(v), (have, want) =>
        {
            var (a, b) = (have.WithoutDependencies(), want.WithoutDependencies());
            if (a with { Comment = null } == b with { Comment = null })
                return [new SetObjectComment(want.Kind, want.Name, have.Comment, want.Comment)];
            if (a.Materialized != b.Materialized || a.Materialized && a with { Indexes = default, Comment = null } != b with { Indexes = default, Comment = null })
                return [new DropView(have), new CreateView(want)];
            var changes = new List<Operation>();
            if (a.Materialized)
            {
                // Only its indexes (and comment) differ: a materialized view keeps its rows.
                changes.AddRange(a.Indexes.Where(i => !b.Indexes.Contains(i)).Select(i => new DropIndex(want.Name, i)));
                changes.AddRange(b.Indexes.Where(i => !a.Indexes.Contains(i)).Select(i => new CreateIndex(want.Name, i)));
            }
            else changes.Add(new ReplaceView(have, want));
            if (a.Comment != b.Comment) changes.Add(new SetObjectComment(want.Kind, want.Name, have.Comment, want.Comment));
            return changes;
        });

    private static void DiffEnums(ValueList<EnumType> current, ValueList<EnumType> desired, List<Operation> ops, Dictionary<string, string> renames)
    {
        var (matched, renamedOps) = MatchRenamed(current, desired, e => e.Name, e => e.RenamedFrom);
        foreach (var (from, to) in renamedOps)
        {
            ops.Add(new RenameType(SchemaObjectKind.EnumType, from, to));
            renames[from] = to;
        }
        foreach (var have in current.Where(e => !matched.ContainsKey(e.Name))) ops.Add(new DropEnumType(have));
        foreach (var want in desired)
        {
            var have = matched.FirstOrDefault(m => m.Value.Name == want.Name).Key is { } key ? current.First(e => e.Name == key) : null;
            if (have is null) { ops.Add(new CreateEnumType(want.WithoutHints())); continue; }
            EnumValueChanges(have, want, ops);
            if (have.Comment != want.Comment) ops.Add(new SetObjectComment(SchemaObjectKind.EnumType, want.Name, have.Comment, want.Comment));
        }
    }

    /// <summary>
    /// Renames, removals and additions that turn the current values into the desired ones, each add and remove
    /// placed by the value it stands before, so that its inverse puts it back where it was. Values kept out of
    /// order are removed and added again in place.
    /// </summary>
    private static void EnumValueChanges(EnumType have, EnumType want, List<Operation> ops)
    {
        var values = have.Values.ToList();
        foreach (var rename in want.RenamedValues)
        {
            var at = values.IndexOf(rename.From);
            if (at < 0 || values.Contains(rename.To) || !want.Values.Contains(rename.To)) continue;
            ops.Add(new RenameEnumValue(want.Name, rename.From, rename.To));
            values[at] = rename.To;
        }
        var inOrder = LongestInOrder(values.Where(want.Values.Contains).ToList(), want.Values);
        for (var i = 0; i < values.Count;)
        {
            if (inOrder.Contains(values[i])) { i++; continue; }
            ops.Add(new RemoveEnumValue(want.Name, values[i], i + 1 < values.Count ? values[i + 1] : null));
            values.RemoveAt(i);
        }
        for (var i = want.Values.Count - 1; i >= 0; i--)
        {
            if (values.Contains(want.Values[i])) continue;
            var before = i + 1 < want.Values.Count ? want.Values[i + 1] : null;
            ops.Add(new AddEnumValue(want.Name, want.Values[i], before));
            values.Insert(before is null ? values.Count : values.IndexOf(before), want.Values[i]);
        }
    }

    /// <summary>The most values of <paramref name="kept"/> that already stand in the order of <paramref name="order"/>.</summary>
    private static HashSet<string> LongestInOrder(List<string> kept, ValueList<string> order)
    {
        var rank = kept.Select(v => ((IList<string>)order).IndexOf(v)).ToList();
        var best = new int[rank.Count];
        var previous = new int[rank.Count];
        for (var i = 0; i < rank.Count; i++)
        {
            (best[i], previous[i]) = (1, -1);
            for (var j = 0; j < i; j++)
                if (rank[j] < rank[i] && best[j] + 1 > best[i]) (best[i], previous[i]) = (best[j] + 1, j);
        }
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (rank.Count == 0) return result;
        for (var i = Array.IndexOf(best, best.Max()); i >= 0; i = previous[i]) result.Add(kept[i]);
        return result;
    }

    /// <summary>
    /// A composite type's attributes change in place where ALTER TYPE can make and undo them
    /// (<see cref="AlterCompositeType.InPlace"/>). Otherwise the type is dropped and created again, which the dialect
    /// refuses at plan while a column uses it.
    /// </summary>
    private static IEnumerable<Operation> CompositeChanges(CompositeType have, CompositeType want)
    {
        if (!AlterCompositeType.InPlace(have, want)) return [new DropCompositeType(have), new CreateCompositeType(want)];
        var changes = new List<Operation>();
        if (have.Attributes != want.Attributes) changes.Add(new AlterCompositeType(have with { Comment = want.Comment }, want));
        if (have.Comment != want.Comment) changes.Add(new SetObjectComment(SchemaObjectKind.CompositeType, want.Name, have.Comment, want.Comment));
        return changes;
    }

    private static void DiffDomains(ValueList<DomainType> current, ValueList<DomainType> desired, List<Operation> ops, Dictionary<string, string> renames)
    {
        var (matched, renamedOps) = MatchRenamed(current, desired, d => d.Name, d => d.RenamedFrom);
        foreach (var (from, to) in renamedOps)
        {
            ops.Add(new RenameType(SchemaObjectKind.Domain, from, to));
            renames[from] = to;
        }
        foreach (var have in current.Where(d => !matched.ContainsKey(d.Name))) ops.Add(new DropDomain(have));
        foreach (var want in desired)
        {
            var key = matched.FirstOrDefault(m => m.Value.Name == want.Name).Key;
            if (key is null) { ops.Add(new CreateDomain(want.WithoutHints())); continue; }
            var have = current.First(d => d.Name == key) with { Name = want.Name };
            var wanted = want.WithoutHints();
            if (have with { Comment = null } != wanted with { Comment = null }) ops.Add(new AlterDomain(have with { Comment = wanted.Comment }, wanted));
            if (have.Comment != wanted.Comment) ops.Add(new SetObjectComment(SchemaObjectKind.Domain, want.Name, have.Comment, wanted.Comment));
        }
    }

    /// <summary>A sequence's owner is set apart from its creation, and taken away before its drop (see CreateSequence).</summary>
    private static void DiffSequences(ValueList<Sequence> current, ValueList<Sequence> desired, List<Operation> ops)
    {
        var (matched, renamedOps) = MatchRenamed(current, desired, s => s.Name, s => s.RenamedFrom);
        foreach (var (from, to) in renamedOps) ops.Add(new RenameSequence(from, to));
        foreach (var have in current.Where(s => !matched.ContainsKey(s.Name)))
        {
            var free = have with { OwnedBy = null };
            if (have.OwnedBy is not null) ops.Add(new AlterSequence(have, free));
            ops.Add(new DropSequence(free));
        }
        foreach (var want in desired)
        {
            var wanted = want.WithoutHints();
            var key = matched.FirstOrDefault(m => m.Value.Name == want.Name).Key;
            if (key is null)
            {
                var free = wanted with { OwnedBy = null };
                ops.Add(new CreateSequence(free));
                if (wanted.OwnedBy is not null) ops.Add(new AlterSequence(free, wanted));
                continue;
            }
            var have = current.First(s => s.Name == key) with { Name = want.Name };
            if (have with { Comment = null } != wanted with { Comment = null }) ops.Add(new AlterSequence(have with { Comment = wanted.Comment }, wanted));
            if (have.Comment != wanted.Comment) ops.Add(new SetObjectComment(SchemaObjectKind.Sequence, want.Name, have.Comment, wanted.Comment));
        }
    }

    /// <summary>
    /// Current name → desired object for the objects kept (by name, or by renamed_from when the old name is not
    /// kept too), and the renames that brings.
    /// </summary>
    private static (Dictionary<string, T> Matched, List<(string From, string To)> Renames) MatchRenamed<T>(
        ValueList<T> current, ValueList<T> desired, Func<T, string> name, Func<T, string?> renamedFrom)
    {
        var currentNames = current.Select(name).ToHashSet(StringComparer.Ordinal);
        var desiredNames = desired.Select(name).ToHashSet(StringComparer.Ordinal);
        var matched = new Dictionary<string, T>(StringComparer.Ordinal);
        var renames = new List<(string, string)>();
        foreach (var want in desired)
        {
            if (currentNames.Contains(name(want))) matched[name(want)] = want;
            else if (renamedFrom(want) is { } old && currentNames.Contains(old) && !desiredNames.Contains(old) && !matched.ContainsKey(old))
            {
                matched[old] = want;
                renames.Add((old, name(want)));
            }
        }
        return (matched, renames);
    }

    /// <summary>Pairs objects by name: drops, creates, and the changes <paramref name="change"/> gives for pairs that differ.</summary>
    private static void Pair<T>(ValueList<T> current, ValueList<T> desired, Func<T, string> name, List<Operation> ops,
        Func<T, Operation> drop, Func<T, Operation> create, Func<T, T, IEnumerable<Operation>> change) where T : notnull
    {
        if (current.Count == 0 && desired.Count == 0) return;
        var desiredByName = desired.ToDictionary(name, StringComparer.Ordinal);
        var currentByName = current.ToDictionary(name, StringComparer.Ordinal);
        foreach (var have in current)
            if (!desiredByName.ContainsKey(name(have))) ops.Add(drop(have));
        foreach (var want in desired)
        {
            if (!currentByName.TryGetValue(name(want), out var have)) ops.Add(create(want));
            else if (!Same(have, want)) ops.AddRange(change(have, want));
        }
    }

    private static bool Same<T>(T a, T b) => (a, b) switch
    {
        (View x, View y) => x.WithoutDependencies() == y.WithoutDependencies(),
        (Trigger x, Trigger y) => x.WithoutDependencies() == y.WithoutDependencies(),
        (Routine x, Routine y) => x.WithoutDependencies() == y.WithoutDependencies(),
        (ScheduledEvent x, ScheduledEvent y) => x.WithoutDependencies() == y.WithoutDependencies(),
        _ => EqualityComparer<T>.Default.Equals(a, b),
    };

    private static bool SameBut<T>(T a, T b, Func<T, T> without) => EqualityComparer<T>.Default.Equals(without(a), without(b));
}
