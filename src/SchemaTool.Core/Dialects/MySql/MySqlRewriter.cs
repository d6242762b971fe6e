using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Reshapes the differ's operations into what MySQL can run: foreign keys dropped and re-added around the
/// changes InnoDB refuses while they exist, the index InnoDB makes for a foreign key managed explicitly,
/// generated columns re-created, columns given their place, and auto-increment key changes made together.
/// </summary>
public sealed partial class MySqlRewriter(Schema current, Schema desired)
{
    public IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations)
    {
        var ops = operations.ToList();
        RecreateGeneratedColumns(ops);
        RewriteForeignKeys(ops);
        var positioned = Position(ops);
        MoveColumnsIntoOrder(positioned);
        return CombineAutoIncrementKeyChanges(positioned);
    }

    private string CurrentName(string desiredTable) =>
        desired.FindTable(desiredTable)?.RenamedFrom is { } old && current.FindTable(desiredTable) is null ? old : desiredTable;

    private string DesiredName(string currentTable) =>
        desired.Tables.FirstOrDefault(t => t.RenamedFrom == currentTable && current.FindTable(t.Name) is null)?.Name ?? currentTable;

    private static void AddUnlessPresent(List<Operation> ops, Operation op)
    {
        if (!ops.Contains(op)) ops.Add(op);
    }
}
