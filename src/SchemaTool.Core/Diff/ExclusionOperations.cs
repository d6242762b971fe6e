using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>Adds an exclusion constraint (PostgreSQL), which builds its index; after the columns it names take their new definitions.</summary>
public sealed record AddExclusion(string Table, Exclusion Exclusion) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Exclusion.Name;
    public override Phase Phase => Phase.CreateIndex;
    public override Operation Invert() => new DropExclusion(Table, Exclusion);
    public override string Describe() => $"add exclusion constraint {Exclusion.Name} on {Table}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: None,
        Requires: [Dependencies.Table(Table), .. Exclusion.ReferencedColumns.Select(c => ColumnDefinition(Table, c))],
        RequiresBefore: None);
}

/// <summary>Drops an exclusion constraint with its index; before any column of its table changes or goes (an expression may use any).</summary>
public sealed record DropExclusion(string Table, Exclusion Exclusion) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Exclusion.Name;
    public override Phase Phase => Phase.DropIndex;
    public override Operation Invert() => new AddExclusion(Table, Exclusion);
    public override string Describe() => $"drop exclusion constraint {Exclusion.Name} on {Table}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: None,
        Requires: None,
        RequiresBefore: [Dependencies.Table(Table), .. Exclusion.ReferencedColumns.Select(c => ColumnDefinition(Table, c))]);
}

/// <summary>A comment changed alone: set in place, not by building the constraint's index again.</summary>
public sealed record SetExclusionComment(string Table, string Name, string? From, string? To) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Name;
    public override Phase Phase => Phase.Comment;
    public override Operation Invert() => new SetExclusionComment(Table, Name, To, From);
    public override string Describe() => $"set comment of exclusion constraint {Name} on {Table}";

    internal override Dependencies Dependencies => new(None, None, [Dependencies.Table(Table)], None);
}
