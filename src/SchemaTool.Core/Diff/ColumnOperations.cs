using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

public sealed record AddColumn(string Table, Column Column) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Column.Name;
    public override Phase Phase => Phase.AddColumn;
    public override Operation Invert() => new DropColumn(Table, Column);
    public override string Describe() => $"add column {Table}.{Column.Name}";

    internal override Dependencies Dependencies => new(
        Provides: [Dependencies.Column(Table, Column.Name), ColumnDefinition(Table, Column.Name)],
        Removes: None,
        Requires: [Dependencies.Table(Table)],
        RequiresBefore: None);
}

public sealed record DropColumn(string Table, Column Column) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Column.Name;
    public override Phase Phase => Phase.DropColumn;
    public override Operation Invert() => new AddColumn(Table, Column);
    public override string Warning => $"drops column {Table}.{Column.Name} and its data";
    public override string Describe() => $"drop column {Table}.{Column.Name}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: [Dependencies.Column(Table, Column.Name), ColumnDefinition(Table, Column.Name)],
        Requires: None,
        RequiresBefore: [Dependencies.Table(Table)]);
}

public sealed record RenameColumn(string Table, string From, string To) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => From;
    public override Phase Phase => Phase.Rename;
    public override Operation Invert() => new RenameColumn(Table, To, From);
    public override string Describe() => $"rename column {Table}.{From} to {To}";

    internal override Dependencies Dependencies => new(
        Provides: [Column(Table, To), ColumnDefinition(Table, To)],
        Removes: [Column(Table, From), ColumnDefinition(Table, From)],
        Requires: [Dependencies.Table(Table)],
        RequiresBefore: [Dependencies.Table(Table)]);
}

/// <summary>Changes a column's definition (type, nullability, default, comment, collation...) in place.</summary>
public sealed record AlterColumn(string Table, Column From, Column To) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => To.Name;
    public override Phase Phase => Phase.AlterColumn;
    public override Operation Invert() => new AlterColumn(Table, To, From);
    public override string Describe() => $"alter column {Table}.{To.Name}";

    public bool TypeChanged => !string.Equals(From.Type, To.Type, StringComparison.OrdinalIgnoreCase);
    public bool NullabilityChanged => From.Nullable != To.Nullable;
    public bool DefaultChanged => From.Default != To.Default;
    public bool CommentChanged => From.Comment != To.Comment;
    public bool CollationChanged => From.Collation != To.Collation;
    public bool AutoIncrementChanged => From.AutoIncrement != To.AutoIncrement;
    public bool GeneratedChanged => From.Generated != To.Generated;

    public override string? Warning =>
        TypeChanged && !TypeWidening.IsWidening(From.Type, To.Type)
            ? $"changes the type of {Table}.{To.Name} from {From.Type} to {To.Type}: values may be truncated or fail to convert"
            : null;

    internal override Dependencies Dependencies => new(
        Provides: [ColumnDefinition(Table, To.Name)],
        Removes: [ColumnDefinition(Table, From.Name)],
        Requires: [Column(Table, To.Name)],
        RequiresBefore: None);
}
