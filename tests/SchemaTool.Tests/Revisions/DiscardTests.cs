using System.Text.Json;
using SchemaTool.Tests.Safety.Support;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.RevisionHistory;

/// <summary>
/// `discard`: the way back from a just-planned revision that failed to apply, as `dotnet ef migrations remove`, and
/// from a half-applied row whose files were deleted by hand (which made `check` fail forever while `history` did not
/// show it). A revision that is applied, or that others build on, is refused with the reason.
/// </summary>
public sealed class DiscardTests
{
    private const string Users = "tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n";
    private const string UsersWithEmail = Users + "      email: { type: varchar(255), nullable: true }\n";

    [Fact]
    public void A_revision_that_failed_to_apply_is_discarded_and_plan_works_again()
    {
        using var project = new TempProject();
        project.WriteModel(Users);
        project.Ok("plan", "-m", "users");
        project.Ok("apply");
        var first = project.MigrationFiles();
        project.WriteModel(UsersWithEmail);
        project.Ok("plan", "-m", "email");
        var second = project.MigrationFiles().Except(first).First()[..12];
        File.AppendAllText(project.UpFile(second), "INSERT INTO missing_table VALUES (1);\n");
        project.Expect(3, "apply");

        var refused = project.Expect(2, "plan", "-m", "email again");
        Assert.Contains($"`schematool discard {second}`", refused.Stderr);

        var discarded = project.Ok("discard");

        Assert.Contains($"discarded revision {second} (email)", discarded.Stdout);
        Assert.Contains($"migrations/{second}_email.up.sql", discarded.Stdout.Replace('\\', '/'));
        Assert.Equal(2, project.MigrationFiles().Count);
        project.Ok("plan", "-m", "email again");
        project.Ok("apply");
        Assert.Equal(0, project.Run("check").ExitCode);
    }

    [Fact]
    public void Discard_refuses_an_applied_revision_and_one_that_others_build_on()
    {
        using var project = new ScratchProject();
        project.AddTable("1", "", "t1", minute: 1);
        project.AddTable("2", "1", "t2", minute: 2);
        project.Ok("apply", ScratchProject.Id("1"));

        var notHead = project.Run("discard", ScratchProject.Id("1"));
        Assert.Equal(2, notHead.ExitCode);
        Assert.Contains($"revision {ScratchProject.Id("1")} (create t1) is not a head: {ScratchProject.Id("2")} build(s) on it", notHead.Err);

        project.Ok("apply");
        var applied = project.Run("discard");
        Assert.Equal(2, applied.ExitCode);
        Assert.Contains($"revision {ScratchProject.Id("2")} (create t2) is applied to sqlite:app.db; roll it back first (`schematool rollback {ScratchProject.Id("1")}`)", applied.Err);
        Assert.Equal(4, Directory.GetFiles(project.Migrations).Length);

        project.Ok("rollback", "-1");
        project.Ok("discard");
        Assert.Equal(2, Directory.GetFiles(project.Migrations).Length);
    }

    /// <summary>
    /// MariaDB: a revision that failed at its first statement leaves a half-applied row with nothing done; its files
    /// deleted by hand, the row is named by status, history and check, and `discard ID` clears it. A row whose
    /// statements are in place needs --force.
    /// </summary>
    [Fact]
    public async Task A_half_applied_row_whose_files_are_gone_is_shown_and_cleared()
    {
        using var project = new ScratchProject();
        var database = await SafetyDatabases.CreateAsync("mysql", project.Dir);
        project.AddTable("1", "", "t1", minute: 1);
        var nothingRan = project.Add("2", "1", "ALTER TABLE missing ADD COLUMN x int;", "SELECT 1;", "fails first", minute: 2);
        Assert.Equal(3, project.Run("apply", "--database", database).ExitCode);
        var row = (await project.HistoryAsync(database)).Single(r => r.Revision == nothingRan);
        Assert.Equal((0, false), (row.StatementsDone, row.Complete));
        foreach (var file in Directory.GetFiles(project.Migrations, nothingRan + "_*")) File.Delete(file);

        Assert.Contains($"revision {nothingRan} is half-applied (0 of 1 statements ran) but its files are gone from the migrations folder; `schematool discard {nothingRan}` clears the row",
            project.Run("status", "--database", database).Err);
        Assert.Contains($"! {nothingRan} half-applied, files gone, fails first (0 of 1 statements ran)", project.Ok("history", "--database", database).Out);
        var gone = JsonDocument.Parse(project.Ok("history", "--json", "--database", database).Out).RootElement.GetProperty("files_gone")[0];
        Assert.Equal((nothingRan, "half_applied"), (gone.GetProperty("id").GetString(), gone.GetProperty("state").GetString()));
        var check = project.Run("check", "--database", database);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains($"`schematool discard {nothingRan}` clears the row", check.Out);

        var cleared = project.Ok("discard", nothingRan, "--database", database);

        Assert.Contains($"cleared the half-applied row of {nothingRan}", cleared.Out);
        Assert.DoesNotContain(await project.HistoryAsync(database), r => r.Revision == nothingRan);
        Assert.DoesNotContain("half_applied", project.Run("check", "--json", "--database", database).Out);

        var oneRan = project.Add("3", "1", "CREATE TABLE t3 (id int PRIMARY KEY);\nALTER TABLE missing ADD COLUMN x int;", "DROP TABLE t3;\nSELECT 1;", "fails second", minute: 3);
        Assert.Equal(3, project.Run("apply", "--database", database).ExitCode);
        foreach (var file in Directory.GetFiles(project.Migrations, oneRan + "_*")) File.Delete(file);
        var refused = project.Run("discard", oneRan, "--database", database);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"revision {oneRan} is half-applied on ", refused.Err);
        Assert.Contains(": statements 1 to 1 of 2 are in place", refused.Err);
        Assert.Contains($"`schematool discard {oneRan} --force`", refused.Err);

        project.Ok("discard", oneRan, "--force", "--database", database);
        Assert.DoesNotContain(await project.HistoryAsync(database), r => r.Revision == oneRan);
        Assert.Contains("t3", await project.TablesAsync(database));
    }

    [Fact]
    public void Rollback_past_base_refuses_with_the_count_that_is_possible_and_at_base_says_there_is_nothing()
    {
        using var project = new ScratchProject();
        for (var i = 1; i <= 4; i++) project.AddTable(i.ToString(), i == 1 ? "" : (i - 1).ToString(), $"t{i}", minute: i);
        project.Ok("apply");

        var refused = project.Run("rollback", "-10");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("rollback -10: only 4 revision(s) are applied, so at most `schematool rollback -4`", refused.Err);
        Assert.Equal(2, project.Run("rollback", "-10", "--dry-run").ExitCode);

        project.Ok("rollback", "-4");
        var atBase = project.Ok("rollback", "-1");
        Assert.Contains("nothing to roll back: no revision is applied to sqlite:app.db (it is at base)", atBase.Out);
        Assert.DoesNotContain("is at -1", atBase.Out);
    }
}
