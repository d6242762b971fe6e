using System.Text.Json;
using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.Ux;

public sealed class CheckCommandTests
{
    [Fact]
    public void A_fresh_database_with_a_model_fails_the_check_with_its_differences()
    {
        using var project = UxProject.FromExample();
        project.CreateEmptyDatabase();
        var run = project.Run("check");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("out of date", run.Out);
        Assert.Contains("differs from the model: create table users", run.Out);
    }

    [Fact]
    public void A_planned_but_unapplied_revision_is_a_pending_reason()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.CreateEmptyDatabase();
        var run = project.Run("check");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not applied; run `schematool apply`", run.Out);
    }

    [Fact]
    public void A_database_at_head_that_matches_the_model_passes()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        var run = project.Run("check");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("ok: ", run.Out);
    }

    [Fact]
    public void A_changed_model_and_an_edited_revision_are_both_reasons()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        project.UseModel("steps/2-posts.yaml");
        File.AppendAllText(project.UpFiles().Single(), "\n-- edited after it ran\n");

        var run = project.Run("check", "--json");
        Assert.Equal(1, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.False(doc.RootElement.GetProperty("ok").GetBoolean());
        var kinds = doc.RootElement.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToList();
        Assert.Contains("edited", kinds);
        Assert.Contains("difference", kinds);
    }

    [Fact]
    public void Json_check_of_a_good_database_is_ok_with_no_reasons()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        var run = project.Ok("check", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        Assert.True(doc.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(0, doc.RootElement.GetProperty("reasons").GetArrayLength());
        Assert.Equal("sqlite:app.db", doc.RootElement.GetProperty("database").GetString());
    }

    [Fact]
    public void A_broken_config_is_exit_2_not_1()
    {
        using var project = UxProject.FromExample();
        File.WriteAllText(Path.Combine(project.Dir, "schematool.yaml"), "database: sqlite:app.db\nbogus: 1\n");
        Assert.Equal(2, project.Run("check").ExitCode);
    }
}
