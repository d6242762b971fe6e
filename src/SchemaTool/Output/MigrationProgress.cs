using System.Globalization;
using SchemaTool.Apply;

namespace SchemaTool.Cli.Output;

/// <summary>
/// Shows apply and rollback as they go: a line per revision, then per statement its number, time and first
/// line, then the revision's total. On a terminal the statement line is redrawn in place; redirected, every
/// statement is a plain line of its own (CI logs show how far a run got).
/// Reports arrive after each statement with the time since the revision began.
/// </summary>
public sealed class MigrationProgress(ConsoleOutput console) : IProgress<StatementProgress>
{
    private TimeSpan _previous;

    /// <summary>The migrator's messages: "applying REV msg", "rolling back REV msg", "waiting for the lock".</summary>
    public void Log(string message)
    {
        // A revision's statement times count from its start; a note in the middle of one (a statement that runs
        // outside its transaction, one found done on resume) does not start a new count.
        if (message.StartsWith("applying ", StringComparison.Ordinal) || message.StartsWith("rolling back ", StringComparison.Ordinal))
            _previous = TimeSpan.Zero;
        console.Line(message);
    }

    public void Report(StatementProgress value)
    {
        var took = value.Elapsed - _previous;
        _previous = value.Elapsed;
        var line = $"  [{value.Index + 1}/{value.Total}] {Ms(took),8}  {FirstLine(value.Statement)}";
        if (console.IsTerminal) console.Status(line);
        else console.Line(line);
        if (value.Index + 1 == value.Total)
            console.Line(console.Paint($"  done: {value.Total} statement(s) in {Ms(value.Elapsed)}", ConsoleOutput.Green));
    }

    /// <summary>The migrator options of apply and rollback, with this progress as their log and progress hooks.</summary>
    public static MigratorOptions Attach(MigratorOptions options, ConsoleOutput console)
    {
        var progress = new MigrationProgress(console);
        return options with { Log = progress.Log, Progress = progress };
    }

    public static string Ms(TimeSpan span) => span.TotalMilliseconds < 1000
        ? ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms"
        : span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string FirstLine(string statement)
    {
        var lines = statement.Trim().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = lines.FirstOrDefault(l => !l.StartsWith("--", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? "";
        if (lines.Length > 1) first += " ...";
        return first.Length > 72 ? first[..69] + "..." : first;
    }
}
