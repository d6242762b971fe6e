using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Cli;

/// <summary>
/// apply and rollback show the destructive warnings of the files they are about to run (their `-- WARNING:`
/// lines) on stderr before running them, and so do their dry runs: a rollback that drops a column says so.
/// </summary>
public sealed class ApplyWarningTests : IDisposable
{
    private readonly TempProject _project = new();

    private const string WithEmail = "tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n      email: { type: text, nullable: true }\n";
    private const string WithoutEmail = "tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n";

    public void Dispose() => _project.Dispose();

    private string Plan(string model, string message)
    {
        _project.WriteModel(model);
        var output = _project.Ok("plan", "-m", message).Stdout;
        return output.Split("wrote revision ")[1][..12];
    }

    [Fact]
    public void Apply_shows_the_warnings_of_the_revisions_it_runs_on_stderr()
    {
        Plan(WithEmail, "first");
        _project.Ok("apply");
        var drop = Plan(WithoutEmail, "drop email");

        var dryRun = _project.Ok("apply", "--dry-run");
        Assert.Equal($"WARNING: applying {drop} (drop email): drops column users.email and its data\n", dryRun.Stderr);
        Assert.Contains("email", _project.Query("SELECT name FROM pragma_table_info('users')").Last());

        var apply = _project.Ok("apply");
        Assert.Equal($"WARNING: applying {drop} (drop email): drops column users.email and its data\n", apply.Stderr);
        Assert.DoesNotContain("WARNING", apply.Stdout);
        Assert.Equal(["id"], _project.Query("SELECT name FROM pragma_table_info('users')"));
    }

    [Fact]
    public void A_rollback_that_drops_a_column_says_so_before_it_runs()
    {
        Plan(WithoutEmail, "first");
        _project.Ok("apply");
        var add = Plan(WithEmail, "add email");
        var apply = _project.Ok("apply");
        Assert.Equal("", apply.Stderr); // creating a table and adding a column lose nothing
        _project.Execute("INSERT INTO users (id, email) VALUES (1, 'a@example.com')");

        var dryRun = _project.Ok("rollback", "-1", "--dry-run");
        Assert.Equal($"WARNING: rolling back {add} (add email): drops column users.email and its data\n", dryRun.Stderr);
        Assert.Equal(["1|a@example.com"], _project.Query("SELECT id, email FROM users"));

        var rollback = _project.Ok("rollback", "-1");
        Assert.Equal($"WARNING: rolling back {add} (add email): drops column users.email and its data\n", rollback.Stderr);
        Assert.Equal(["id"], _project.Query("SELECT name FROM pragma_table_info('users')"));
    }

    [Fact]
    public void A_warning_written_by_hand_into_a_revision_is_shown_too()
    {
        var first = Plan(WithEmail, "first");
        File.AppendAllText(_project.UpFile(first), "-- WARNING: rewrites every email, take a backup first\nUPDATE users SET email = lower(email);\n");
        var apply = _project.Ok("apply");
        Assert.Equal($"WARNING: applying {first} (first): rewrites every email, take a backup first\n", apply.Stderr);
    }
}
