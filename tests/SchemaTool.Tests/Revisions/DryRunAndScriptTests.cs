using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.RevisionHistory;

/// <summary>apply --dry-run, rollback --dry-run and apply --sql print what would run and change nothing.</summary>
public sealed class DryRunAndScriptTests : IDisposable
{
    private readonly ScratchProject _project = new();

    public DryRunAndScriptTests()
    {
        for (var i = 1; i <= 3; i++) _project.AddTable(i.ToString(), i == 1 ? "" : (i - 1).ToString(), "t" + i, minute: i);
    }

    public void Dispose() => _project.Dispose();

    [Fact]
    public async Task Apply_dry_run_prints_the_pending_statements_and_runs_none()
    {
        _project.Ok("apply", "+1");
        var result = _project.Ok("apply", "--dry-run");
        Assert.Contains("2 revision(s) would be applied", result.Out);
        Assert.Contains("CREATE TABLE t2", result.Out);
        Assert.Contains("CREATE TABLE t3", result.Out);
        Assert.DoesNotContain("CREATE TABLE t1", result.Out);
        Assert.Equal(["t1"], await _project.TablesAsync());
        Assert.Single(await _project.AppliedAsync());
    }

    [Fact]
    public async Task Rollback_dry_run_prints_the_down_statements_newest_first_and_runs_none()
    {
        _project.Ok("apply");
        var result = _project.Ok("rollback", "-2", "--dry-run");
        Assert.Contains("2 revision(s) would be rolled back", result.Out);
        Assert.True(result.Out.IndexOf("DROP TABLE t3", StringComparison.Ordinal) < result.Out.IndexOf("DROP TABLE t2", StringComparison.Ordinal));
        Assert.DoesNotContain("DROP TABLE t1", result.Out);
        Assert.Equal(3, (await _project.AppliedAsync()).Count);
    }

    [Fact]
    public void Sql_without_a_database_file_starts_at_base_and_creates_nothing()
    {
        var result = _project.Ok("apply", "--sql");
        Assert.Contains("from base to head, 3 revision(s)", result.Out);
        Assert.Contains("CREATE TABLE t1 (id INTEGER PRIMARY KEY);", result.Out);
        Assert.Contains($"schematool stamp {ScratchProject.Id("3")}", result.Out);
        Assert.Contains("not reachable", result.Err);
        Assert.False(File.Exists(_project.DatabaseFile), "apply --sql created the database file");
    }

    [Fact]
    public async Task Sql_with_a_database_prints_only_the_pending_range_and_writes_nothing()
    {
        _project.Ok("apply", "+1");
        var before = File.ReadAllBytes(_project.DatabaseFile);
        var result = _project.Ok("apply", "--sql");
        Assert.Contains($"from {ScratchProject.Id("1")} to head, 2 revision(s)", result.Out);
        Assert.DoesNotContain("CREATE TABLE t1", result.Out);
        Assert.Equal(before, File.ReadAllBytes(_project.DatabaseFile));
        Assert.Single(await _project.AppliedAsync());
    }

    [Fact]
    public void Sql_from_a_revision_to_a_revision()
    {
        var result = _project.Ok("apply", ScratchProject.Id("2"), "--sql", "--from", ScratchProject.Id("1"));
        Assert.Contains("CREATE TABLE t2", result.Out);
        Assert.DoesNotContain("CREATE TABLE t1", result.Out);
        Assert.DoesNotContain("CREATE TABLE t3", result.Out);
        Assert.False(File.Exists(_project.DatabaseFile));
        Assert.Equal(2, _project.Run("apply", "--from", ScratchProject.Id("1")).ExitCode);
    }
}
