using System.Diagnostics;
using SchemaTool.Dialects;

namespace SchemaTool.Bench;

/// <summary>
/// `schematool-bench introspect --url sqlite:/path/app.db [--runs 3]`: connect, and introspection alone, timed
/// in-process (wall and CPU, first run apart: it includes JIT and the database's own schema load).
/// </summary>
internal static class IntrospectionProfile
{
    public static async Task<int> RunAsync(Options options)
    {
        var url = options.Required("url");
        var runs = options.Int("runs", 3);
        var name = DialectRegistry.DialectOfUrl(url) ?? "sqlite";
        var dialect = DialectRegistry.Get(name);
        var target = dialect.ParseTarget(url, Directory.GetCurrentDirectory());
        Console.WriteLine("| run | connect ms | introspect wall ms | introspect CPU ms | tables | statements |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (var run = 1; run <= runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await using var session = await dialect.OpenAsync(target, CancellationToken.None);
            var connect = clock.Elapsed.TotalMilliseconds;
            var cpu = Cpu();
            clock.Restart();
            var schema = await session.IntrospectAsync(CancellationToken.None);
            Console.WriteLine($"| {run} | {connect:F0} | {clock.Elapsed.TotalMilliseconds:F0} | {(Cpu() - cpu).TotalMilliseconds:F0} | {schema.Tables.Count} | {session.StatementsSent} |");
        }
        return 0;
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
