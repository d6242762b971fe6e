using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// A revision message (`-m`) with terminal escape sequences or control characters was echoed raw: it is shown
/// escaped wherever it is printed or written, and a line break cannot start a new line of the file's header.
/// </summary>
public sealed class MessageEscapeTests
{
    private const string Model = "tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n";
    private const string Hostile = "add users\u001b]0;pwned\u0007\u001b[2J\n-- revision: 000000000000";
    private const string Shown = "add users\\x1b]0;pwned\\x07\\x1b[2J -- revision: 000000000000";

    [Fact]
    public void Plan_prints_and_writes_the_message_escaped()
    {
        using var project = new TempProject();
        project.WriteModel(Model);

        var plan = project.Ok("plan", "-m", Hostile);

        Assert.DoesNotContain("\u001b", plan.Stdout + plan.Stderr);
        Assert.Contains($": {Shown}\n", plan.Stdout);
        var up = File.ReadAllText(Directory.GetFiles(project.MigrationsDirectory, "*.up.sql").Single());
        Assert.DoesNotContain("\u001b", up);
        Assert.Contains($"-- message: {Shown}\n-- created: ", up);
        Assert.Single(up.Split('\n'), line => line.StartsWith("-- revision:", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_json_carries_the_escaped_message()
    {
        using var project = new TempProject();
        project.WriteModel(Model);

        var plan = project.Ok("plan", "-m", Hostile, "--json");

        Assert.DoesNotContain("\\u001b", plan.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("add users\\\\x1b]0;pwned", plan.Stdout);
    }

    [Fact]
    public void Apply_history_and_status_print_the_message_escaped()
    {
        using var project = new TempProject();
        project.WriteModel(Model);
        project.Ok("plan", "-m", Hostile);
        project.CreateEmptyDatabase();

        var outputs = new[] { project.Ok("status"), project.Ok("apply"), project.Ok("history"), project.Ok("history", "--json"), project.Ok("status") };

        foreach (var output in outputs) Assert.DoesNotContain("\u001b", output.Stdout + output.Stderr);
        Assert.Contains(Shown, outputs[1].Stdout);
        Assert.Contains(Shown, outputs[2].Stdout);
        Assert.Equal([Shown], project.Query("SELECT message FROM schematool_history"));
    }

    [Fact]
    public void A_hand_edited_message_with_an_escape_sequence_is_printed_escaped()
    {
        using var project = new TempProject();
        project.WriteModel(Model);
        project.Ok("plan", "-m", "users");
        var up = Directory.GetFiles(project.MigrationsDirectory, "*.up.sql").Single();
        File.WriteAllText(up, File.ReadAllText(up).Replace("-- message: users", "-- message: users\u001b[31m red"));
        project.CreateEmptyDatabase();

        var history = project.Ok("history");
        var apply = project.Ok("apply");

        Assert.Contains("users\\x1b[31m red", history.Stdout);
        Assert.DoesNotContain("\u001b", history.Stdout + apply.Stdout + apply.Stderr);
    }

    [Fact]
    public void Merge_writes_and_prints_the_message_escaped()
    {
        using var project = new TempProject();
        project.WriteModel(Model);
        var first = Revision(project.Ok("plan", "-m", "base"));
        project.Ok("apply");
        project.WriteModel(Model + "      a: { type: int, nullable: true }\n");
        var left = Revision(project.Ok("plan", "-m", "left"));
        File.Move(project.UpFile(left), project.UpFile(left) + ".away");
        File.Move(project.DownFile(left), project.DownFile(left) + ".away");
        project.WriteModel(Model + "      b: { type: int, nullable: true }\n");
        var right = Revision(project.Ok("plan", "-m", "right"));
        foreach (var away in Directory.GetFiles(project.MigrationsDirectory, "*.away")) File.Move(away, away[..^5]);
        Assert.NotEqual(first, right);

        var merge = project.Ok("merge", left, right, "-m", "join\u001b[2J");

        Assert.Contains("join\\x1b[2J", merge.Stdout);
        Assert.DoesNotContain("\u001b", merge.Stdout);
    }

    private static string Revision(CliResult plan) => plan.Stdout.Split("wrote revision ")[1][..12];
}
