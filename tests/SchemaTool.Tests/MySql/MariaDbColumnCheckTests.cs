namespace SchemaTool.Tests.MySql;

/// <summary>
/// A MariaDB column-level CHECK (`id int CHECK (id = 0)`, Temporal's schema) is part of its column's definition:
/// MariaDB names it after the column, `DROP CONSTRAINT` cannot remove it, `MODIFY COLUMN` replaces it. It is modelled
/// on the column (`check:`), so the copy has it on the column line of SHOW CREATE TABLE as the original does, and a
/// change of it is a MODIFY COLUMN with its inverse (real-application class B: it came back as a table constraint).
/// </summary>
public sealed class MariaDbColumnCheckTests
{
    [Fact]
    public async Task A_column_check_stays_on_its_column_through_inspect_plan_and_apply()
    {
        var yaml = await MySqlAdoption.RoundTripAsync("""
            CREATE TABLE partition_status (id int NOT NULL DEFAULT 0 CHECK (id = 0), n int CHECK (n > 0), CONSTRAINT ck_n CHECK (n < 100), PRIMARY KEY (id));
            """);

        Assert.Contains("id:  { type: int, default: 0, primary_key: true, check: \"id = 0\" }", yaml);
        Assert.Contains("\"n\": { type: int, nullable: true, check: \"n > 0\" }", yaml);
        Assert.Contains("    checks:\n      ck_n: \"n < 100\"\n", yaml);
    }

    [Fact]
    public async Task A_column_check_that_existing_rows_break_is_refused_by_apply()
    {
        await using var project = await MySqlProject.CreateAsync("column_check_rows");
        await project.PlanRevisionAsync(Model.Replace(", check: \"n > 0\"", ""), "first");
        await project.ApplyAsync();
        await project.ExecuteAsync("INSERT INTO t VALUES (1, -1)");

        await project.PlanRevisionAsync(Model, "check");
        var e = await Assert.ThrowsAnyAsync<Exception>(() => project.ApplyAsync());

        Assert.Contains("CONSTRAINT `t.n` failed", e.ToString());
        Assert.DoesNotContain("CHECK", await MySqlAdoption.ShowCreateAsync(project, "t"));
    }

    private const string Model = """
        tables:
          t:
            columns:
              id: { type: int, primary_key: true }
              n:  { type: int, check: "n > 0" }
        """;

    [Fact]
    public async Task Changing_a_column_check_modifies_the_column_and_rolls_back()
    {
        await using var project = await MySqlProject.CreateAsync("column_check");
        await project.PlanRevisionAsync(Model, "first");
        await project.ApplyAsync();
        Assert.Contains("`n` int(11) NOT NULL CHECK (`n` > 0)", await MySqlAdoption.ShowCreateAsync(project, "t"));
        Assert.True((await project.PlanAsync(Model)).IsEmpty);

        var wider = Model.Replace("n > 0", "n >= 0");
        var plan = await project.PlanAsync(wider);
        Assert.Contains("MODIFY COLUMN `n` int NOT NULL CHECK (n >= 0)", plan.UpScript);
        Assert.Contains("MODIFY COLUMN `n` int NOT NULL CHECK (n > 0)", plan.DownScript);
        await project.PlanRevisionAsync(wider, "wider");
        await project.ApplyAsync();
        Assert.Contains("`n` int(11) NOT NULL CHECK (`n` >= 0)", await MySqlAdoption.ShowCreateAsync(project, "t"));
        Assert.True((await project.PlanAsync(wider)).IsEmpty);

        await project.RollbackAsync("-1");
        Assert.Contains("`n` int(11) NOT NULL CHECK (`n` > 0)", await MySqlAdoption.ShowCreateAsync(project, "t"));
    }
}
