using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Conformance;

/// <summary>
/// The conformance corpus, one test per dialect running all of its cases (one test per case would make the run
/// slow). Fails on any `fail`, listing the ids and reasons; unsupported and bad cases are reported, not failed.
/// SCHEMATOOL_CONFORMANCE_RESULTS=1 (scripts/conformance.sh) rewrites tests/conformance/RESULTS.md.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>What SQLite accepts and the model cannot express; found in the case text.</summary>
    private static readonly UnsupportedFeature[] SqliteUnsupported =
    [
        new(new Regex(@"\bWITHOUT\s+ROWID\b", RegexOptions.IgnoreCase), "WITHOUT ROWID tables"),
        new(new Regex(@"\)\s*STRICT\b", RegexOptions.IgnoreCase), "STRICT tables"),
        new(new Regex(@"\bCREATE\s+VIRTUAL\s+TABLE\b", RegexOptions.IgnoreCase), "virtual tables"),
    ];

    [Fact]
    public async Task Sqlite_corpus()
    {
        var folder = Directory.CreateTempSubdirectory("schematool-conformance-sqlite-").FullName;
        try
        {
            await RunAsync("sqlite", new SqliteConformanceServer(folder), folder, SqliteUnsupported, parallelism: 4);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task RunAsync(string dialect, IConformanceServer server, string folder, IReadOnlyList<UnsupportedFeature> unsupported, int parallelism)
    {
        var cases = Corpus.Load(dialect);
        var runner = new CaseRunner(server, folder, unsupported);
        var clock = Stopwatch.StartNew();
        var results = new CaseResult[cases.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, ct) => results[i] = await runner.RunAsync(cases[i], ct));

        foreach (var r in results.Where(r => r.Outcome != Outcome.Pass)) output.WriteLine(r.ToString());
        var counts = string.Join(", ", Enum.GetValues<Outcome>().Select(o => $"{results.Count(r => r.Outcome == o)} {ConformanceResults.Name(o)}"));
        output.WriteLine($"{dialect}: {cases.Count} cases in {clock.Elapsed.TotalSeconds:0.0} s: {counts}");
        if (ConformanceResults.Enabled) ConformanceResults.Write(dialect, results);

        var failures = results.Where(r => r.Outcome == Outcome.Fail).ToList();
        Assert.True(failures.Count == 0,
            $"{failures.Count} {dialect} conformance case(s) failed ({counts}):\n" + string.Join("\n", failures.Select(f => $"  {f.Case.Id}: {f.Reason}")));
    }
}
