using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlRewriter
{
    /// <summary>
    /// On a table with an AUTO_INCREMENT column, primary key changes and the changes to auto-increment columns
    /// are made in one statement; apart, MySQL refuses the first of them ("there can be only one auto column
    /// and it must be defined as a key").
    /// </summary>
    private List<Operation> CombineAutoIncrementKeyChanges(List<Operation> ops)
    {
        var result = new List<Operation>(ops);
        foreach (var table in ops.Where(o => o is AddPrimaryKey or DropPrimaryKey).Select(o => o.TableName).Distinct().ToList())
        {
            if (ops.Any(o => o is RenameTable r && (r.From == table || r.To == table))) continue;
            var autoColumns = (current.FindTable(table)?.Columns ?? []).Concat(desired.FindTable(table)?.Columns ?? [])
                .Where(c => c.AutoIncrement).Select(c => c.Name).ToHashSet();
            if (autoColumns.Count == 0) continue;
            var together = ops.Where(o => o.TableName == table && o switch
            {
                AddPrimaryKey or DropPrimaryKey => true,
                AddColumnAt add => autoColumns.Contains(add.Column.Name),
                DropColumnAt drop => autoColumns.Contains(drop.Column.Name),
                AlterColumn alter => autoColumns.Contains(alter.To.Name),
                _ => false,
            }).ToList();
            if (together.Count < 2) continue;
            result.RemoveAll(together.Contains);
            result.Add(new CombinedAlterTable(table, together.ToValueList()));
        }
        return result;
    }
}
