using System.Diagnostics;

namespace SchemaTool.Project;

public enum TargetOutcome
{
    AtHead,
    Applied,
    RolledBack,
    Behind,
    Drifted,
    Failed,
    NotRun,
}

/// <summary>What one command did to one target; <see cref="ExitCode"/> follows SPEC.md.</summary>
public sealed record TargetResult(string Target, TargetOutcome Outcome, int ExitCode, string Message, TimeSpan Elapsed);

public sealed record FleetProgress(int Done, int Failed, int Pending);

/// <summary>
/// Runs one command against every target of a fleet, at most <c>parallel</c> at a time. A failure is isolated
/// to its target unless fail-fast is asked for; then targets not yet started are reported as not run.
/// </summary>
public static class FleetRunner
{
    public static async Task<IReadOnlyList<TargetResult>> RunAsync(
        IReadOnlyList<FleetTarget> targets,
        Func<FleetTarget, CancellationToken, Task<TargetResult>> run,
        int parallel,
        bool failFast,
        Action<TargetResult>? onResult = null,
        Action<FleetProgress>? onProgress = null,
        CancellationToken ct = default)
    {
        if (parallel < 1) throw new InputException("--parallel must be 1 or more");
        var results = new TargetResult?[targets.Count];
        using var gate = new SemaphoreSlim(parallel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        int done = 0, failed = 0;
        var sync = new object();

        var tasks = targets.Select(async (target, i) =>
        {
            try
            {
                await gate.WaitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                results[i] = new TargetResult(target.Name, TargetOutcome.NotRun, 0, "not run: an earlier target failed (--fail-fast)", TimeSpan.Zero);
                return;
            }
            var clock = Stopwatch.StartNew();
            TargetResult result;
            try
            {
                result = await run(target, CancellationToken.None);
            }
            catch (Exception e)
            {
                var code = e is SchemaToolException s ? s.ExitCode : e is System.Data.Common.DbException ? 3 : 4;
                result = new TargetResult(target.Name, TargetOutcome.Failed, code, FirstLine(e.Message), clock.Elapsed);
            }
            finally
            {
                gate.Release();
            }
            results[i] = result;
            lock (sync)
            {
                done++;
                if (result.Outcome == TargetOutcome.Failed)
                {
                    failed++;
                    if (failFast) stop.Cancel();
                }
                onResult?.Invoke(result);
                onProgress?.Invoke(new FleetProgress(done, failed, targets.Count - done));
            }
        });
        await Task.WhenAll(tasks);
        return results.Select(r => r!).ToList();
    }

    /// <summary>The worst exit code of the targets: 3 over 2 over 1 over 0.</summary>
    public static int WorstExitCode(IEnumerable<TargetResult> results) => results.Select(r => r.ExitCode).DefaultIfEmpty(0).Max();

    /// <summary>An error on one line: its unindented lines (an indented one quotes the failed statement).</summary>
    private static string FirstLine(string message) =>
        string.Join(" / ", message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !char.IsWhiteSpace(l[0])));
}
