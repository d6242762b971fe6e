using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Reshapes the differ's operations into what MySQL can run: foreign keys dropped and re-added around the
/// changes InnoDB refuses while they exist, the index InnoDB makes for a foreign key managed explicitly,
/// generated columns re-created, columns given their place, auto-increment key changes made together, and
/// views that other views read dropped and created rather than replaced, triggers kept in their order.
/// </summary>
public sealed partial class MySqlRewriter(Schema current, Schema desired)
{
    public IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations)
    {
        var ops = operations.ToList();
        DropAndCreateViewsOthersRead(ops);
        DropAndCreateRoutines(ops);
        OrderTriggers(ops);
        ResolveTableOptions(ops);
        RecreateGeneratedColumns(ops);
        RewriteForeignKeys(ops);
        SwapImpliedIndexesForCoveringOnes(ops);
        var positioned = Position(ops);
        MoveColumnsIntoOrder(positioned);
        return CombineAutoIncrementKeyChanges(positioned);
    }

    private string CurrentName(string desiredTable) =>
        desired.FindTable(desiredTable)?.RenamedFrom is { } old && current.FindTable(desiredTable) is null ? old : desiredTable;

    private string DesiredName(string currentTable) =>
        (renamedTo ??= RenamedTo()).GetValueOrDefault(currentTable, currentTable);

    // Current name -> desired name of the tables renamed by the model (the first such table, as before): built
    // once, where a scan of all desired tables per call made the foreign-key rewrite O(operations × tables).
    private Dictionary<string, string>? renamedTo;

    private Dictionary<string, string> RenamedTo()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in desired.Tables)
            if (t.RenamedFrom is { } old && current.FindTable(t.Name) is null) map.TryAdd(old, t.Name);
        return map;
    }

    private static void AddUnlessPresent(List<Operation> ops, Operation op)
    {
        if (!ops.Contains(op)) ops.Add(op);
    }
}
