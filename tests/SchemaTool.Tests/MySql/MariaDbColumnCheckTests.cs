using SchemaTool.Planning;
using SchemaTool.Tests.Infrastructure;

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
    public async Task The_plain_form_copies_the_table_and_refuses_rows_that_break_the_check()
    {
        await using var project = await BrokenRowAsync("column_check_plain");

        await project.PlanRevisionAsync(Model, "check", new PlanSettings(Online: false));
        var e = await Assert.ThrowsAnyAsync<Exception>(() => project.ApplyAsync());

        Assert.Contains("CONSTRAINT `t.n` failed", e.ToString());
        Assert.DoesNotContain("CHECK", await MySqlAdoption.ShowCreateAsync(project, "t"));
    }

    /// <summary>
    /// The online form adds the check in place (writes go on; MariaDB does not read the rows then), and the next
    /// statement reads them: a row that breaks it stops the revision there, naming the check; once the row is fixed,
    /// apply resumes at that statement and finishes.
    /// </summary>
    [Fact]
    public async Task The_online_form_adds_the_check_in_place_then_refuses_rows_that_break_it()
    {
        await using var project = await BrokenRowAsync("column_check_online");

        var revision = await project.PlanRevisionAsync(Model, "check");
        var up = File.ReadAllText(revision!.UpPath);
        Assert.Contains("MODIFY COLUMN `n` int NOT NULL CHECK (n > 0), ALGORITHM=INSTANT", up);
        Assert.Contains("SELECT EXISTS (SELECT 1 FROM `t` WHERE NOT (n > 0)) INTO broken", up);
        var e = await Assert.ThrowsAnyAsync<Exception>(() => project.ApplyAsync());

        Assert.Contains("check of t.n: rows of t break it", e.ToString());
        var row = (await project.HistoryAsync()).Single(r => r.Revision == revision.Id);
        Assert.Equal((1, false), (row.StatementsDone, row.Complete));

        await project.ExecuteAsync("UPDATE t SET n = 1 WHERE n <= 0");
        await project.ApplyAsync();

        Assert.All(await project.HistoryAsync(), r => Assert.True(r.Complete, r.ToString()));
        Assert.Contains("`n` int(11) NOT NULL CHECK (`n` > 0)", await MySqlAdoption.ShowCreateAsync(project, "t"));
        Assert.True((await project.PlanAsync(Model)).IsEmpty);
    }

    /// <summary>The rows are read without locking them: a writer's uncommitted insert does not keep the check waiting.</summary>
    [Fact]
    public async Task The_online_check_of_the_rows_reads_past_a_row_another_transaction_is_inserting()
    {
        await using var project = await BrokenRowAsync("column_check_lock");
        await project.ExecuteAsync("UPDATE t SET n = 1");
        var revision = await project.PlanRevisionAsync(Model, "check");
        var check = File.ReadAllText(revision!.UpPath).Split("BEGIN NOT ATOMIC")[1].Split("END;")[0];

        await using var writer = new MySqlConnector.MySqlConnection(MariaDbServer.Shared.ConnectionString(project.Database));
        await writer.OpenAsync();
        await using (var begin = new MySqlConnector.MySqlCommand("BEGIN; INSERT INTO t VALUES (1000, 5)", writer)) await begin.ExecuteNonQueryAsync();
        await using var apply = new MySqlConnector.MySqlConnection(MariaDbServer.Shared.ConnectionString(project.Database));
        await apply.OpenAsync();
        await using (var wait = new MySqlConnector.MySqlCommand("SET SESSION innodb_lock_wait_timeout = 2", apply)) await wait.ExecuteNonQueryAsync();

        await using (var cmd = new MySqlConnector.MySqlCommand("BEGIN NOT ATOMIC" + check + "END", apply)) await cmd.ExecuteNonQueryAsync();

        await using var commit = new MySqlConnector.MySqlCommand("COMMIT", writer);
        await commit.ExecuteNonQueryAsync();
    }

    /// <summary>t without the check, applied, with a row whose n breaks it.</summary>
    private static async Task<MySqlProject> BrokenRowAsync(string prefix)
    {
        var project = await MySqlProject.CreateAsync(prefix);
        await project.PlanRevisionAsync(Model.Replace(", check: \"n > 0\"", ""), "first");
        await project.ApplyAsync();
        await project.ExecuteAsync("INSERT INTO t VALUES (1, -1)");
        return project;
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
