using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

public sealed record AddPrimaryKey(string Table, PrimaryKey Key) : Operation
{
    public override string TableName => Table;
    public override Phase Phase => Phase.AddPrimaryKey;
    public override Operation Invert() => new DropPrimaryKey(Table, Key);
    public override string Describe() => $"add primary key on {Table}({string.Join(", ", Key.Columns)})";

    internal override Dependencies Dependencies => new(
        Provides: [UniqueKey(Table, Key.Columns)],
        Removes: None,
        Requires: Key.Columns.Select(c => ColumnDefinition(Table, c)).ToList(),
        RequiresBefore: None);
}

public sealed record DropPrimaryKey(string Table, PrimaryKey Key) : Operation
{
    public override string TableName => Table;
    public override Phase Phase => Phase.DropPrimaryKey;
    public override Operation Invert() => new AddPrimaryKey(Table, Key);
    public override string Describe() => $"drop primary key of {Table}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: [UniqueKey(Table, Key.Columns)],
        Requires: None,
        RequiresBefore: Key.Columns.Select(c => Column(Table, c)).ToList());
}

public sealed record CreateIndex(string Table, TableIndex Index) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Index.Name;
    public override Phase Phase => Phase.CreateIndex;
    public override Operation Invert() => new DropIndex(Table, Index);
    public override string Describe() => $"create {(Index.Unique ? "unique " : "")}index {Index.Name} on {Table}";

    internal override Dependencies Dependencies => new(
        Provides: Index.Unique && Index.ColumnNames is { } cols ? [UniqueKey(Table, cols)] : None,
        Removes: None,
        Requires: [Dependencies.Table(Table), .. Index.ReferencedColumns.Select(c => ColumnDefinition(Table, c))],
        RequiresBefore: None);
}

public sealed record DropIndex(string Table, TableIndex Index) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Index.Name;
    public override Phase Phase => Phase.DropIndex;
    public override Operation Invert() => new CreateIndex(Table, Index);
    public override string Describe() => $"drop index {Index.Name} on {Table}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: Index.Unique && Index.ColumnNames is { } cols ? [UniqueKey(Table, cols)] : None,
        Requires: None,
        RequiresBefore: [Dependencies.Table(Table), .. Index.ReferencedColumns.Select(c => Column(Table, c))]);
}

/// <summary>
/// Renames an index, or a unique constraint with its index, in place: what a column or table rename asks of the
/// names that shorthands generate (ix_users_username -> ix_users_login), without building the index again.
/// Planned only where the dialect renames indexes (<see cref="Dialects.IDialect.CanRenameIndexes"/>).
/// </summary>
public sealed record RenameIndex(string Table, string From, string To, bool IsConstraint) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => From;
    public override Phase Phase => Phase.Rename;
    public override Operation Invert() => new RenameIndex(Table, To, From, IsConstraint);
    public override string Describe() => $"rename {(IsConstraint ? "unique constraint" : "index")} {From} on {Table} to {To}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: None,
        Requires: [Dependencies.Table(Table)],
        RequiresBefore: [Dependencies.Table(Table)]);
}

public sealed record AddForeignKey(string Table, ForeignKey Key) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Key.Name;
    public override Phase Phase => Phase.AddForeignKey;
    public override Operation Invert() => new DropForeignKey(Table, Key);
    public override string Describe() => $"add foreign key {Key.Name} on {Table}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: None,
        Requires: [.. Key.Columns.Select(c => ColumnDefinition(Table, c)), .. CreateTable.ForeignKeyTargets(Key)],
        RequiresBefore: None);
}

public sealed record DropForeignKey(string Table, ForeignKey Key) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Key.Name;
    public override Phase Phase => Phase.DropForeignKey;
    public override Operation Invert() => new AddForeignKey(Table, Key);
    public override string Describe() => $"drop foreign key {Key.Name} on {Table}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: None,
        Requires: None,
        RequiresBefore: [Dependencies.Table(Table), .. Key.Columns.Select(c => ColumnDefinition(Table, c)),
            .. CreateTable.ForeignKeyTargets(Key)]);
}

public sealed record AddCheck(string Table, Check Check) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Check.Name;
    public override Phase Phase => Phase.AddCheck;
    public override Operation Invert() => new DropCheck(Table, Check);
    public override string Describe() => $"add check {Check.Name} on {Table}";

    internal override Dependencies Dependencies => new(None, None, [Dependencies.Table(Table)], None);
}

public sealed record DropCheck(string Table, Check Check) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Check.Name;
    public override Phase Phase => Phase.DropCheck;
    public override Operation Invert() => new AddCheck(Table, Check);
    public override string Describe() => $"drop check {Check.Name} on {Table}";

    // A check may use any column of its table; drop it before any column goes.
    internal override Dependencies Dependencies => new(None, None, None, [Dependencies.Table(Table)]);
}
