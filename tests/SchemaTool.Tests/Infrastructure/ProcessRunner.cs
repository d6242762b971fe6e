using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SchemaTool.Tests.Infrastructure;

internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output);

/// <summary>Runs short-lived helper programs (initdb, pg_ctl, chown, ...) and captures their output.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string file, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "/",
        };
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        var commandLine = Describe(startInfo);

        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;

        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not run `{commandLine}`: {e.Message}", e);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"`{commandLine}` did not finish within {timeout.TotalSeconds:0} s. Output so far:\n{Snapshot(output)}");
        }
        return new ProcessResult(commandLine, process.ExitCode, Snapshot(output));
    }

    public static async Task<ProcessResult> RunCheckedAsync(
        string file, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var result = await RunAsync(file, arguments, timeout, workingDirectory).ConfigureAwait(false);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"`{result.CommandLine}` failed with exit code {result.ExitCode}:\n{result.Output}");
        return result;
    }

    /// <summary>
    /// Starts a long-running program (a database server) whose output goes to <paramref name="outputFile"/>:
    /// a pipe back to us would fill up and block the server, and would break once the test process exits.
    /// </summary>
    public static Process StartInBackground(string file, IEnumerable<string> arguments, string outputFile, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo("sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in new[] { "-c", "out=$1; shift; exec \"$@\" </dev/null >>\"$out\" 2>&1", "sh", outputFile, file })
            startInfo.ArgumentList.Add(argument);
        foreach (var argument in arguments)
            startInfo.ArgumentList.Add(argument);
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start `{Describe(startInfo)}`.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start `{Describe(startInfo)}`: {e.Message}", e);
        }
    }

    private static string Describe(ProcessStartInfo startInfo) =>
        string.Join(' ', startInfo.ArgumentList.Prepend(startInfo.FileName).Select(Quote));

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_=./:,@%+".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";

    private static string Snapshot(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
