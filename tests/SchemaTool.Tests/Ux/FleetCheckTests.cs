using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>`check --all` and `status --all` on a fleet of two SQLite targets, one up to date and one not.</summary>
public sealed class FleetCheckTests
{
    [Fact]
    public void Check_all_fails_when_one_target_is_behind_and_status_all_does_not()
    {
        using var project = UxProject.FromExample();
        File.AppendAllText(Path.Combine(project.Dir, "schematool.yaml"), "targets:\n  a: sqlite:a.db\n  b: sqlite:b.db\n");
        project.Ok("plan", "-m", "initial migration", "--target", "a");
        project.Ok("apply", "--target", "a");
        project.CreateEmptyDatabase("b.db");

        var check = project.Run("check", "--all");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("a: at head", check.Out);
        Assert.Contains("b: behind", check.Out);
        Assert.Equal(0, project.Run("status", "--all").ExitCode);
    }
}
