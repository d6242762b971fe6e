using SchemaTool.Cli.Output;

namespace SchemaTool.Cli;

/// <summary>
/// Where commands print. Colour only on a terminal, never with --no-color or NO_COLOR; errors and warnings
/// go to stderr so that piped SQL and JSON stay clean.
/// </summary>
public sealed class ConsoleOutput(TextWriter stdout, TextWriter stderr, TerminalMode mode)
{
    public ConsoleOutput(TextWriter stdout, TextWriter stderr)
        : this(stdout, stderr, TerminalMode.Detect(stdout, Environment.GetEnvironmentVariable))
    {
    }

    /// <summary>Whether stdout is a terminal (or forced to count as one): live progress lines instead of plain ones.</summary>
    public bool IsTerminal { get; } = mode.IsTerminal;

    public bool Color { get; set; } = mode.Color;

    public TextWriter Out => stdout;

    public TextWriter Err => stderr;

    private bool _status;

    /// <summary>
    /// A transient progress line on a terminal, overwritten by the next one; anything else printed clears it
    /// first, so an error never lands in the middle of it. Redirected output gets nothing.
    /// </summary>
    public void Status(string text)
    {
        if (!IsTerminal) return;
        stdout.Write("\r\u001b[2K" + Paint(text, Dim) + "\r");
        stdout.Flush();
        _status = true;
    }

    private void ClearStatus()
    {
        if (!_status) return;
        stdout.Write("\r\u001b[2K");
        _status = false;
    }

    public void Line(string text = "")
    {
        ClearStatus();
        stdout.WriteLine(text);
    }

    public void Info(string text) => Line(Paint(text, Dim));

    public void Success(string text) => Line(Paint(text, Green));

    /// <summary>Something to know that is neither a result nor a warning; on stderr, so stdout stays the result.</summary>
    public void Note(string text)
    {
        ClearStatus();
        stderr.WriteLine(Paint("note: " + text, Dim));
    }

    public void Warning(string text)
    {
        ClearStatus();
        stderr.WriteLine(Paint("WARNING: " + Printable(text), Yellow));
    }

    public void Error(string text)
    {
        ClearStatus();
        stderr.WriteLine(Paint("error: " + Printable(text), Red));
    }

    /// <summary>
    /// Errors and warnings quote names and messages from files and from the database: any control character in
    /// them is shown escaped, never sent to the terminal. Line breaks between the lines of a message stay.
    /// </summary>
    private static string Printable(string text) =>
        PrintableText.NeedsEscaping(text) ? string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(PrintableText.Escape)) : text;

    public string Paint(string text, string code) => Color ? $"\u001b[{code}m{text}\u001b[0m" : text;

    public const string Dim = "2";
    public const string Bold = "1";
    public const string Red = "31";
    public const string Green = "32";
    public const string Yellow = "33";
    public const string Cyan = "36";
}
