using SchemaTool.Cli.Output;
using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>Colour and live progress only on a terminal; NO_COLOR and --no-color win; plain lines when redirected.</summary>
public sealed class TerminalOutputTests
{
    private const string Escape = "\u001b[";

    [Fact]
    public void Redirected_output_has_no_escapes_and_one_plain_line_per_statement()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        var run = project.Ok("apply");
        Assert.DoesNotContain(Escape, run.Out + run.Err);
        Assert.Matches(@"(?m)^applying [0-9a-f]{12} initial migration$", run.Out);
        Assert.Matches(@"(?m)^  \[1/\d+\] +\d+ ms  CREATE TABLE", run.Out);
        Assert.Matches(@"(?m)^  done: \d+ statement\(s\) in \d+ ms$", run.Out);
    }

    [Fact]
    public void Forced_terminal_mode_redraws_the_statement_line_in_colour()
    {
        using var project = UxProject.FromExample();
        project.Environment[TerminalMode.ForceVariable] = "1";
        project.Ok("plan", "-m", "initial migration");
        var run = project.Ok("apply");
        Assert.Contains("\r" + Escape + "2K", run.Out);
        Assert.Contains(Escape + "32m", run.Out);
    }

    [Fact]
    public void Rollback_shows_progress_too()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        var run = project.Ok("rollback", "base");
        Assert.Matches(@"(?m)^rolling back [0-9a-f]{12} initial migration$", run.Out);
        Assert.Contains("  [1/", run.Out);
    }

    [Theory]
    [InlineData("NO_COLOR", null)]
    [InlineData(null, "--no-color")]
    public void No_color_keeps_terminal_progress_but_drops_colour(string? variable, string? option)
    {
        using var project = UxProject.FromExample();
        project.Environment[TerminalMode.ForceVariable] = "1";
        if (variable is not null) project.Environment[variable] = "1";
        project.Ok("plan", "-m", "initial migration");
        var run = option is null ? project.Ok("apply") : project.Ok("apply", option);
        Assert.Contains("\r" + Escape + "2K", run.Out);
        Assert.DoesNotContain(Escape + "32m", run.Out);
        Assert.DoesNotContain(Escape + "2m", run.Out);
    }

    [Fact]
    public void An_empty_NO_COLOR_does_not_count()
    {
        var mode = TerminalMode.Detect(new StringWriter(), name => name switch
        {
            TerminalMode.ForceVariable => "1",
            "NO_COLOR" => "",
            _ => null,
        });
        Assert.True(mode.Color);
    }

    [Fact]
    public void A_string_writer_is_never_a_terminal()
    {
        var mode = TerminalMode.Detect(new StringWriter(), _ => null);
        Assert.False(mode.IsTerminal);
        Assert.False(mode.Color);
    }

    [Fact]
    public void Errors_are_coloured_only_in_terminal_mode()
    {
        using var project = UxProject.FromExample();
        Assert.DoesNotContain(Escape, project.Run("plan").Err);
        project.Environment[TerminalMode.ForceVariable] = "1";
        Assert.Contains(Escape + "31m", project.Run("plan").Err);
    }

    [Fact]
    public void A_failing_statement_clears_the_progress_line_before_the_error()
    {
        using var project = UxProject.FromExample();
        project.Environment[TerminalMode.ForceVariable] = "1";
        project.Ok("plan", "-m", "initial migration");
        File.AppendAllText(project.UpFiles().Single(), "\nINSERT INTO missing_table VALUES (1);\n");
        var run = project.Run("apply", "--allow-changed");
        Assert.Equal(3, run.ExitCode);
        Assert.EndsWith("\r" + Escape + "2K", run.Out);
        Assert.Contains("missing_table", run.Err);
    }

    [Fact]
    public void Reading_the_database_shows_a_status_line_on_a_terminal_only()
    {
        using var project = UxProject.FromExample();
        project.CreateEmptyDatabase();
        Assert.DoesNotContain("reading sqlite:app.db", project.Run("status").Out);
        project.Environment[TerminalMode.ForceVariable] = "1";
        Assert.Contains("reading sqlite:app.db ...", project.Run("status").Out);
        Assert.StartsWith("{", project.Run("status", "--json").Out);
    }
}
