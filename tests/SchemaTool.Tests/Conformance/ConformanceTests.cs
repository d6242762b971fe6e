using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Conformance;

/// <summary>
/// The conformance corpus, one test per dialect running all of its cases (one test per case would make the run
/// slow). Fails on any `fail`, listing the ids and reasons; unsupported and bad cases are reported, not failed.
/// SCHEMATOOL_CONFORMANCE_RESULTS=1 (scripts/conformance.sh) rewrites tests/conformance/RESULTS.md.
/// SCHEMATOOL_CONFORMANCE_CASES=Exclude,Schema runs only the cases whose id contains one of the words (and writes no results).
/// The corpus lives outside the repository (../shared/corpus), so these tests are the Conformance category:
/// scripts/test.sh leaves it out, so a plain clone passes; scripts/conformance.sh and CI run it.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>What SQLite accepts and the model cannot express; found in the case text (views are Schema.Unmanaged's).</summary>
    private static readonly UnsupportedFeature[] SqliteUnsupported = [];

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

    /// <summary>What PostgreSQL accepts and the model cannot express (Schema.Unmanaged catches the rest).</summary>
    private static readonly UnsupportedFeature[] PostgresUnsupported =
    [
        new(new Regex(@"\bCREATE\s+TYPE\b[^;]*\bAS\s+ENUM\b", RegexOptions.IgnoreCase), "enum type"),
        new(new Regex(@"\bCREATE\s+SEQUENCE\b", RegexOptions.IgnoreCase), "sequence"),
        new(new Regex(@"\bGENERATED\s+(ALWAYS|BY\s+DEFAULT)\s+AS\s+IDENTITY\b", RegexOptions.IgnoreCase), "identity column"),
        new(new Regex(@"\bCREATE\s+SCHEMA\b", RegexOptions.IgnoreCase), "schema"),
    ];

    /// <summary>What MariaDB accepts and the model cannot express (Schema.Unmanaged catches the rest).</summary>
    private static readonly UnsupportedFeature[] MySqlUnsupported =
    [
        new(new Regex(@"\bCREATE\s+TRIGGER\b", RegexOptions.IgnoreCase), "trigger"),
        new(new Regex(@"\bPARTITION\s+BY\b", RegexOptions.IgnoreCase), "partitioned table"),
    ];

    [Fact]
    public async Task Postgres_corpus()
    {
        if (!Present("postgres")) return;
        var folder = Directory.CreateTempSubdirectory("schematool-conformance-pg-").FullName;
        try
        {
            await using var server = ServerConformanceServer.Postgres();
            await RunAsync("postgres", server, folder, PostgresUnsupported, parallelism: 4);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Mysql_corpus()
    {
        if (!Present("mysql")) return;
        var folder = Directory.CreateTempSubdirectory("schematool-conformance-mysql-").FullName;
        try
        {
            await using var server = ServerConformanceServer.MariaDb();
            await RunAsync("mysql", server, folder, MySqlUnsupported, parallelism: 4);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The PostgreSQL and MySQL dialects are written on their own branches; until they are merged there is nothing to run.</summary>
    private bool Present(string dialect)
    {
        if (Dialects.DialectRegistry.Names.Contains(dialect)) return true;
        output.WriteLine($"the {dialect} dialect is not in this build yet; its conformance cases are not run");
        return false;
    }

    /// <summary>The cases SCHEMATOOL_CONFORMANCE_CASES names by parts of their ids; all of them when it is unset.</summary>
    private static IReadOnlyList<CorpusCase> Only(IReadOnlyList<CorpusCase> cases)
    {
        var words = Environment.GetEnvironmentVariable("SCHEMATOOL_CONFORMANCE_CASES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words is not { Length: > 0 }) return cases;
        if (ConformanceResults.Enabled) throw new InvalidOperationException("SCHEMATOOL_CONFORMANCE_CASES runs a part of the corpus; RESULTS.md is written from all of it");
        return cases.Where(c => words.Any(w => c.Id.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private async Task RunAsync(string dialect, IConformanceServer server, string folder, IReadOnlyList<UnsupportedFeature> unsupported, int parallelism)
    {
        var cases = Only(Corpus.Load(dialect));
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
