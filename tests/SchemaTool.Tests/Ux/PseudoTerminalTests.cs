using System.Diagnostics;
using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>
/// The built tool under a real pseudo-terminal (util-linux `script -qc`): terminal mode is detected without
/// any forcing. Where `script` is missing the test has nothing to check and passes.
/// </summary>
public sealed class PseudoTerminalTests
{
    [Fact]
    public void Apply_under_a_pseudo_terminal_redraws_progress_in_colour()
    {
        if (!File.Exists("/usr/bin/script")) return;
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        var tool = Path.Combine(AppContext.BaseDirectory, "schematool.dll");

        var output = RunUnderTerminal($"dotnet '{tool}' apply --project '{project.Dir}'");

        Assert.Contains("\r\u001b[2K", output);
        Assert.Contains("\u001b[32m", output);
        Assert.Contains("applied 1 revision(s)", output);
    }

    private static string RunUnderTerminal(string command)
    {
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-qec", command, "/dev/null" }) start.ArgumentList.Add(arg);
        start.Environment.Remove("NO_COLOR");
        start.Environment.Remove("SCHEMATOOL_FORCE_TTY");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) process.Kill(entireProcessTree: true);
        Assert.True(process.ExitCode == 0, $"script exited {process.ExitCode}: {output.Result}{process.StandardError.ReadToEnd()}");
        return output.Result;
    }
}
