using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlRewriter
{
    /// <summary>
    /// Existing columns whose order differs from the model's are moved, so that the table reads back with the
    /// model's column order (SELECT * shows it). The order after the plan's renames, drops and placed adds is
    /// worked out, then each column out of place is moved after the one the model puts before it.
    /// </summary>
    private void MoveColumnsIntoOrder(List<Operation> ops)
    {
        // The operations that shape a table's column order, by table name, read once: scanning all of them per
        // table made this step O(tables × operations). The MoveColumn operations added below are not among them.
        var created = ops.OfType<CreateTable>().Select(c => c.Table.Name).ToHashSet(StringComparer.Ordinal);
        var byTable = ops.Where(o => o is RenameColumn or DropColumnAt or AddColumnAt).ToLookup(o => o switch
        {
            RenameColumn r => r.Table,
            DropColumnAt d => d.Table,
            AddColumnAt a => a.Table,
            _ => "",
        }, StringComparer.Ordinal);
        foreach (var want in desired.Tables)
        {
            var currentName = CurrentName(want.Name);
            if (current.FindTable(currentName) is not { } have || created.Contains(want.Name)) continue;
            var tableOps = want.Name == have.Name ? byTable[want.Name].ToList() : byTable[want.Name].Concat(byTable[have.Name]).ToList();
            var order = OrderAfterPlan(tableOps, have, want);
            var goal = want.Columns.Select(c => c.Name).ToList();
            if (!order.ToHashSet().SetEquals(goal)) continue;
            var sequence = 0;
            for (var i = 0; i < goal.Count; i++)
            {
                if (order[i] == goal[i]) continue;
                var from = order.IndexOf(goal[i]);
                var oldAfter = from > 0 ? order[from - 1] : null;
                order.RemoveAt(from);
                order.Insert(i, goal[i]);
                ops.Add(new MoveColumn(want.Name, want.Columns[i].WithoutHints(), i > 0 ? goal[i - 1] : null, oldAfter, sequence++));
            }
        }
    }

    private static List<string> OrderAfterPlan(IReadOnlyList<Operation> ops, Table have, Table want)
    {
        var renames = ops.OfType<RenameColumn>().Where(r => r.Table == want.Name).ToDictionary(r => r.From, r => r.To);
        var order = have.Columns.Select(c => renames.GetValueOrDefault(c.Name, c.Name)).ToList();
        foreach (var drop in ops.OfType<DropColumnAt>().Where(d => d.Table == have.Name))
            order.Remove(renames.GetValueOrDefault(drop.Column.Name, drop.Column.Name));
        // Adds run in dependency order: each after its predecessor in the model, which is already there.
        var adds = ops.OfType<AddColumnAt>().Where(a => a.Table == want.Name).ToList();
        while (adds.Count > 0)
        {
            var next = adds.FirstOrDefault(a => a.After is null || order.Contains(a.After));
            if (next is null) break;
            order.Insert(next.After is null ? 0 : order.IndexOf(next.After) + 1, next.Column.Name);
            adds.Remove(next);
        }
        return order;
    }
}
