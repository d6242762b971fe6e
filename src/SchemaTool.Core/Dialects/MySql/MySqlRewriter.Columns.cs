using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlRewriter
{
    /// <summary>
    /// MariaDB cannot turn a column into a generated one or back, nor change how it is generated, in place
    /// ("This is not yet supported for generated columns"): such a column is dropped and added again.
    /// </summary>
    private void RecreateGeneratedColumns(List<Operation> ops)
    {
        foreach (var alter in ops.OfType<AlterColumn>().Where(a => a.GeneratedChanged || a.From.Generated is not null && a.TypeChanged).ToList())
        {
            if (CurrentName(alter.Table) != alter.Table || current.FindTable(alter.Table)?.FindColumn(alter.From.Name) is null) continue;
            ops.Remove(alter);
            ops.Add(new DropColumn(alter.Table, alter.From));
            ops.Add(new AddColumn(alter.Table, alter.To));
        }
    }

    private List<Operation> Position(List<Operation> ops) => ops.Select(op => op switch
    {
        AddColumn add when desired.FindTable(add.Table) is { } table =>
            new AddColumnAt(add.Table, add.Column, Previous(table, add.Column.Name)),
        DropColumn drop when current.FindTable(drop.Table) is { } table =>
            new DropColumnAt(drop.Table, drop.Column, Previous(table, drop.Column.Name), ColumnKeptAlive(ops, drop, table)),
        _ => op,
    }).ToList();

    private static string? Previous(Table table, string column)
    {
        var index = table.Columns.Select(c => c.Name).ToList().IndexOf(column);
        return index > 0 ? table.Columns[index - 1].Name : null;
    }

    /// <summary>When every column of a table is dropped, one added column must come first (a table cannot have none).</summary>
    private string? ColumnKeptAlive(List<Operation> ops, DropColumn drop, Table table)
    {
        var dropped = ops.OfType<DropColumn>().Count(d => d.Table == drop.Table);
        if (dropped < table.Columns.Count) return null;
        return ops.OfType<AddColumn>().FirstOrDefault(a => a.Table == DesiredName(drop.Table))?.Column.Name;
    }
}
