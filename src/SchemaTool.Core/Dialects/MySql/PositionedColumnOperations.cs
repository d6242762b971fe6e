using SchemaTool.Diff;
using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// MySQL keeps columns in the order they are declared (<c>SELECT *</c> shows it), so an added column goes where
/// the model puts it, and a dropped column comes back in its old place when the down file adds it again.
/// <paramref name="After"/> is the column it follows, null for the first column.
/// </summary>
public sealed record AddColumnAt(string Table, Column Column, string? After) : Operation, IFollowedAs, IPlacesColumn
{
    public string PlacedColumn => Column.Name;
    public IEnumerable<Operation> FollowedAs => [new AddColumn(Table, Column)];

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
public sealed record DropColumnAt(string Table, Column Column, string? After, string? AfterAdding = null) : Operation, IFollowedAs
{
    public IEnumerable<Operation> FollowedAs => [new DropColumn(Table, Column)];

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

/// <summary>
/// Moves an existing column to its place in the model (<c>MODIFY COLUMN ... AFTER</c>), undone by moving it
/// back after <paramref name="OldAfter"/>. The moves of a table run in <paramref name="Sequence"/> order,
/// after the table's other column changes, as each place is worked out from the one before.
/// </summary>
public sealed record MoveColumn(string Table, Column Column, string? After, string? OldAfter, int Sequence) : Operation, IFollowedAs, IPlacesColumn
{
    public string PlacedColumn => Column.Name;
    public IEnumerable<Operation> FollowedAs => [new AlterColumn(Table, Column, Column)];

    public override string TableName => Table;
    public override string ObjectName => Column.Name;
    public override Phase Phase => Phase.AlterColumn;
    public override Operation Invert() => new MoveColumn(Table, Column, OldAfter, After, Sequence);
    public override string Describe() => $"move column {Table}.{Column.Name} {(After is null ? "first" : "after " + After)}";

    internal override Dependencies Dependencies => new(
        Provides: [Step(Sequence)],
        Removes: None,
        Requires: [ColumnDefinition(Table, Column.Name), .. After is null ? None : [Dependencies.Column(Table, After)],
            .. Sequence == 0 ? None : [Step(Sequence - 1)]],
        RequiresBefore: None);

    private string Step(int sequence) => $"mysql-move:{Table}:{sequence}";
}
