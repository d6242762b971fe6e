using SchemaTool.Cli.Output;
using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>`diff`: the two schemas as canonical YAML in a unified diff, then the SQL plan would write; nothing written.</summary>
public sealed class DiffCommandTests
{
    [Fact]
    public void A_database_that_matches_has_no_differences()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        Assert.Equal("no differences: sqlite:app.db matches the model\n", project.Ok("diff").Out);
    }

    [Fact]
    public void A_changed_model_shows_a_yaml_diff_and_the_sql_and_writes_nothing()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        project.UseModel("steps/2-posts.yaml");

        var run = project.Ok("diff");

        Assert.StartsWith("--- database (sqlite:app.db)\n+++ model (schema)\n@@ ", run.Out);
        Assert.Contains("\n-      name: { type: varchar(64), unique: true }\n+      name: { type: varchar(128), unique: true }\n", run.Out);
        Assert.Contains("\n+  posts:\n", run.Out);
        Assert.Contains("\n   roles:\n", run.Out);
        Assert.Contains("CREATE TABLE \"posts\"", run.Out);
        Assert.Single(project.UpFiles());
    }

    [Fact]
    public void Rename_hints_are_not_shown_as_differences()
    {
        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        var model = File.ReadAllText(Path.Combine(project.Dir, "schema", "tables.yaml"));
        project.WriteModel(model.Replace("username: { type: varchar(64)", "login: { renamed_from: username, type: varchar(64)"));

        var run = project.Ok("diff");

        Assert.DoesNotContain("renamed_from", run.Out);
        Assert.Contains("+      login:", run.Out);
        Assert.Contains("RENAME COLUMN", run.Out);
    }

    [Fact]
    public void On_a_terminal_added_and_removed_lines_are_coloured()
    {
        using var project = UxProject.FromExample();
        project.CreateEmptyDatabase();
        project.Environment[TerminalMode.ForceVariable] = "1";
        var run = project.Ok("diff");
        Assert.Contains("\u001b[32m+  roles:\u001b[0m", run.Out);
        Assert.Contains("\u001b[36m@@", run.Out);
    }
}
