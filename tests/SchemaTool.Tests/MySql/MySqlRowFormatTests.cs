namespace SchemaTool.Tests.MySql;

/// <summary>
/// A table's stated `ROW_FORMAT` is modelled (`row_format:`, MySQL): Roundcube's `ROW_FORMAT=DYNAMIC` tables are
/// re-created with it (SHOW CREATE TABLE shows it only when stated), a change is an ALTER TABLE with its inverse,
/// and a model that names none leaves the table's as it is.
/// </summary>
public sealed class MySqlRowFormatTests
{
    [Fact]
    public async Task A_stated_row_format_is_kept_through_inspect_plan_and_apply()
    {
        var yaml = await MySqlAdoption.RoundTripAsync("""
            CREATE TABLE cache (id int NOT NULL PRIMARY KEY, data longtext) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC;
            CREATE TABLE old (id int NOT NULL PRIMARY KEY) ROW_FORMAT=COMPACT;
            CREATE TABLE plain (id int NOT NULL PRIMARY KEY);
            """);
        Assert.Contains("  cache:\n    charset: utf8mb4\n    collation: utf8mb4_general_ci\n    row_format: DYNAMIC\n", yaml);
        Assert.Contains("  old:\n", yaml);
        Assert.Contains("    row_format: COMPACT\n", yaml);
        Assert.DoesNotContain("row_format", yaml.Split("  plain:")[1]);
    }

    private const string Model = """
        tables:
          notes:
            row_format: compact
            columns:
              id: { type: int, primary_key: true }
        """;

    [Fact]
    public async Task Changing_the_row_format_alters_the_table_and_rolls_back()
    {
        await using var project = await MySqlProject.CreateAsync("row_format");
        await project.PlanRevisionAsync(Model, "compact");
        await project.ApplyAsync();
        Assert.Contains("ROW_FORMAT=COMPACT", await MySqlAdoption.ShowCreateAsync(project, "notes"));
        Assert.True((await project.PlanAsync(Model)).IsEmpty);

        var dynamic = Model.Replace("compact", "dynamic");
        var plan = await project.PlanAsync(dynamic);
        Assert.Contains("ALTER TABLE `notes` ROW_FORMAT=DYNAMIC", plan.UpScript);
        Assert.Contains("ALTER TABLE `notes` ROW_FORMAT=COMPACT", plan.DownScript);
        await project.PlanRevisionAsync(dynamic, "dynamic");
        await project.ApplyAsync();
        Assert.Contains("ROW_FORMAT=DYNAMIC", await MySqlAdoption.ShowCreateAsync(project, "notes"));
        Assert.True((await project.PlanAsync(dynamic)).IsEmpty);
        Assert.True((await project.PlanAsync(Model.Replace("    row_format: compact\n", ""))).IsEmpty);

        await project.RollbackAsync("-1");
        Assert.Contains("ROW_FORMAT=COMPACT", await MySqlAdoption.ShowCreateAsync(project, "notes"));
    }
}
