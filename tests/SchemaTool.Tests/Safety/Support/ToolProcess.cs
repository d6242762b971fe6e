using System.Diagnostics;

namespace SchemaTool.Tests.Safety.Support;

/// <summary>
/// schematool as a real process (`dotnet schematool.dll ...`): for kills and for runs that race each other,
/// which in-process runs cannot show. The tool's dll is copied next to the tests by the project reference.
/// </summary>
public static class ToolProcess
{
    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts it with <paramref name="environment"/> added to this process's environment.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "schematool.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.ArgumentList.Add("--no-color");
        return Process.Start(start) ?? throw new InvalidOperationException("could not start schematool");
    }

    /// <summary>Runs to the end and returns what it printed.</summary>
    public static Task<ToolResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<ToolResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ToolResult(process.ExitCode, await stdout, await stderr);
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
