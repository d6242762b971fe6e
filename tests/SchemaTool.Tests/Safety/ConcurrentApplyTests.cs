using System.Data.Common;
using SchemaTool.Tests.Safety.Support;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Safety;

/// <summary>
/// Eight `apply` processes started together on one database: one takes the lock, the others wait for it and then
/// find nothing to do. Every process exits 0, every revision is recorded once, and its statements ran once
/// (each revision inserts a row naming itself). 2 rounds in CI, 20 with SCHEMATOOL_LONG=1.
/// </summary>
[Collection(SafetyProcesses.Collection)]
public sealed class ConcurrentApplyTests(ITestOutputHelper output)
{
    private const int Processes = 8;
    private const int Revisions = 5;

    public static TheoryData<string> Dialects => SafetyDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Concurrent_applies_run_every_revision_exactly_once(string dialect)
    {
        var rounds = LongRun.Choose(ci: 2, longRun: 20);
        using var project = new ScratchProject();
        project.Add("1", "", "CREATE TABLE runs (revision VARCHAR(12) NOT NULL);\nINSERT INTO runs (revision) VALUES ('1');", "DROP TABLE runs;", "runs", minute: 1);
        for (var i = 2; i <= Revisions; i++)
            project.Add(i.ToString(), (i - 1).ToString(),
                $"CREATE TABLE t{i} (id INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO runs (revision) VALUES ('{i}');",
                $"DELETE FROM runs WHERE revision = '{i}';\nDROP TABLE t{i};", $"rev {i}", minute: i);

        var waited = 0;
        for (var round = 0; round < rounds; round++)
        {
            var database = await SafetyDatabases.CreateAsync(dialect, project.Dir);
            var runs = Enumerable.Range(0, Processes)
                .Select(_ => ToolProcess.RunAsync("apply", "--project", project.Dir, "--database", database, "--lock-timeout", "120"))
                .ToList();
            var results = await Task.WhenAll(runs);

            foreach (var result in results) Assert.True(result.ExitCode == 0, $"round {round + 1}: {result}");
            Assert.Single(results, r => r.Out.Contains($"applied {Revisions} revision(s)"));
            // MySQL words it "waiting for the migration lock of database …, held by another schematool run".
            waited += results.Count(r => r.Out.Contains("waiting for another schematool run") || r.Out.Contains("waiting for the migration lock"));

            var history = await project.HistoryAsync(database);
            Assert.Equal(Enumerable.Range(1, Revisions).Select(i => ScratchProject.Id(i.ToString())), history.Select(r => r.Revision).Order());
            Assert.Equal(Enumerable.Range(1, Revisions).Select(i => i.ToString()), await RunsAsync(project, database));
        }
        output.WriteLine($"{dialect}: {rounds} rounds of {Processes} concurrent applies; {waited} runs waited for the lock");
    }

    private static async Task<IReadOnlyList<string>> RunsAsync(ScratchProject project, string database)
    {
        await using var session = await project.ConnectAsync(database);
        await using var command = session.CreateCommand("SELECT revision FROM runs ORDER BY revision");
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var runs = new List<string>();
        while (await reader.ReadAsync()) runs.Add(reader.GetString(0));
        return runs;
    }
}
