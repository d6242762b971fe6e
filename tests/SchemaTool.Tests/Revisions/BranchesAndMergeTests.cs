using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.RevisionHistory;

/// <summary>Two heads end to end on SQLite: refused where ambiguous, applied one branch at a time, joined by merge.</summary>
public sealed class BranchesAndMergeTests : IDisposable
{
    private readonly ScratchProject _project = new();

    public BranchesAndMergeTests()
    {
        _project.AddTable("1", "", "base_table", minute: 1);
        _project.AddTable("a", "1", "feature_a", minute: 2);
        _project.AddTable("b", "1", "feature_b", minute: 3);
    }

    public void Dispose() => _project.Dispose();

    private static string Id(string shortId) => ScratchProject.Id(shortId);

    [Fact]
    public async Task Apply_head_with_two_heads_exits_2_naming_both_and_suggesting_merge()
    {
        var result = _project.Run("apply");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Id("a"), result.Err);
        Assert.Contains(Id("b"), result.Err);
        Assert.Contains("schematool merge", result.Err);
        Assert.Empty(await _project.HistoryAsync());
        Assert.False(File.Exists(_project.DatabaseFile) && await HistoryTableExistsAsync(), "a refused apply created the history table");
    }

    private async Task<bool> HistoryTableExistsAsync()
    {
        await using var session = await _project.ConnectAsync();
        return await session.TableExistsAsync("schematool_history", CancellationToken.None);
    }

    [Fact]
    public void Plan_with_two_heads_exits_2_naming_both()
    {
        var result = _project.Run("plan", "-m", "more");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Id("a"), result.Err);
        Assert.Contains(Id("b"), result.Err);
        Assert.Contains("merge", result.Err);
        Assert.Equal(6, Directory.GetFiles(_project.Migrations).Length);
    }

    [Fact]
    public async Task Apply_a_revision_applies_only_its_branch_then_merge_joins_the_heads()
    {
        _project.Ok("apply", Id("a"));
        Assert.Equal([Id("1"), Id("a")], await _project.AppliedAsync());

        var merge = _project.Ok("merge", Id("a"), Id("b"), "-m", "join features");
        Assert.Contains("wrote merge revision", merge.Out);
        var mergeUp = Directory.GetFiles(_project.Migrations, "*_join_features.up.sql").Single();
        var header = File.ReadAllText(mergeUp);
        Assert.Contains($"-- parents: {Id("a")} {Id("b")}", header);

        var applied = _project.Ok("apply");
        Assert.Contains($"applying {Id("b")}", applied.Out);
        Assert.Equal(4, (await _project.AppliedAsync()).Count);
        Assert.Equal(["base_table", "feature_a", "feature_b"], await _project.TablesAsync());
    }

    [Fact]
    public void Merge_refuses_one_line_of_descent_and_unknown_revisions()
    {
        Assert.Equal(2, _project.Run("merge", Id("1"), Id("a"), "-m", "x").ExitCode);
        Assert.Equal(2, _project.Run("merge", Id("a"), Id("a"), "-m", "x").ExitCode);
        Assert.Equal(2, _project.Run("merge", Id("a"), "ffffffffffff", "-m", "x").ExitCode);
        Assert.Equal(2, _project.Run("merge", Id("a"), Id("b")).ExitCode);
        Assert.Equal(6, Directory.GetFiles(_project.Migrations).Length);
    }

    [Fact]
    public void History_draws_the_branches_with_marks()
    {
        _project.Ok("apply", Id("a"));
        var lines = _project.Ok("history").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"* {Id("b")} (head) pending", lines[0]);
        Assert.StartsWith($"| * {Id("a")} (head) (current) applied", lines[1]);
        Assert.Equal("|/", lines[2]);
        Assert.StartsWith($"* {Id("1")} applied", lines[3]);

        _project.Ok("merge", Id("a"), Id("b"), "-m", "join");
        _project.Ok("apply");
        lines = _project.Ok("history").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^\* [0-9a-f]{12} \(head\) \(current\) applied, join \[merge of", lines[0]);
        Assert.Equal("|\\", lines[1]);
        Assert.Equal("|/", lines[4]);
    }
}
