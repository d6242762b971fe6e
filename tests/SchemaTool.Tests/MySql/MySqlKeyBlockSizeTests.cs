namespace SchemaTool.Tests.MySql;

/// <summary>
/// A table's stated `KEY_BLOCK_SIZE` is modelled (`key_block_size:`, MySQL), as `row_format:` is: inspect writes it,
/// the copy is created with it, a change is an ALTER TABLE with its inverse, and a model that names none leaves the
/// table's as it is. Before, inspect dropped it without a word and the copy had none (sqldef's CreateTableWithKeyBlockSize
/// passed only because the comparison did not read it).
/// </summary>
public sealed class MySqlKeyBlockSizeTests
{
    [Fact]
    public async Task A_stated_key_block_size_is_kept_through_inspect_plan_and_apply()
    {
        var yaml = await MySqlAdoption.RoundTripAsync("""
            CREATE TABLE packed (id bigint NOT NULL PRIMARY KEY, body text) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;
            CREATE TABLE small (id bigint NOT NULL PRIMARY KEY) KEY_BLOCK_SIZE=4;
            CREATE TABLE plain (id int NOT NULL PRIMARY KEY);
            """);
        Assert.Contains("    row_format: COMPRESSED\n    key_block_size: 8\n", yaml.Split("  plain:")[0]);
        Assert.Contains("    key_block_size: 4\n", yaml.Split("  small:")[1]);
        Assert.DoesNotContain("key_block_size", yaml.Split("  plain:")[1].Split("  small:")[0]);
    }

    [Fact]
    public async Task Other_stated_table_options_are_named_and_left_alone()
    {
        await using var db = await MySqlProject.CreateAsync("table_options");
        await db.ExecuteAsync("CREATE TABLE t (id int NOT NULL PRIMARY KEY) STATS_PERSISTENT=0 CHECKSUM=1 KEY_BLOCK_SIZE=8");
        await using var session = await db.OpenAsync();
        var inspection = await SchemaTool.Project.Inspector.InspectAsync(session, CancellationToken.None);
        Assert.Equal(["table option checksum=1 (on t) is not in the model's scope and is left alone",
                      "table option stats_persistent=0 (on t) is not in the model's scope and is left alone"], inspection.Notices.Order().ToList());
        Assert.Contains("    key_block_size: 8\n", inspection.Yaml);
    }

    private const string Model = """
        tables:
          notes:
            key_block_size: 8
            columns:
              id: { type: int, primary_key: true }
        """;

    [Fact]
    public async Task Changing_the_key_block_size_alters_the_table_and_rolls_back()
    {
        await using var project = await MySqlProject.CreateAsync("key_block_size");
        await project.PlanRevisionAsync(Model, "eight");
        await project.ApplyAsync();
        Assert.Contains("KEY_BLOCK_SIZE=8", await MySqlAdoption.ShowCreateAsync(project, "notes"));
        Assert.True((await project.PlanAsync(Model)).IsEmpty);

        var four = Model.Replace("key_block_size: 8", "key_block_size: 4");
        var plan = await project.PlanAsync(four);
        Assert.Contains("ALTER TABLE `notes` KEY_BLOCK_SIZE=4", plan.UpScript);
        Assert.Contains("ALTER TABLE `notes` KEY_BLOCK_SIZE=8", plan.DownScript);
        await project.PlanRevisionAsync(four, "four");
        await project.ApplyAsync();
        Assert.Contains("KEY_BLOCK_SIZE=4", await MySqlAdoption.ShowCreateAsync(project, "notes"));
        Assert.True((await project.PlanAsync(four)).IsEmpty);
        Assert.True((await project.PlanAsync(Model.Replace("    key_block_size: 8\n", ""))).IsEmpty);

        await project.RollbackAsync("-1");
        Assert.Contains("KEY_BLOCK_SIZE=8", await MySqlAdoption.ShowCreateAsync(project, "notes"));
    }
}
