using System.Diagnostics;
using SchemaTool.Apply;
using SchemaTool.Project;
using SchemaTool.Tests.Safety.Support;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Safety;

/// <summary>
/// `apply` killed with SIGKILL at seeded random moments, many times: the database is always at a revision of the line
/// whose schema is exactly what those revisions make, and the next `apply` finishes. 10 kills per dialect in CI,
/// 100 with SCHEMATOOL_LONG=1; SCHEMATOOL_CRASH_SEED replays a run.
/// On MySQL/MariaDB, whose DDL commits statement by statement, a kill may also leave one half-applied revision
/// (complete = 0, statements_done = j): the schema must then be the applied revisions plus the first j statements
/// of that one (or j+1: the server finishes the statement a killed client was waiting for), and `apply` must resume
/// it and finish, recording it once. The same holds on PostgreSQL for a revision in online forms, which runs in parts
/// (CREATE INDEX CONCURRENTLY alone, VALIDATE CONSTRAINT in a transaction of its own); any other revision there is
/// applied whole or not at all.
/// </summary>
[Collection(SafetyProcesses.Collection)]
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
        var inParts = RevisionChain.RunInParts(project, dialectObject);
        if (!dialectObject.TransactionalDdl || inParts.Count > 0)
            await chain.PlanStatementsAsync(project, await SafetyDatabases.CreateAsync(dialect, project.Dir));

        var window = await TimeFullApplyAsync(project, database);
        var landed = new Dictionary<string, int>();
        var killedMidRun = 0;
        var resumed = 0;
        var tookEffect = new List<string>();
        // A run that ends before its kill narrows the window: the calibration may have run while the machine was busier.
        var runs = 0;
        for (var i = 0; killedMidRun < kills && i < kills * 3; i++)
        {
            runs++;
            var context = $"seed {seed}, run {i + 1}";
            var start = random.Next(chain.Ids.Count);
            await MoveToAsync(project, database, chain, start);

            using var apply = ToolProcess.Start("apply", "--project", project.Dir, "--database", database);
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * window.TotalMilliseconds));
            if (!apply.HasExited)
            {
                apply.Kill(entireProcessTree: true);
                killedMidRun++;
            }
            else window *= 0.7;
            await apply.WaitForExitAsync();

            var state = await CheckConsistentAsync(project, database, chain, dialectObject, inParts, context);
            landed[state.ToString()] = landed.GetValueOrDefault(state.ToString()) + 1;
            if (state.Partial is { } partial)
            {
                await ResumeAsync(project, database, chain, dialectObject, state.Applied, partial, context, tookEffect);
                resumed++;
            }
        }

        project.Ok("apply", "--database", database);
        Assert.Equal(new CrashState(chain.Ids.Count, null), await CheckConsistentAsync(project, database, chain, dialectObject, inParts, "after the final apply"));
        output.WriteLine($"{dialect}: {runs} runs, {killedMidRun} killed before they exited, last window {window.TotalMilliseconds:0} ms, seed {seed}; " +
                         $"revisions applied when killed (n+j/t: n whole, then j of t statements of the next): " +
                         $"{string.Join(", ", landed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}×{p.Value}"))}; " +
                         $"{resumed} half-applied revisions resumed, {tookEffect.Count} of them with their next statement already run");
        foreach (var hit in tookEffect) output.WriteLine($"{dialect}: killed between a statement and its progress update: {hit}");
        Assert.True(killedMidRun == kills, $"only {killedMidRun} of {runs} runs were killed before they finished; the window is too wide");
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

    /// <summary>Where a kill left the database: n revisions whole, and maybe the next one half-applied.</summary>
    private sealed record CrashState(int Applied, HistoryRow? Partial)
    {
        public override string ToString() => Partial is { } p ? $"{Applied}+{p.StatementsDone}/{p.StatementsTotal}" : $"{Applied}";
    }

    /// <summary>
    /// Asserts the history is a whole prefix of the line, plus at most one half-applied revision (the next of the
    /// line) where DDL is not transactional or the revision runs in parts, and that the schema is what that prefix makes. A half-applied revision
    /// at statement j may also have run statement j+1: see <see cref="ResumeAsync"/>.
    /// </summary>
    private static async Task<CrashState> CheckConsistentAsync(ScratchProject project, string database, RevisionChain chain, SchemaTool.Dialects.IDialect dialect,
                                                               IReadOnlySet<string> inParts, string context)
    {
        var rows = await project.HistoryAsync(database);
        var partials = rows.Where(r => !r.Complete).ToList();
        if (dialect.TransactionalDdl)
            Assert.True(partials.All(r => inParts.Contains(r.Revision)),
                $"{context}: a half-applied revision that runs in one transaction, on a database with transactional DDL: {string.Join(", ", partials.Select(r => r.Revision))}");
        Assert.True(partials.Count <= 1, $"{context}: more than one half-applied revision: {string.Join(", ", partials.Select(r => r.Revision))}");
        var applied = rows.Where(r => r.Complete).Select(r => r.Revision).ToList();
        var k = chain.PrefixLength(applied);
        Assert.True(k >= 0, $"{context}: the history ({string.Join(", ", applied)}) is not a prefix of the revision line");
        var actual = await project.IntrospectAsync(database);
        if (partials.SingleOrDefault() is not { } partial)
        {
            var differences = chain.Differences(dialect, actual, k);
            Assert.True(differences.Count == 0, $"{context}: at revision {k} of {chain.Ids.Count}, the schema differs from what those revisions make:\n  {string.Join("\n  ", differences)}");
            return new CrashState(k, null);
        }

        Assert.True(k < chain.Ids.Count && partial.Revision == chain.Ids[k],
            $"{context}: revision {partial.Revision} is half-applied, but the next of the line after {k} whole ones is {(k < chain.Ids.Count ? chain.Ids[k] : "none")}");
        var within = chain.SchemaWithin[k];
        var j = partial.StatementsDone;
        Assert.True(partial.StatementsTotal == within.Count - 1 && j >= 0 && j <= partial.StatementsTotal,
            $"{context}: revision {partial.Revision} records {j} of {partial.StatementsTotal} statements done; its up file has {within.Count - 1}");
        var exact = RevisionChain.Differences(dialect, actual, within[j]);
        // The known window: statement j+1 ran and committed, the kill came before its progress update.
        var oneMore = exact.Count > 0 && j < partial.StatementsTotal ? RevisionChain.Differences(dialect, actual, within[j + 1]) : exact;
        Assert.True(exact.Count == 0 || oneMore.Count == 0,
            $"{context}: revision {partial.Revision} is half-applied at statement {j} of {partial.StatementsTotal}, but the schema is neither what " +
            $"{k} revisions and its first {j} statements make nor one statement more; the differences from the first:\n  {string.Join("\n  ", exact)}");
        return new CrashState(k, partial);
    }

    /// <summary>
    /// `apply` must resume a half-applied revision where its history row says and finish it, recording it once. A
    /// SIGKILL of the client does not stop the server, which finishes the DDL statement it was running, so a kill
    /// during statement j+1 usually leaves it applied while the row still says j. The MySQL step checks the tables
    /// the statement names against what it recorded before running it, and records such a statement as done instead
    /// of running it again (MySqlSession.Resume); the resume must say so, and each such case is counted.
    /// </summary>
    private static async Task ResumeAsync(ScratchProject project, string database, RevisionChain chain, SchemaTool.Dialects.IDialect dialect,
                                          int applied, HistoryRow partial, string context, List<string> tookEffect)
    {
        var target = chain.Ids[applied];
        var j = partial.StatementsDone;
        var ranNext = j < partial.StatementsTotal &&
                      RevisionChain.Differences(dialect, await project.IntrospectAsync(database), chain.SchemaWithin[applied][j]).Count > 0;
        var result = project.Run("apply", target, "--database", database);
        Assert.True(result.ExitCode == 0, $"{context}: resuming revision {target} at statement {j + 1} of {partial.StatementsTotal} failed:\n{result}");
        if (ranNext)
        {
            Assert.True(result.Out.Contains($"statement {j + 1} of {partial.StatementsTotal} of {target} took effect before the earlier apply stopped"),
                $"{context}: statement {j + 1} of {target} had run, but the resume did not say it recorded it:\n{result}");
            tookEffect.Add($"{context}: revision {target} recorded at statement {j} of {partial.StatementsTotal} with statement {j + 1} already run; the resume recorded it and went on");
        }
        var rows = await project.HistoryAsync(database);
        Assert.Equal(chain.Ids.Take(applied + 1).Order(StringComparer.Ordinal), rows.Select(r => r.Revision).Order(StringComparer.Ordinal));
        Assert.True(rows.All(r => r.Complete), $"{context}: after resuming {target}, rows are still half-applied");
        var differences = chain.Differences(dialect, await project.IntrospectAsync(database), applied + 1);
        Assert.True(differences.Count == 0, $"{context}: after resuming {target}, the schema differs from what {applied + 1} revisions make:\n  {string.Join("\n  ", differences)}");
    }
}
