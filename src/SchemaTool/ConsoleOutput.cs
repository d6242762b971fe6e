namespace SchemaTool.Cli;

/// <summary>
/// Where commands print. Colour only on a terminal, never with --no-color or NO_COLOR; errors and warnings
/// go to stderr so that piped SQL stays clean.
/// </summary>
public sealed class ConsoleOutput(TextWriter stdout, TextWriter stderr)
{
    public bool Color { get; set; } = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or "";

    public TextWriter Out => stdout;

    /// <summary>Whether stdout is an interactive terminal (progress lines are drawn only there).</summary>
    public bool IsTerminal { get; set; } = !Console.IsOutputRedirected;

    /// <summary>A transient progress line on a terminal, overwritten by the next one.</summary>
    public void Status(string text)
    {
        if (IsTerminal) stdout.Write("\r\u001b[2K" + Paint(text, "2") + "\r");
    }

    public void Line(string text = "") => stdout.WriteLine(text);

    public void Info(string text) => stdout.WriteLine(Paint(text, "2"));

    public void Success(string text) => stdout.WriteLine(Paint(text, "32"));

    public void Warning(string text) => stderr.WriteLine(Paint("WARNING: " + text, "33"));

    public void Error(string text) => stderr.WriteLine(Paint("error: " + text, "31"));

    public string Paint(string text, string code) => Color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
