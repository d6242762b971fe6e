using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// The history table is never part of the schema compared, whatever `history_table:` calls it: with a custom
/// name the second plan was a DROP of the history (on MariaDB, committed by apply).
/// </summary>
public sealed class HistoryTableNameTests
{
    private const string Model = "tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n";

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task A_custom_history_table_is_not_planned_as_a_table_to_drop(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect, "history_table: deploy_log\n");
        project.WriteModel(Model);
        project.PlanAndApply("users");

        var second = project.Ok("plan", "-m", "again");

        Assert.Contains("no changes", second.Out);
        Assert.DoesNotContain("deploy_log", second.All);
        project.Ok("check");
        project.Ok("diff");
        Assert.Equal(["deploy_log", "users"], await project.AllTablesAsync());
        Assert.Equal(1, await project.ScalarAsync("SELECT count(*) FROM deploy_log"));
    }

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task Inspect_leaves_a_custom_history_table_out(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect, "history_table: deploy_log\n");
        project.WriteModel(Model);
        project.PlanAndApply("users");

        var inspect = project.Ok("inspect");

        Assert.Contains("users:", inspect.Out);
        Assert.DoesNotContain("deploy_log", inspect.Out);
    }

    [Theory]
    [InlineData("deploy_log", "the history table")]
    [InlineData("schematool_history", "the default history table")]
    [InlineData("schematool_lock", "the lock table")]
    public async Task A_model_table_named_like_a_table_of_the_tool_is_refused(string table, string which)
    {
        using var project = await DialectProject.CreateAsync("sqlite", "history_table: deploy_log\n");
        project.WriteModel($"tables:\n  {table}:\n    columns:\n      id: {{ type: int }}\n");

        var plan = project.Expect(2, "plan", "-m", "own table");

        Assert.EndsWith($"tables.yaml:2:3: table '{table}' has the name of schematool's own table {table} ({which}): rename the table" +
                        (table == "deploy_log" ? ", or set another `history_table:` in schematool.yaml" : "") + "\n", plan.Err);
        Assert.StartsWith("error: ", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }
}
