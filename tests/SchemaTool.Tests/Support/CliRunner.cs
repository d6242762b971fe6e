using SchemaTool.Cli;

namespace SchemaTool.Tests.Support;

/// <summary>What one in-process run of the CLI gave back.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs <see cref="CommandLine.Run"/> in-process with StringWriters, on one project folder (--project DIR,
/// --no-color), so end-to-end tests assert on exit codes and the exact text a user sees.
/// </summary>
public static class CliRunner
{
    public static CliResult Run(string projectDirectory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // The common options go right after the command name, so that arguments such as `rollback -1` stay last.
        string[] full = args.Length == 0
            ? ["--project", projectDirectory, "--no-color"]
            : [args[0], "--project", projectDirectory, "--no-color", .. args[1..]];
        var code = CommandLine.Run(full, stdout, stderr);
        return new CliResult(code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>
    /// Runs the arguments exactly as a user types them (nothing added or moved); terminal and colour are decided
    /// from an empty environment, so output is plain whatever the test process's NO_COLOR says.
    /// </summary>
    public static CliResult Raw(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr, _ => null);
        return new CliResult(code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    /// <summary>Runs and asserts the exit code, showing the whole output when it differs.</summary>
    public static CliResult Expect(int exitCode, string projectDirectory, params string[] args)
    {
        var result = Run(projectDirectory, args);
        Assert.True(result.ExitCode == exitCode, $"schematool {string.Join(" ", args)}: expected exit {exitCode}\n{result}");
        return result;
    }

    public static CliResult Ok(string projectDirectory, params string[] args) => Expect(0, projectDirectory, args);
}
