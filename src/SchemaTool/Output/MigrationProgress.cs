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
    private bool _liveLine;

    /// <summary>The migrator's messages: "applying REV msg", "rolling back REV msg", "waiting for the lock".</summary>
    public void Log(string message)
    {
        EndLiveLine();
        _previous = TimeSpan.Zero;
        console.Line(message);
    }

    public void Report(StatementProgress value)
    {
        var took = value.Elapsed - _previous;
        _previous = value.Elapsed;
        var counter = $"[{value.Index + 1}/{value.Total}]";
        var line = $"  {counter} {Ms(took),8}  {FirstLine(value.Statement)}";
        if (console.IsTerminal)
        {
            console.Out.Write("\r\u001b[2K" + console.Paint(line, ConsoleOutput.Dim));
            _liveLine = true;
        }
        else console.Line(line);
        if (value.Index + 1 == value.Total)
        {
            if (_liveLine) console.Out.Write("\r\u001b[2K");
            _liveLine = false;
            console.Line(console.Paint($"  done: {value.Total} statement(s) in {Ms(value.Elapsed)}", ConsoleOutput.Green));
        }
        console.Out.Flush();
    }

    /// <summary>Clears a half-drawn statement line (after a failure, before the error is printed).</summary>
    public void EndLiveLine()
    {
        if (!_liveLine) return;
        console.Out.WriteLine();
        _liveLine = false;
    }

    public static string Ms(TimeSpan span) => span.TotalMilliseconds < 1000
        ? ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms"
        : span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    private static string FirstLine(string statement)
    {
        var text = statement.Trim();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = lines.FirstOrDefault(l => !l.StartsWith("--", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? "";
        if (lines.Length > 1) first += " ...";
        return first.Length > 72 ? first[..69] + "..." : first;
    }
}
