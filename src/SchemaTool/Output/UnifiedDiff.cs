using DiffPlex.Renderer;

namespace SchemaTool.Cli.Output;

/// <summary>A unified diff of two texts (DiffPlex), coloured per line on a terminal like `git diff`.</summary>
public static class UnifiedDiff
{
    public const int ContextLines = 3;

    public static string Render(string oldText, string newText, string oldName, string newName) =>
        new UnidiffRenderer(null, ContextLines).Generate(oldText, newText, oldName, newName, false, false).ReplaceLineEndings("\n");

    public static void Print(ConsoleOutput console, string diff)
    {
        foreach (var line in diff.TrimEnd('\n').Split('\n'))
            console.Line(line switch
            {
                _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => console.Paint(line, ConsoleOutput.Bold),
                _ when line.StartsWith("@@", StringComparison.Ordinal) => console.Paint(line, ConsoleOutput.Cyan),
                _ when line.StartsWith('+') => console.Paint(line, ConsoleOutput.Green),
                _ when line.StartsWith('-') => console.Paint(line, ConsoleOutput.Red),
                _ => line,
            });
    }
}
