using System.Diagnostics;
using SchemaTool.Project;
using SchemaTool.Tests.Safety.Support;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Safety;

/// <summary>
/// `apply` killed with SIGKILL at seeded random moments, many times: the database is always at a revision of the line
/// whose schema is exactly what those revisions make, and the next `apply` finishes. 10 kills per dialect in CI,
/// 100 with SCHEMATOOL_LONG=1; SCHEMATOOL_CRASH_SEED replays a run.
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    public static TheoryData<string> Dialects => SafetyDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Apply_killed_at_random_moments_leaves_a_consistent_database(string dialect)
    {
        var kills = LongRun.Choose(ci: 10, longRun: 100);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SCHEMATOOL_CRASH_SEED"), out var s) ? s : 20261130;
        var random = new Random(seed);
        using var project = new ScratchProject();
        var chain = await RevisionChain.PlanAsync(project, await SafetyDatabases.CreateAsync(dialect, project.Dir));
        var database = await SafetyDatabases.CreateAsync(dialect, project.Dir);
        var dialectObject = Workspace.Open(project.Dir, database).Dialect;

        var window = await TimeFullApplyAsync(project, database);
        var landed = new Dictionary<int, int>();
        var killedMidRun = 0;
        for (var i = 0; i < kills; i++)
        {
            var context = $"seed {seed}, kill {i + 1} of {kills}";
            var start = random.Next(chain.Ids.Count);
            await MoveToAsync(project, database, chain, start);

            using var apply = ToolProcess.Start("apply", "--project", project.Dir, "--database", database);
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * window.TotalMilliseconds));
            if (!apply.HasExited)
            {
                apply.Kill(entireProcessTree: true);
                killedMidRun++;
            }
            await apply.WaitForExitAsync();

            var k = await CheckConsistentAsync(project, database, chain, dialectObject, context);
            landed[k] = landed.GetValueOrDefault(k) + 1;
        }

        project.Ok("apply", "--database", database);
        Assert.Equal(chain.Ids.Count, await CheckConsistentAsync(project, database, chain, dialectObject, "after the final apply"));
        output.WriteLine($"{dialect}: {kills} runs, {killedMidRun} killed before they exited, window {window.TotalMilliseconds:0} ms, seed {seed}; " +
                         $"revisions applied when killed: {string.Join(", ", landed.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}"))}");
        // Calibration on a busy machine can make the window too wide; a third of the runs killed mid-way still proves the point.
        Assert.True(killedMidRun >= kills / 3, $"only {killedMidRun} of {kills} runs were killed before they finished; the window is too wide");
    }

    /// <summary>
    /// How long an uninterrupted apply of the whole line takes as a process, the span to kill within: the median of
    /// three runs, as the first run of a process is slow while the disk cache warms.
    /// </summary>
    private static async Task<TimeSpan> TimeFullApplyAsync(ScratchProject project, string database)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            project.Ok("rollback", "base", "--database", database);
            var clock = Stopwatch.StartNew();
            var result = await ToolProcess.RunAsync("apply", "--project", project.Dir, "--database", database);
            Assert.True(result.ExitCode == 0, result.ToString());
            times.Add(clock.Elapsed);
        }
        return times.Order().ElementAt(1);
    }

    private static async Task MoveToAsync(ScratchProject project, string database, RevisionChain chain, int revisions)
    {
        var current = (await project.AppliedAsync(database)).Count;
        var target = revisions == 0 ? "base" : chain.Ids[revisions - 1];
        if (current > revisions) project.Ok("rollback", target, "--database", database);
        else if (current < revisions) project.Ok("apply", target, "--database", database);
    }

    /// <summary>Asserts the history is a whole prefix of the line and the schema is what that prefix makes; returns its length.</summary>
    private static async Task<int> CheckConsistentAsync(ScratchProject project, string database, RevisionChain chain, SchemaTool.Dialects.IDialect dialect, string context)
    {
        var rows = await project.HistoryAsync(database);
        Assert.True(rows.All(r => r.Complete), $"{context}: a half-applied revision on a database with transactional DDL: {string.Join(", ", rows.Where(r => !r.Complete).Select(r => r.Revision))}");
        var applied = rows.Select(r => r.Revision).ToList();
        var k = chain.PrefixLength(applied);
        Assert.True(k >= 0, $"{context}: the history ({string.Join(", ", applied)}) is not a prefix of the revision line");
        var differences = chain.Differences(dialect, await project.IntrospectAsync(database), k);
        Assert.True(differences.Count == 0, $"{context}: at revision {k} of {chain.Ids.Count}, the schema differs from what those revisions make:\n  {string.Join("\n  ", differences)}");
        return k;
    }
}
