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
        PrintStatements(console, plan);
    }

    /// <summary>At most this many statements on existing tables are listed; the flagged ones always are.</summary>
    private const int ListedStatements = 40;

    /// <summary>
    /// Each up statement that works on a table that exists: the lock it takes and what it does to the rows. One that
    /// blocks writes while it reads or rewrites a large table is flagged with a warning.
    /// </summary>
    private static void PrintStatements(ConsoleOutput console, Plan plan)
    {
        var shown = plan.UpStatements.Select((s, i) => (Statement: s, Number: i + 1, Effect: s.Effect()))
            .Where(s => s.Effect is not null).ToList();
        if (shown.Count == 0) return;
        console.Line("statements on existing tables (lock; what it does to the rows):");
        var listed = shown.Count <= ListedStatements ? shown : shown.Where(s => s.Statement.Flagged).ToList();
        foreach (var (statement, number, effect) in listed)
        {
            console.Line(console.Paint($"  {number,4}  {effect}", statement.Flagged ? ConsoleOutput.Yellow : ConsoleOutput.Dim));
            console.Line($"        {FirstLine(statement.Statement.Text)}");
        }
        if (listed.Count < shown.Count) console.Line($"  ... and {shown.Count - listed.Count} more (`plan --json` lists every statement)");
        foreach (var (statement, number, _) in shown.Where(s => s.Statement.Flagged))
            console.Warning($"statement {number} blocks writes to {PrintableText.Escape(statement.Table)} ({statement.Rows:N0} rows estimated) until it has " +
                            $"{(statement.Statement.Traits.Work == Apply.TableWork.Rewrite ? "rewritten" : "read")} every row: {FirstLine(statement.Statement.Text)}");
    }

    private static string FirstLine(string sql)
    {
        var line = sql.ReplaceLineEndings("\n").Split('\n')[0];
        return PrintableText.Escape(line.Length > 100 ? line[..100] + " ..." : line);
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
