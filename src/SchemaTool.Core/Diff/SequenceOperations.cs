using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>
/// Creates a sequence before the defaults that use it. Always without an owner: a default of the owning column
/// uses the sequence, so OWNED BY can only follow the table (an <see cref="AlterSequence"/>; see ObjectDiffer).
/// </summary>
public sealed record CreateSequence(Sequence Sequence) : Operation
{
    public override string TableName => Sequence.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Sequence;
    internal override string? Relation => null;
    public override Phase Phase => Phase.CreateSequence;
    public override Operation Invert() => new DropSequence(Sequence);
    public override string Describe() => $"create sequence {Sequence.Name}";

    internal override Dependencies Dependencies => new([Dependencies.Sequence(Sequence.Name)], None, [Gone(Dependencies.Sequence(Sequence.Name))], None);
}

/// <summary>Drops a sequence (without an owner, which an AlterSequence took away first) after the defaults that use it.</summary>
public sealed record DropSequence(Sequence Sequence) : Operation
{
    public override string TableName => Sequence.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Sequence;
    internal override string? Relation => null;
    public override Phase Phase => Phase.DropSequence;
    public override Operation Invert() => new CreateSequence(Sequence);
    public override string Warning => $"drops sequence {Sequence.Name}: its current value is lost";
    public override string Describe() => $"drop sequence {Sequence.Name}";

    internal override Dependencies Dependencies => new([Gone(Dependencies.Sequence(Sequence.Name))], [Dependencies.Sequence(Sequence.Name)], None, None);
}

/// <summary>Changes a sequence's options or owner (ALTER SEQUENCE); an owner column must exist first and go after.</summary>
public sealed record AlterSequence(Sequence From, Sequence To) : Operation
{
    public override string TableName => To.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Sequence;
    internal override string? Relation => null;
    public override Phase Phase => Phase.AlterSequence;
    public override Operation Invert() => new AlterSequence(To, From);
    public override string Describe() => From.OwnedBy != To.OwnedBy && From with { OwnedBy = To.OwnedBy } == To
        ? $"set owner of sequence {To.Name} to {To.OwnedBy ?? "none"}"
        : $"alter sequence {To.Name}";

    // The sequence stands before and after: an owner taken away before the sequence's drop runs before that drop.
    internal override Dependencies Dependencies => new(None, None,
        [Dependencies.Sequence(To.Name), .. OwnerColumn(To)],
        [Dependencies.Sequence(From.Name), .. OwnerColumn(From)]);

    private static IEnumerable<string> OwnerColumn(Sequence sequence) =>
        sequence.Owner is { } owner ? [Table(owner.Table), Column(owner.Table, owner.Column)] : [];
}

/// <summary>Renames a sequence; its value and the defaults that use it follow.</summary>
public sealed record RenameSequence(string From, string To) : Operation
{
    public override string TableName => To;
    public override string ObjectName => From;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Sequence;
    internal override string? Relation => null;
    public override Phase Phase => Phase.Rename;
    public override Operation Invert() => new RenameSequence(To, From);
    public override string Describe() => $"rename sequence {From} to {To}";

    internal override Dependencies Dependencies => new([Dependencies.Sequence(To)], [Dependencies.Sequence(From)], None, None);
}
