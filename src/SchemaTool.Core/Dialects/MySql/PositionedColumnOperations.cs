using SchemaTool.Diff;
using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// MySQL keeps columns in the order they are declared (<c>SELECT *</c> shows it), so an added column goes where
/// the model puts it, and a dropped column comes back in its old place when the down file adds it again.
/// <paramref name="After"/> is the column it follows, null for the first column.
/// </summary>
public sealed record AddColumnAt(string Table, Column Column, string? After) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Column.Name;
    public override Phase Phase => Phase.AddColumn;
    public override Operation Invert() => new DropColumnAt(Table, Column, After);
    public override string Describe() => $"add column {Table}.{Column.Name}";

    internal override Dependencies Dependencies => new(
        Provides: [Dependencies.Column(Table, Column.Name), ColumnDefinition(Table, Column.Name)],
        Removes: None,
        Requires: After is null ? [Dependencies.Table(Table)] : [Dependencies.Table(Table), Dependencies.Column(Table, After)],
        RequiresBefore: None);
}

/// <summary>
/// Drops a column and remembers its place, so that its inverse puts it back there. <paramref name="AfterAdding"/>
/// names a column added first when the table would otherwise be left with none.
/// </summary>
public sealed record DropColumnAt(string Table, Column Column, string? After, string? AfterAdding = null) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Column.Name;
    public override Phase Phase => Phase.DropColumn;
    public override Operation Invert() => new AddColumnAt(Table, Column, After);
    public override string Warning => $"drops column {Table}.{Column.Name} and its data";
    public override string Describe() => $"drop column {Table}.{Column.Name}";

    // Dropping the column this one follows must wait, so that the down file (run in reverse) re-adds it first.
    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: [Dependencies.Column(Table, Column.Name), ColumnDefinition(Table, Column.Name)],
        Requires: AfterAdding is null ? None : [Dependencies.Column(Table, AfterAdding)],
        RequiresBefore: After is null ? [Dependencies.Table(Table)] : [Dependencies.Table(Table), Dependencies.Column(Table, After)]);
}
