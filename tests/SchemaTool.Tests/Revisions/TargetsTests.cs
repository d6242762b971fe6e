using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.RevisionHistory;

/// <summary>apply +N and REV, rollback REV, base and -N, stamp REV and base, on a line of four revisions.</summary>
public sealed class TargetsTests : IDisposable
{
    private readonly ScratchProject _project = new();

    public TargetsTests()
    {
        for (var i = 1; i <= 4; i++) _project.AddTable(i.ToString(), i == 1 ? "" : (i - 1).ToString(), "t" + i, minute: i);
    }

    public void Dispose() => _project.Dispose();

    private async Task<string> Applied() => string.Join(" ", (await _project.AppliedAsync()).Select(id => id.TrimStart('0')));

    private async Task<string> Tables() => string.Join(" ", await _project.TablesAsync());

    [Fact]
    public async Task Apply_plus_n_then_a_revision_then_head()
    {
        _project.Ok("apply", "+1");
        Assert.Equal("1", await Applied());
        _project.Ok("apply", ScratchProject.Id("3"));
        Assert.Equal("1 2 3", await Applied());
        var last = _project.Ok("apply", "+5");
        Assert.Contains("applied 1 revision(s)", last.Out);
        Assert.Equal("1 2 3 4", await Applied());
        Assert.Contains("nothing to apply", _project.Ok("apply").Out);
    }

    [Fact]
    public async Task Rollback_minus_n_a_revision_and_base()
    {
        _project.Ok("apply");
        _project.Ok("rollback", "-1");
        Assert.Equal("1 2 3", await Applied());
        Assert.Equal("t1 t2 t3", await Tables());
        _project.Ok("rollback", ScratchProject.Id("1")[..11] + "1");
        Assert.Equal("1", await Applied());
        _project.Ok("rollback", "base");
        Assert.Equal("", await Applied());
        Assert.Equal("", await Tables());
    }

    [Fact]
    public async Task Rollback_to_a_pending_revision_and_bad_targets_exit_2()
    {
        _project.Ok("apply", "+2");
        Assert.Equal(2, _project.Run("rollback", ScratchProject.Id("4")).ExitCode);
        Assert.Equal(2, _project.Run("rollback", "-0").ExitCode);
        Assert.Equal(2, _project.Run("rollback").ExitCode);
        Assert.Equal(2, _project.Run("apply", "+x").ExitCode);
        Assert.Equal("1 2", await Applied());
    }

    [Fact]
    public async Task Stamp_records_without_running_sql_and_base_clears()
    {
        var stamp = _project.Ok("stamp", ScratchProject.Id("2"));
        Assert.Contains("2 revision(s) recorded", stamp.Out);
        Assert.Equal("1 2", await Applied());
        Assert.Equal("", await Tables());

        // An adopted database: its tables exist already, and the next apply runs only what follows.
        _project.Ok("stamp", "base");
        _project.Ok("apply", ScratchProject.Id("2"));
        _project.Ok("stamp", "base");
        Assert.Equal("", await Applied());
        _project.Ok("stamp", ScratchProject.Id("2"));
        _project.Ok("apply");
        Assert.Equal("1 2 3 4", await Applied());
        Assert.Equal("t1 t2 t3 t4", await Tables());
    }

    [Fact]
    public async Task Stamp_of_an_unknown_revision_keeps_the_history()
    {
        _project.Ok("apply", "+2");
        var result = _project.Run("stamp", "abcdefabcdef");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no revision abcdefabcdef", result.Err);
        Assert.Equal("1 2", await Applied());
    }
}
