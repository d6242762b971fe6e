using SchemaTool.Cli;

namespace SchemaTool.Tests.Safety.Support;

/// <summary>What one schematool command printed and returned.</summary>
public sealed record ToolResult(int ExitCode, string Out, string Err)
{
    public string All => Out + Err;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Err}";
}

/// <summary>Runs the CLI in this process, as `schematool ARGS` would, capturing both streams.</summary>
public static class ToolRun
{
    public static ToolResult Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run([.. args, "--no-color"], stdout, stderr);
        return new ToolResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a command that must succeed, failing the test with its output otherwise.</summary>
    public static ToolResult Ok(params string[] args)
    {
        var result = Cli(args);
        Assert.True(result.ExitCode == 0, $"schematool {string.Join(" ", args)}\n{result}");
        return result;
    }
}
