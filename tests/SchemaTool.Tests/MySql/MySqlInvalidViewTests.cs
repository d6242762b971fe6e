using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// MySQL and MariaDB keep a view whose table was dropped (unlike PostgreSQL, which refuses or cascades). `inspect`
/// wrote it into the model, and `plan` of that model then failed (exit 2) creating it in the scratch database, so a
/// database holding one could not be adopted. Such a view is now named and left alone.
/// </summary>
public sealed class MySqlInvalidViewTests
{
    [Fact]
    public async Task A_view_whose_table_was_dropped_is_left_alone_and_the_inspected_model_plans_empty()
    {
        using var project = await DialectProject.CreateAsync("mysql");
        await project.ExecuteAsync("CREATE TABLE t (id int PRIMARY KEY)");
        await project.ExecuteAsync("CREATE TABLE gone (id int PRIMARY KEY)");
        await project.ExecuteAsync("CREATE VIEW v AS SELECT id FROM t");
        await project.ExecuteAsync("CREATE VIEW broken AS SELECT id FROM gone");
        await project.ExecuteAsync("DROP TABLE gone");
        File.Delete(project.ModelFile);

        var inspect = project.Ok("inspect", "-o", project.ModelFile);
        var model = File.ReadAllText(project.ModelFile);

        Assert.Contains("view broken", model + inspect.All);
        Assert.DoesNotContain("broken: {", model);
        Assert.Contains("  v: { sql:", model);
        var plan = project.Ok("plan", "-m", "adopt");
        Assert.Contains("no changes", plan.All);
        Assert.Contains("view broken", plan.All);
    }
}
