using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Safety;

/// <summary>SPEC.md's exit codes and error shape: 2 bad input, 3 database; "error: ..." lines, a stack trace only with --verbose.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly ScratchProject _project = new();

    public ExitCodeTests()
    {
        _project.AddTable("1", "", "t1", minute: 1);
        _project.Add("2", "1", "CREATE TABLE t2 (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);", "DROP TABLE t2;", "broken", minute: 2);
    }

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("apply", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("apply", "zzz")]
    [InlineData("rollback")]
    [InlineData("stamp")]
    public void Bad_arguments_exit_2_with_an_error_line(params string[] args)
    {
        var result = _project.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
    }

    [Fact]
    public void A_missing_project_exits_2()
    {
        var result = ToolRun.Cli("status", "--project", Path.Combine(_project.Dir, "nowhere"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("schematool init", result.Err);
    }

    [Fact]
    public async Task A_failing_statement_exits_3_naming_revision_statement_and_file_and_rolls_the_revision_back()
    {
        var result = _project.Run("apply");
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: revision 000000000002 failed at statement 2 of 2", result.Err);
        Assert.Contains("000000000002_broken.up.sql", result.Err);
        Assert.Contains("INSERT INTO no_such_table", result.Err);
        Assert.Contains("rolled back whole", result.Err);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.Equal(["t1"], await _project.TablesAsync());
        Assert.Equal([ScratchProject.Id("1")], await _project.AppliedAsync());
    }

    [Fact]
    public void Verbose_adds_the_stack_trace()
    {
        var result = _project.Run("apply", "--verbose");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("   at ", result.Err);
    }

    [Fact]
    public void An_unopenable_database_exits_3()
    {
        var result = _project.Run("apply", "--database", "sqlite:" + Path.Combine(_project.Dir, "missing-folder", "app.db"));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("does not exist", result.Err);
    }

    /// <summary>
    /// On a server, plan, status and diff read the catalog while the model loads (Workspace.ReadWithModelAsync); an
    /// invalid model must still be the error reported, as when it was loaded before connecting.
    /// </summary>
    [Theory]
    [InlineData("plan", "postgres://app:pw@127.0.0.1:1/app")]
    [InlineData("plan", "mysql://app:pw@127.0.0.1:1/app")]
    [InlineData("status", "postgres://app:pw@127.0.0.1:1/app")]
    [InlineData("diff", "mysql://app:pw@127.0.0.1:1/app")]
    public void An_invalid_model_is_the_error_even_when_the_server_is_unreachable_too(string command, string url)
    {
        File.WriteAllText(Path.Combine(_project.Dir, "schema", "tables.yaml"), "tables:\n  users: { columns: { id: { type: int }\n");
        var result = _project.Run(command == "plan" ? ["plan", "-m", "x", "--database", url] : [command, "--database", url]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("tables.yaml:", result.Err);
        Assert.Contains("malformed YAML", result.Err);
        Assert.DoesNotContain("cannot connect", result.Err);
    }

    /// <summary>
    /// SPEC.md has `history` show applied or pending and `status` the database's revision, both read from the history
    /// table, so neither works without the database: like any command, they exit 3 with one line naming the server.
    /// </summary>
    [Theory]
    [InlineData("history", "postgres://app:s3cr3t-pw@127.0.0.1:1/app")]
    [InlineData("history", "mysql://app:s3cr3t-pw@127.0.0.1:1/app")]
    [InlineData("status", "postgres://app:s3cr3t-pw@127.0.0.1:1/app")]
    [InlineData("status", "mysql://app:s3cr3t-pw@127.0.0.1:1/app")]
    public void History_and_status_with_the_server_unreachable_exit_3_naming_it(string command, string url)
    {
        var result = _project.Run(command, "--database", url);
        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: cannot connect to " + url.Replace("s3cr3t-pw", "***"), result.Err);
        Assert.Contains("hint: the database comes from --database; start its server, or name another", result.Err);
        Assert.DoesNotContain("s3cr3t-pw", result.All);
        Assert.DoesNotContain("   at ", result.Err);
    }
}
