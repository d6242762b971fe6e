using System.Text.RegularExpressions;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>
/// The command line as typed: common options before the command, suggestions for a misspelled command or option,
/// errors on stderr only, and each command's --help with examples and exit codes.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempProject _project = new();

    public CommandLineTests() =>
        _project.WriteModel("tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n");

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Common_options_work_before_the_command()
    {
        _project.Ok("plan", "-m", "users");
        _project.Ok("apply");
        _project.WriteModel("tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n  posts:\n    columns:\n      id: { type: int, primary_key: true }\n");
        var check = CliRunner.Raw("--no-color", "--project", _project.Directory, "check");
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains("the database differs from the model: create table posts", check.Stdout);
        foreach (var file in Directory.GetFiles(_project.MigrationsDirectory)) File.Delete(file);

        var apply = CliRunner.Raw("--project", _project.Directory, "--database", "sqlite:other.db", "plan", "-m", "first");
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(CliRunner.Raw("--project=" + _project.Directory, "--database=sqlite:other.db", "apply").ExitCode == 0);
        Assert.True(File.Exists(Path.Combine(_project.Directory, "other.db")));

        var status = CliRunner.Raw("--project", _project.Directory, "--database", "sqlite:other.db", "status");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("database: sqlite:other.db", status.Stdout);
        Assert.Contains("schema:   matches the model", status.Stdout);

        var rollback = CliRunner.Raw("--project", _project.Directory, "--database", "sqlite:other.db", "rollback", "-1", "--dry-run");
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("1 revision(s) would be rolled back", rollback.Stdout);
    }

    [Fact]
    public void Verbose_before_the_command_shows_the_stack_trace()
    {
        var run = CliRunner.Raw("--verbose", "--project", _project.Directory, "apply", "--database", "sqlite:no-such-folder/app.db");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("   at ", run.Stderr);
    }

    [Fact]
    public void A_misspelled_command_gets_the_nearest_one_on_stderr_and_nothing_on_stdout()
    {
        var run = CliRunner.Raw("aply");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: unknown command 'aply'; did you mean apply? (see `schematool --help`)\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_misspelled_option_gets_the_nearest_one_and_the_command_help()
    {
        var run = CliRunner.Raw("plan", "--dryrun", "--project", _project.Directory);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: unknown option '--dryrun'; did you mean --dry-run? (see `schematool plan --help`)\n", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("status", "--bogus")]
    [InlineData("status", "extra")]
    [InlineData("plan", "-m")]
    [InlineData("--no-color", "zzz")]
    public void Parsing_errors_go_to_stderr_only_and_never_say_schematool_twice(params string[] args)
    {
        var run = CliRunner.Raw(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("error: ", run.Stderr);
        Assert.DoesNotContain("schematool schematool", run.Stderr);
        Assert.DoesNotContain("Specify --help", run.Stderr);
    }

    [Fact]
    public void No_command_prints_the_usage_on_stderr_and_exits_2()
    {
        var run = CliRunner.Raw("--no-color");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("Usage: schematool [options] [command]", run.Stderr);
    }

    [Fact]
    public void Help_and_version_still_go_to_stdout()
    {
        var help = CliRunner.Raw("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Commands:", help.Stdout);
        Assert.Equal("", help.Stderr);
        var version = CliRunner.Raw("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\n$", version.Stdout);
    }

    [Fact]
    public void Every_command_help_shows_examples_and_the_exit_codes()
    {
        var commands = Regex.Matches(CliRunner.Raw("--help").Stdout, @"(?m)^  ([a-z]+) {2,}").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("apply", commands);
        foreach (var command in commands)
        {
            var help = CliRunner.Raw(command, "--help");
            Assert.True(help.ExitCode == 0, help.ToString());
            Assert.Contains($"Examples:\n  schematool {command}", help.Stdout);
            Assert.Matches(@"Exit codes:\n  0  .+\n(  1  .+\n)?  2  bad input.+\n  3  the database.+\n  4  internal error", help.Stdout);
        }
        Assert.Contains("  1  the database is not at head", CliRunner.Raw("check", "--help").Stdout);
    }
}
