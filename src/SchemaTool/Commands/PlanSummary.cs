using SchemaTool.Diff;
using SchemaTool.Planning;

namespace SchemaTool.Cli.Commands;

/// <summary>What a plan does, per table, and the warnings of its destructive operations.</summary>
public static class PlanSummary
{
    public static void Print(ConsoleOutput console, Plan plan)
    {
        var created = plan.Operations.Count(o => o is CreateTable);
        var dropped = plan.Operations.Count(o => o is DropTable);
        var altered = plan.Operations.Where(o => o is not CreateTable and not DropTable).Select(o => o.TableName).Distinct().Count();
        console.Line($"{plan.Operations.Count} change(s): {created} table(s) created, {altered} altered, {dropped} dropped");
        foreach (var group in plan.Operations.GroupBy(o => o.TableName).OrderBy(g => g.Key, StringComparer.Ordinal))
            foreach (var op in group)
                console.Line("  " + op.Describe());
        foreach (var warning in plan.Warnings) console.Warning(warning);
    }
}
