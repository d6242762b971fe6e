using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>Creates a composite type after the types of its attributes and before the columns of that type.</summary>
public sealed record CreateCompositeType(CompositeType Type) : Operation
{
    public override string TableName => Type.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.CompositeType;
    internal override string? Relation => null;
    public override Phase Phase => Phase.CreateType;
    public override Operation Invert() => new DropCompositeType(Type);
    public override string Describe() => $"create composite type {Type.Name}";

    internal override Dependencies Dependencies => new([Dependencies.Type(Type.Name)], None, [.. Uses(Type.Attributes), Gone(Dependencies.Type(Type.Name))], None);

    internal static IReadOnlyList<string> Uses(IEnumerable<CompositeAttribute> attributes) =>
        attributes.Select(a => Dependencies.Type(ObjectUses.TypeName(a.Type))).Distinct().ToList();
}

/// <summary>Drops a composite type after the columns of that type, before the types of its attributes.</summary>
public sealed record DropCompositeType(CompositeType Type) : Operation
{
    public override string TableName => Type.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.CompositeType;
    internal override string? Relation => null;
    public override Phase Phase => Phase.DropType;
    public override Operation Invert() => new CreateCompositeType(Type);
    public override string Describe() => $"drop composite type {Type.Name}";

    internal override Dependencies Dependencies => new([Gone(Dependencies.Type(Type.Name))], [Dependencies.Type(Type.Name)], None,
        CreateCompositeType.Uses(Type.Attributes));
}

/// <summary>
/// Changes a composite type's attributes in place (ALTER TYPE ... DROP ATTRIBUTE, ALTER ATTRIBUTE ... TYPE, ADD
/// ATTRIBUTE), where <see cref="InPlace"/> says it can both ways. The values a column of the type holds in a
/// dropped attribute are lost: a warning.
/// </summary>
public sealed record AlterCompositeType(CompositeType From, CompositeType To) : Operation
{
    public override string TableName => To.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.CompositeType;
    internal override string? Relation => null;
    public override Phase Phase => Phase.AlterType;
    public override Operation Invert() => new AlterCompositeType(To, From);
    public override string Describe() => $"alter composite type {To.Name}";

    /// <summary>
    /// ADD ATTRIBUTE appends: a change is made in place, and undone in place by the down file, only when the attributes
    /// both have come first on both sides, in the same order, so that what one side adds or drops is at its end.
    /// </summary>
    public static bool InPlace(CompositeType from, CompositeType to)
    {
        var kept = from.Attributes.Where(a => to.Attributes.Any(b => b.Name == a.Name)).Select(a => a.Name).ToList();
        return from.Attributes.Take(kept.Count).Select(a => a.Name).SequenceEqual(kept)
               && to.Attributes.Take(kept.Count).Select(a => a.Name).SequenceEqual(kept);
    }

    public IEnumerable<CompositeAttribute> Dropped => From.Attributes.Where(a => To.Attributes.All(b => b.Name != a.Name));
    public IEnumerable<CompositeAttribute> Added => To.Attributes.Where(a => From.Attributes.All(b => b.Name != a.Name));

    /// <summary>The attributes both have whose type or collation changes, as they become.</summary>
    public IEnumerable<CompositeAttribute> Changed => To.Attributes.Where(a => From.Attributes.Any(b => b.Name == a.Name && b != a));

    public override string? Warning => Dropped.Any()
        ? $"drops attribute{(Dropped.Count() > 1 ? "s" : "")} {string.Join(", ", Dropped.Select(a => a.Name))} of composite type {To.Name}: the values columns of the type hold in it are lost"
        : null;

    internal override Dependencies Dependencies => new(None, None,
        [Dependencies.Type(To.Name), .. CreateCompositeType.Uses(To.Attributes)], CreateCompositeType.Uses(From.Attributes));
}

/// <summary>The composite types in an order that creates each after the composite types its attributes use.</summary>
public static class CompositeTypeOrder
{
    public static IEnumerable<CompositeType> Of(IEnumerable<CompositeType> types)
    {
        var pending = types.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(t => t.Attributes.All(a =>
                done.Contains(ObjectUses.TypeName(a.Type)) || !pending.Any(p => p != t && string.Equals(p.Name, ObjectUses.TypeName(a.Type), StringComparison.OrdinalIgnoreCase))))
                ?? pending[0];
            pending.Remove(next);
            done.Add(next.Name);
            yield return next;
        }
    }
}
