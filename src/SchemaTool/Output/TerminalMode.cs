namespace SchemaTool.Cli.Output;

/// <summary>
/// Whether output goes to a terminal and may be coloured. A terminal is the process's own console, not
/// redirected; SCHEMATOOL_FORCE_TTY=1 forces terminal mode (for tests and CI logs that render escapes).
/// Colour follows the terminal unless NO_COLOR is set to anything non-empty (https://no-color.org) or
/// --no-color is given.
/// </summary>
public sealed record TerminalMode(bool IsTerminal, bool Color)
{
    public const string ForceVariable = "SCHEMATOOL_FORCE_TTY";

    public static TerminalMode Detect(TextWriter stdout, Func<string, string?> environment, bool noColorOption = false)
    {
        var forced = environment(ForceVariable) is "1" or "true";
        var terminal = forced || (ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected);
        var noColor = noColorOption || !string.IsNullOrEmpty(environment("NO_COLOR"));
        return new TerminalMode(terminal, terminal && !noColor);
    }
}
