using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlRewriter
{
    /// <summary>
    /// A change of a table's options says what the table becomes (what the model leaves out stays as it is), and
    /// is dropped when that is what the table is. When the default character set or collation changes, the columns
    /// that follow the table (those the model gives no collation) are altered into it: ALTER TABLE DEFAULT CHARSET
    /// changes only the default for columns made later. Each such column's old collation is written out, so that
    /// the down file puts it back whatever the table's default is when it runs.
    /// </summary>
    private void ResolveTableOptions(List<Operation> ops)
    {
        foreach (var op in ops.OfType<AlterTableOptions>().ToList())
        {
            ops.Remove(op);
            var to = MySqlTableOptions.Resolve(op.From, op.To);
            var from = op.From ?? new TableOptions();
            if (MySqlTableOptions.Same(from, to)) continue;
            ops.Add(op with { From = TableOptions.OrNull(from), To = TableOptions.OrNull(to) });
            if (from.Charset == to.Charset && from.Collation == to.Collation) continue;
            FollowTheTable(ops, op.Table, from);
        }
    }

    private void FollowTheTable(List<Operation> ops, string table, TableOptions from)
    {
        if (desired.FindTable(table) is not { } want || current.FindTable(CurrentName(table)) is not { } have) return;
        var renamed = ops.OfType<RenameColumn>().Where(r => r.Table == table).ToDictionary(r => r.To, r => r.From, StringComparer.Ordinal);
        foreach (var column in want.Columns)
        {
            if (column.Collation is not null || !MySqlTypes.HasCollation(column.Type)) continue;
            var existing = have.FindColumn(renamed.GetValueOrDefault(column.Name, column.Name));
            if (existing is null || !MySqlTypes.HasCollation(existing.Type)) continue;
            var old = (existing with { Name = column.Name, Collation = existing.Collation ?? from.Collation }).WithoutHints();
            var alter = ops.OfType<AlterColumn>().FirstOrDefault(a => a.Table == table && a.To.Name == column.Name);
            if (alter is not null) ops.Remove(alter);
            ops.Add(new AlterColumn(table, old, column.WithoutHints()));
        }
    }
}
