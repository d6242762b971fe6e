using System.Diagnostics;
using SchemaTool.Tests.Infrastructure;

namespace SchemaTool.Tests.Cluster;

/// <summary>
/// Runs the built CLI as a real process (`dotnet src/SchemaTool/bin/CFG/net10.0/schematool.dll ...`), the way a user
/// or a deployment script would: concurrent runs then really are separate processes with their own connections.
/// </summary>
internal static class CliProcess
{
    private static readonly Lazy<string> Dll = new(FindDll);

    public static string DllPath => Dll.Value;

    public static async Task<ProcessResult> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync("dotnet", [DllPath, .. arguments], timeout).ConfigureAwait(false);
        return result with { Output = result.Output + $"(exit {result.ExitCode} after {clock.ElapsedMilliseconds} ms)\n" };
    }

    private static string FindDll()
    {
        // The test assembly lives in tests/SchemaTool.Tests/bin/CFG/net10.0/; the CLI in src/SchemaTool/bin/CFG/net10.0/.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var configuration = testBin.Parent!.Name;
        var directory = testBin;
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SchemaTool.sln")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException($"SchemaTool.sln not found above {AppContext.BaseDirectory}");
        var dll = Path.Combine(directory.FullName, "src", "SchemaTool", "bin", configuration, "net10.0", "schematool.dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: build src/SchemaTool ({configuration}) first");
    }
}
