using SchemaTool.Cli.Output;
using SchemaTool.Planning;

namespace SchemaTool.Cli.Commands;

/// <summary>What a plan does, per table (+ created, ~ altered, > renamed, - dropped), and its destructive warnings.</summary>
public static class PlanSummary
{
    public static void Print(ConsoleOutput console, Plan plan)
    {
        var tables = TableChanges.Of(plan);
        console.Line(Headline(plan.Operations.Count, tables));
        foreach (var table in tables)
        {
            var (mark, colour) = Mark(table.Kind);
            console.Line(console.Paint($"  {mark} {table.Subject} ({TableChanges.Word(table.Kind)})", colour));
            if (table.Kind is TableChangeKind.Created or TableChangeKind.Dropped) continue;
            foreach (var change in table.Changes) console.Line("      " + change);
        }
        foreach (var warning in plan.Warnings) console.Warning(warning);
    }

    public static string Headline(int operations, IReadOnlyList<TableChange> tables)
    {
        var (created, altered, renamed, dropped) = TableChanges.Count(tables);
        var parts = new List<string> { $"{created} created", $"{altered} altered" };
        if (renamed > 0) parts.Add($"{renamed} renamed");
        parts.Add($"{dropped} dropped");
        var objects = TableChanges.Objects(tables);
        var subjects = objects == 0 ? $"{tables.Count} table(s)" : $"{tables.Count - objects} table(s) and {objects} other object(s)";
        return $"{operations} change(s) to {subjects}: {string.Join(", ", parts)}";
    }

    private static (string Mark, string Colour) Mark(TableChangeKind kind) => kind switch
    {
        TableChangeKind.Created => ("+", ConsoleOutput.Green),
        TableChangeKind.Dropped => ("-", ConsoleOutput.Red),
        TableChangeKind.Renamed => (">", ConsoleOutput.Cyan),
        _ => ("~", ConsoleOutput.Yellow),
    };
}
