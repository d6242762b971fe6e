namespace SchemaTool.Tests.Postgres;

/// <summary>
/// The sqldef conformance corpus (see /work/shared/corpus/README.md), about ten minutes for 410 cases, so it runs
/// only with SCHEMATOOL_CORPUS=1. Writes a report to /tmp/pg-corpus-report.txt and fails on any case that the
/// tool gets wrong (unsupported and bad cases are reported, not failed).
/// </summary>
public sealed class PostgresCorpusTests
{
    private const string CorpusPath = "/work/shared/corpus/postgres.jsonl";

    [Fact]
    public async Task Every_supported_corpus_case_converges_and_rolls_back()
    {
        if (Environment.GetEnvironmentVariable("SCHEMATOOL_CORPUS") != "1" || !File.Exists(CorpusPath)) return;
        var results = new List<PostgresCorpusRunner.Result>();
        foreach (var c in PostgresCorpusRunner.Load(CorpusPath))
            results.Add(await PostgresCorpusRunner.RunAsync(c));
        var report = string.Join("\n", results.GroupBy(r => r.Outcome).Select(g => $"{g.Key}: {g.Count()}"))
                     + "\n\n" + string.Join("\n\n", results.Where(r => r.Outcome != PostgresCorpusRunner.Outcome.Pass)
                         .OrderBy(r => r.Outcome).Select(r => $"## {r.Id} {r.Outcome}\n{r.Detail}"));
        File.WriteAllText("/tmp/pg-corpus-report.txt", report);
        var failed = results.Where(r => r.Outcome == PostgresCorpusRunner.Outcome.Fail).Select(r => r.Id).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} corpus case(s) failed (see /tmp/pg-corpus-report.txt): {string.Join(", ", failed)}");
    }
}
