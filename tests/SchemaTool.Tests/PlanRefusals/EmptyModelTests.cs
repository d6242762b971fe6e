using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// A model with no tables over a database with tables (an emptied file, an empty schema/ folder) planned a drop
/// of every table with exit 0. It is refused unless `plan --allow-empty-model` says that is the intent.
/// </summary>
public sealed class EmptyModelTests
{
    private const string Users = "tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n";

    private static TempProject WithUsers()
    {
        var project = new TempProject();
        project.WriteModel(Users);
        project.Ok("plan", "-m", "users");
        project.Ok("apply");
        project.Execute("INSERT INTO users VALUES (1)");
        return project;
    }

    [Theory]
    [InlineData("")]
    [InlineData("tables: {}\n")]
    [InlineData("# everything commented out\n# tables:\n")]
    public void An_emptied_model_file_is_refused_and_nothing_is_written(string model)
    {
        using var project = WithUsers();
        project.WriteModel(model);

        var plan = project.Expect(2, "plan", "-m", "oops");

        Assert.Equal("error: the model has no tables, and sqlite:app.db has 1: the revision would drop them all, with their rows. " +
                     "Check `schema:` in schematool.yaml (schema); if dropping every table is what you want, run `schematool plan --allow-empty-model`\n",
            plan.Stderr);
        Assert.Equal(2, project.MigrationFiles().Count);
        Assert.Equal(["1"], project.Query("SELECT id FROM users"));
    }

    [Fact]
    public void An_empty_schema_folder_is_refused()
    {
        using var project = WithUsers();
        File.Delete(Path.Combine(project.SchemaDirectory, "tables.yaml"));

        var plan = project.Expect(2, "plan", "--dry-run");

        Assert.Contains("the model has no tables", plan.Stderr);
        Assert.Empty(plan.Stdout);
    }

    [Fact]
    public void Allow_empty_model_plans_the_drop()
    {
        using var project = WithUsers();
        project.WriteModel("tables: {}\n");

        var plan = project.Ok("plan", "-m", "drop all", "--allow-empty-model");

        Assert.Contains("1 dropped", plan.Stdout);
        Assert.Contains("WARNING: drops table users and all its rows", plan.Stderr);
        Assert.Equal(4, project.MigrationFiles().Count);
    }

    [Fact]
    public void An_empty_model_over_an_empty_database_is_no_change()
    {
        using var project = new TempProject();
        project.WriteModel("tables: {}\n");

        Assert.Contains("no changes", project.Ok("plan", "-m", "nothing").Stdout);
    }

    [Fact]
    public async Task Help_names_the_option()
    {
        var help = await SchemaTool.Tests.Safety.Support.ToolProcess.RunAsync("plan", "--help");
        Assert.Contains("--allow-empty-model", help.Out);
    }
}
