using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Reshapes the differ's operations into what MySQL can run: foreign keys dropped and re-added around the
/// changes InnoDB refuses while they exist, the index InnoDB made for a dropped foreign key dropped with it,
/// and added or dropped columns given their place.
/// </summary>
public sealed class MySqlRewriter(Schema current, Schema desired)
{
    public IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations)
    {
        var ops = operations.ToList();
        foreach (var alter in ops.OfType<AlterColumn>().Where(a => a.TypeChanged || a.CollationChanged).ToList())
            foreach (var (table, fk) in ForeignKeysUsing(alter.Table, alter.To.Name))
                DropAndReAdd(ops, table, fk);
        foreach (var drop in ops.OfType<DropIndex>().ToList())
            foreach (var fk in ForeignKeysOnlyCoveredBy(drop))
                DropAndReAdd(ops, DesiredName(drop.Table), fk);
        foreach (var drop in ops.OfType<DropForeignKey>().ToList())
            if (ImpliedIndexLeftBehind(ops, drop) is { } index)
                ops.Add(new DropIndex(drop.Table, index));
        return ops.Select(Position).ToList();
    }

    /// <summary>
    /// Foreign keys of the desired schema on a column, or referencing it: InnoDB refuses to change the type of
    /// either side while the key exists (MariaDB error 1832, "Cannot change column used in a foreign key").
    /// </summary>
    private IEnumerable<(string Table, ForeignKey Key)> ForeignKeysUsing(string table, string column)
    {
        foreach (var t in desired.Tables)
            foreach (var fk in t.ForeignKeys)
                if (t.Name == table && fk.Columns.Contains(column)
                    || fk.ReferencedTable == table && fk.ReferencedColumns.Contains(column))
                    yield return (t.Name, fk);
    }

    private IEnumerable<ForeignKey> ForeignKeysOnlyCoveredBy(DropIndex drop)
    {
        if (current.FindTable(drop.Table) is not { } table || desired.FindTable(DesiredName(drop.Table)) is not { } target) yield break;
        foreach (var fk in table.ForeignKeys)
            if (ForeignKeyIndexes.IsCovered(fk, table with { Indexes = new[] { drop.Index } })
                && !ForeignKeyIndexes.IsCovered(fk, table, ignoringIndex: drop.Index.Name)
                && target.ForeignKeys.FirstOrDefault(f => f.Name == fk.Name) is { } kept)
                yield return kept;
    }

    private void DropAndReAdd(List<Operation> ops, string desiredTable, ForeignKey desiredKey)
    {
        var currentTable = CurrentName(desiredTable);
        if (current.FindTable(currentTable)?.ForeignKeys.FirstOrDefault(f => f.Name == desiredKey.Name) is not { } existing) return;
        if (!ops.Any(o => o is DropForeignKey d && d.Table == currentTable && d.Key.Name == existing.Name))
            ops.Add(new DropForeignKey(currentTable, existing));
        if (!ops.Any(o => o is AddForeignKey a && a.Table == desiredTable && a.Key.Name == desiredKey.Name))
            ops.Add(new AddForeignKey(desiredTable, desiredKey));
    }

    /// <summary>The index InnoDB made for a foreign key that is dropped for good, when nothing else covered the key.</summary>
    private TableIndex? ImpliedIndexLeftBehind(List<Operation> ops, DropForeignKey drop)
    {
        if (current.FindTable(drop.Table) is not { } table || ForeignKeyIndexes.IsCovered(drop.Key, table)) return null;
        var readded = ops.Any(o => o is AddForeignKey a && a.Table == DesiredName(drop.Table) && a.Key.Name == drop.Key.Name
                                   && a.Key.Columns.SequenceEqual(drop.Key.Columns));
        return readded ? null : ForeignKeyIndexes.For(drop.Key);
    }

    private Operation Position(Operation op) => op switch
    {
        AddColumn add when desired.FindTable(add.Table) is { } table => new AddColumnAt(add.Table, add.Column, Previous(table, add.Column.Name)),
        DropColumn drop when current.FindTable(drop.Table) is { } table => new DropColumnAt(drop.Table, drop.Column, Previous(table, drop.Column.Name)),
        _ => op,
    };

    private static string? Previous(Table table, string column)
    {
        var index = table.Columns.Select(c => c.Name).ToList().IndexOf(column);
        return index > 0 ? table.Columns[index - 1].Name : null;
    }

    private string CurrentName(string desiredTable) =>
        desired.FindTable(desiredTable)?.RenamedFrom is { } old && current.FindTable(desiredTable) is null ? old : desiredTable;

    private string DesiredName(string currentTable) =>
        desired.Tables.FirstOrDefault(t => t.RenamedFrom == currentTable && current.FindTable(t.Name) is null)?.Name ?? currentTable;
}
