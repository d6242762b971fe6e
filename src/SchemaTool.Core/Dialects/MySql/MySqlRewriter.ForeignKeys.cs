using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlRewriter
{
    private void RewriteForeignKeys(List<Operation> ops)
    {
        foreach (var alter in ops.OfType<AlterColumn>().Where(a => a.TypeChanged || a.CollationChanged).ToList())
            foreach (var (table, fk) in ForeignKeysUsing(alter.Table, alter.To.Name))
                DropAndReAdd(ops, table, fk);
        foreach (var drop in ops.OfType<DropIndex>().ToList())
            foreach (var fk in ForeignKeysOnlyCoveredBy(drop))
                DropAndReAdd(ops, DesiredName(drop.Table), fk);
        foreach (var drop in ops.OfType<DropForeignKey>().ToList())
            if (ImpliedIndexLeftBehind(ops, drop) is { } index)
                AddUnlessPresent(ops, new DropIndex(drop.Table, index));
        foreach (var add in ops.OfType<AddForeignKey>().ToList())
        {
            if (ImpliedIndexToCreate(ops, add) is { } index)
                AddUnlessPresent(ops, new CreateIndex(add.Table, index));
            foreach (var generated in IndexesMariaDbWouldReplace(ops, add))
            {
                AddUnlessPresent(ops, new DropIndex(CurrentName(add.Table), generated));
                AddUnlessPresent(ops, new CreateIndex(add.Table, generated));
            }
        }
    }

    /// <summary>
    /// Foreign keys of the desired schema on a column, or referencing it: InnoDB refuses to change the type of
    /// either side while the key exists (MariaDB error 1832, "Cannot change column used in a foreign key").
    /// </summary>
    private IReadOnlyList<(string Table, ForeignKey Key)> ForeignKeysUsing(string table, string column) =>
        (foreignKeysByColumn ??= ForeignKeysByColumn()).GetValueOrDefault((table, column)) ?? [];

    // (table, column) -> the desired foreign keys on that column or referencing it, in schema order: built once,
    // where a scan of every desired foreign key per altered column made the rewrite O(alters × foreign keys).
    private Dictionary<(string Table, string Column), List<(string Table, ForeignKey Key)>>? foreignKeysByColumn;

    private Dictionary<(string Table, string Column), List<(string Table, ForeignKey Key)>> ForeignKeysByColumn()
    {
        var map = new Dictionary<(string Table, string Column), List<(string Table, ForeignKey Key)>>();
        var columnsOfKey = new HashSet<(string Table, string Column)>();
        foreach (var t in desired.Tables)
            foreach (var fk in t.ForeignKeys)
            {
                columnsOfKey.Clear();
                foreach (var c in fk.Columns) columnsOfKey.Add((t.Name, c));
                foreach (var c in fk.ReferencedColumns) columnsOfKey.Add((fk.ReferencedTable, c));
                foreach (var column in columnsOfKey)
                {
                    if (!map.TryGetValue(column, out var keys)) map[column] = keys = [];
                    keys.Add((t.Name, fk));
                }
            }
        return map;
    }

    /// <summary>Kept foreign keys whose only index is dropped: InnoDB refuses (error 1553, "needed in a foreign key constraint").</summary>
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

    /// <summary>Whether InnoDB's own index of <paramref name="fk"/> exists now and is kept by the plan.</summary>
    private bool ImpliedIndexStays(List<Operation> ops, string currentTable, ForeignKey fk) =>
        current.FindTable(currentTable) is { } table
        && table.ForeignKeys.Any(f => f.Name == fk.Name && f.Columns.SequenceEqual(fk.Columns))
        && !ForeignKeyIndexes.IsCovered(fk, table)
        && !ops.Any(o => o is DropIndex d && d.Table == currentTable && d.Index.Name == fk.Name);

    /// <summary>The index InnoDB made for a foreign key that is dropped for good, when nothing else covered the key.</summary>
    private TableIndex? ImpliedIndexLeftBehind(List<Operation> ops, DropForeignKey drop)
    {
        if (current.FindTable(drop.Table) is not { } table || ForeignKeyIndexes.IsCovered(drop.Key, table)) return null;
        var readded = ops.Any(o => o is AddForeignKey a && a.Table == DesiredName(drop.Table) && a.Key.Name == drop.Key.Name
                                   && a.Key.Columns.SequenceEqual(drop.Key.Columns));
        return readded ? null : ForeignKeyIndexes.For(drop.Key);
    }

    /// <summary>
    /// A new foreign key that no index covers gets its index made explicitly, under the key's name as InnoDB
    /// would, so that the down file's DROP FOREIGN KEY can drop it again (InnoDB leaves its own index behind).
    /// </summary>
    private TableIndex? ImpliedIndexToCreate(List<Operation> ops, AddForeignKey add)
    {
        if (desired.FindTable(add.Table) is not { } table || ForeignKeyIndexes.IsCovered(add.Key, table)) return null;
        return ImpliedIndexStays(ops, CurrentName(add.Table), add.Key) ? null : ForeignKeyIndexes.For(add.Key);
    }

    /// <summary>
    /// MariaDB marks the index it made for an unnamed foreign key (named after the key's first column, e.g.
    /// <c>KEY `author_id`</c> beside <c>posts_ibfk_1</c>) and replaces it with one of its own when a foreign
    /// key is added on those columns again. Re-created explicitly first, it is an ordinary index and stays.
    /// </summary>
    private IEnumerable<TableIndex> IndexesMariaDbWouldReplace(List<Operation> ops, AddForeignKey add)
    {
        var currentName = CurrentName(add.Table);
        if (current.FindTable(currentName) is not { } table || desired.FindTable(add.Table) is not { } target) yield break;
        foreach (var index in table.Indexes)
        {
            if (index.Name != add.Key.Columns[0] || target.FindIndex(index.Name) != index
                || !ForeignKeyIndexes.IsCovered(add.Key, table with { Indexes = new[] { index } })
                || ops.Any(o => o is DropIndex d && d.Index.Name == index.Name && d.Table == currentName)) continue;
            var othersNeedingIt = table.ForeignKeys.Any(f =>
                f.Name != add.Key.Name && !ops.Any(o => o is DropForeignKey d && d.Table == currentName && d.Key.Name == f.Name)
                && ForeignKeyIndexes.IsCovered(f, table with { Indexes = new[] { index } })
                && !ForeignKeyIndexes.IsCovered(f, table, ignoringIndex: index.Name));
            if (!othersNeedingIt) yield return index;
        }
    }
}
