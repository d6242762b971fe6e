using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.Ux;

public sealed class StatusCommandTests
{
    [Fact]
    public void Status_names_pending_revisions_and_differences_and_points_at_diff()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.CreateEmptyDatabase();
        var run = project.Ok("status");
        Assert.Contains("current:  <base>", run.Out);
        Assert.Matches(@"(?m)^pending:  1 \([0-9a-f]{12} initial migration\)$", run.Out);
        Assert.Contains("schema:   differs from the model (2 change(s)):", run.Out);
        Assert.Contains("`schematool diff`", run.Out);
    }

    [Fact]
    public void Status_warns_about_an_edited_revision_instead_of_failing()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        File.AppendAllText(project.UpFiles().Single(), "\n-- edited\n");
        var run = project.Ok("status");
        Assert.Contains("was edited after it was applied", run.Err);
        Assert.Contains("schema:   matches the model", run.Out);
    }
}
