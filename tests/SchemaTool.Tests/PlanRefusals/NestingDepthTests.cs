using SchemaTool.Tests.Safety.Support;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// About 90,000 nested `[` overflowed the stack of the YAML readers, which recurse per level: the process died
/// with exit 134. The depth is limited, and the file refused with exit 2 at the place. Run as a real process,
/// since a stack overflow cannot be caught and would take the test host with it.
/// </summary>
public sealed class NestingDepthTests
{
    private static readonly string Brackets = new string('[', 90_000) + new string(']', 90_000);

    [Fact]
    public async Task A_model_of_90000_nested_brackets_is_refused_at_its_place()
    {
        using var project = new TempProject();
        project.WriteModel("tables:\n  t:\n    columns:\n      a: { type: int, comment: " + Brackets + " }\n");

        var plan = await ToolProcess.RunAsync("plan", "-m", "deep", "--project", project.Directory);

        Assert.True(plan.ExitCode == 2, plan.ToString());
        Assert.Matches(@"tables\.yaml:4:\d+: malformed YAML: nested more than 64 levels deep", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public async Task A_config_of_90000_nested_brackets_is_refused_at_its_place()
    {
        using var project = new TempProject();
        File.WriteAllText(Path.Combine(project.Directory, "schematool.yaml"), "database: sqlite:app.db\ntargets: " + Brackets + "\n");

        var status = await ToolProcess.RunAsync("status", "--project", project.Directory);

        Assert.True(status.ExitCode == 2, status.ToString());
        Assert.Matches(@"schematool\.yaml:2:\d+: malformed YAML: nested more than 64 levels deep", status.Err);
    }

    [Fact]
    public void Nesting_of_64_levels_still_reads_and_65_is_refused()
    {
        using var project = new TempProject();
        // The root map is the first level; 63 lists inside it make 64.
        project.WriteModel("tables:\n  t:\n    columns:\n      a: { type: int }\nx: " + new string('[', 63) + new string(']', 63) + "\n");
        Assert.Contains("unknown key 'x' in the model file", project.Expect(2, "plan", "--dry-run").Stderr);

        project.WriteModel("tables:\n  t:\n    columns:\n      a: { type: int }\nx: " + new string('[', 64) + new string(']', 64) + "\n");
        Assert.Contains("tables.yaml:5:67: malformed YAML: nested more than 64 levels deep", project.Expect(2, "plan", "--dry-run").Stderr);
    }
}
