using System.Diagnostics;
using MySqlConnector;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Infrastructure.Cluster;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Cluster;

/// <summary>schematool against a three-node Galera cluster, through the CLI as separate processes.</summary>
[Collection("Cluster")]
public sealed class GaleraApplyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    /// <summary>SCHEMATOOL_LONG=1 runs 20 rounds; CI runs a few.</summary>
    private static int Rounds => Environment.GetEnvironmentVariable("SCHEMATOOL_LONG") == "1" ? 20 : 3;

    [Fact]
    public async Task Eight_concurrent_applies_over_three_nodes_run_every_revision_and_statement_once()
    {
        var cluster = GaleraCluster.Shared;
        var timings = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            var database = await cluster.CreateDatabaseAsync("galera_race");
            using var project = ClusterProject.Create("mysql");
            // Each statement that changes data logs itself once into run_log; a statement run twice would fail on its
            // primary key (and the DDL on "already exists"), so a double run shows as a failed process and a missing row.
            project.WriteRevision(1, "run_log",
                ["CREATE TABLE run_log (revision int NOT NULL, statement int NOT NULL, PRIMARY KEY (revision, statement)) ENGINE=InnoDB",
                 "INSERT INTO run_log VALUES (1, 2)"],
                ["DROP TABLE run_log"]);
            project.WriteRevision(2, "widgets",
                ["CREATE TABLE widgets (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, name varchar(40) NOT NULL) ENGINE=InnoDB",
                 "INSERT INTO run_log VALUES (2, 2)",
                 "ALTER TABLE widgets ADD COLUMN size int NULL",
                 "INSERT INTO run_log VALUES (2, 4)"],
                ["ALTER TABLE widgets DROP COLUMN size", "DROP TABLE widgets"]);
            project.WriteRevision(3, "gadgets",
                ["CREATE TABLE gadgets (id int NOT NULL PRIMARY KEY) ENGINE=InnoDB",
                 "INSERT INTO run_log VALUES (3, 2)",
                 "CREATE INDEX ix_widgets_name ON widgets (name)",
                 "INSERT INTO run_log VALUES (3, 4)"],
                ["DROP INDEX ix_widgets_name ON widgets", "DROP TABLE gadgets"]);

            var clock = Stopwatch.StartNew();
            var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
                CliProcess.RunAsync(RunTimeout, project.Arguments("apply", cluster.Node(i % 3 + 1).Url(database)))));
            timings.Add(clock.Elapsed.TotalSeconds);
            output.WriteLine($"round {round}: 8 applies finished in {clock.Elapsed.TotalSeconds:0.0} s; " +
                             $"{runs.Count(run => run.Output.Contains("waiting for the migration lock", StringComparison.Ordinal))} of them waited for the lock");
            foreach (var (run, i) in runs.Select((run, i) => (run, i)))
                Assert.True(run.ExitCode == 0, $"apply #{i} on node {i % 3 + 1} failed:\n{run.Output}");
            // The migrator logs "applying <id>" before each revision it runs: three in all, whoever ran them.
            Assert.Equal(3, runs.Sum(run => run.Output.Split("applying c1c1c1c1").Length - 1));

            foreach (var number in new[] { 1, 2, 3 })
            {
                await using var connection = await cluster.OpenAsync(number, database);
                Assert.Equal("1:2 2:2 2:4 3:2 3:4",
                    string.Join(' ', await ColumnAsync(connection, "SELECT CONCAT(revision, ':', statement) FROM run_log ORDER BY revision, statement")));
                Assert.Equal(
                    [$"{ClusterProject.RevisionId(1)} 2/2 1", $"{ClusterProject.RevisionId(2)} 4/4 1", $"{ClusterProject.RevisionId(3)} 4/4 1"],
                    await ColumnAsync(connection,
                        "SELECT CONCAT(revision, ' ', statements_done, '/', statements_total, ' ', complete) FROM schematool_history ORDER BY revision"));
                Assert.Empty(await ColumnAsync(connection, "SELECT holder FROM schematool_lock"));
            }
            await cluster.DropDatabaseAsync(database);
        }
        output.WriteLine($"{Rounds} rounds, 8 processes each: mean {timings.Average():0.0} s, max {timings.Max():0.0} s per round");
    }

    [Fact]
    public async Task Skeleton_loop_on_node_2_shows_the_same_schema_and_history_on_nodes_1_and_3()
    {
        var cluster = GaleraCluster.Shared;
        var database = await cluster.CreateDatabaseAsync("galera_loop");
        var url = cluster.Node(2).Url(database);
        using var project = ClusterProject.Create("mysql", """
            tables:
              customers:
                columns:
                  id:    { type: bigint, primary_key: true, auto_increment: true }
                  email: { type: varchar(200), unique: true }
              audit_log:
                columns:
                  message: { type: text }
            """);

        var plan = await RunOkAsync("plan", url, "-m", "customers");
        Assert.Contains("audit_log", plan.Output);
        Assert.Contains("no primary key", plan.Output); // warned: slow to replicate, refused under REQUIRED_PRIMARY_KEY
        var apply = await RunOkAsync("apply", url);
        Assert.Contains("audit_log", apply.Output);
        Assert.Contains("no primary key", apply.Output);
        Assert.Contains("no changes", (await RunOkAsync("plan", url, "-m", "nothing")).Output);

        project.WriteSchema("""
            tables:
              customers:
                columns:
                  id:    { type: bigint, primary_key: true, auto_increment: true }
                  email: { type: varchar(200), unique: true }
                  name:  { type: varchar(100), nullable: true }
              audit_log:
                columns:
                  id:      { type: bigint, primary_key: true, auto_increment: true }
                  message: { type: text }
            """);
        var alter = await RunOkAsync("plan", url, "-m", "names");
        Assert.Contains("blocks writes on the whole cluster", alter.Output);
        await RunOkAsync("apply", url);
        Assert.Contains("no changes", (await RunOkAsync("plan", url, "-m", "nothing")).Output);
        var history = await RunOkAsync("history", url);
        Assert.Contains("customers", history.Output);
        Assert.Contains("names", history.Output);

        var onNode2 = await DescribeAsync(cluster, 2, database);
        foreach (var number in new[] { 1, 3 })
            Assert.Equal(onNode2, await DescribeAsync(cluster, number, database));
        Assert.Contains("customers.name", onNode2);
        Assert.Contains("history: 2", onNode2);

        await RunOkAsync("rollback", url, "base");
        foreach (var number in new[] { 1, 3 })
        {
            var described = await DescribeAsync(cluster, number, database);
            Assert.DoesNotContain("customers", described);
            Assert.Contains("history: 0", described);
        }
        await cluster.DropDatabaseAsync(database);

        async Task<ProcessResult> RunOkAsync(string command, string target, params string[] more)
        {
            var run = await CliProcess.RunAsync(RunTimeout, project.Arguments(command, target, more));
            output.WriteLine($"$ schematool {command} {string.Join(' ', more)}\n{run.Output}");
            Assert.True(run.ExitCode == 0, $"{command} failed:\n{run.Output}");
            return run;
        }
    }

    [Fact]
    public async Task Apply_on_a_node_killed_mid_run_exits_3_naming_the_node_and_a_live_node_finishes_it()
    {
        await using var cluster = await GaleraCluster.StartAsync();
        var database = await cluster.CreateDatabaseAsync("galera_kill");
        using var project = ClusterProject.Create("mysql");
        project.WriteRevision(1, "first", ["CREATE TABLE first_table (id int PRIMARY KEY) ENGINE=InnoDB"], ["DROP TABLE first_table"]);
        project.WriteRevision(2, "slow",
            ["CREATE TABLE second_table (id int PRIMARY KEY) ENGINE=InnoDB", "SELECT SLEEP(10)", "CREATE TABLE third_table (id int PRIMARY KEY) ENGINE=InnoDB"],
            ["DROP TABLE third_table", "DROP TABLE second_table"]);
        project.WriteRevision(3, "last", ["CREATE TABLE last_table (id int PRIMARY KEY) ENGINE=InnoDB"], ["DROP TABLE last_table"]);

        var victim = cluster.Node(3);
        var run = CliProcess.RunAsync(RunTimeout, project.Arguments("apply", victim.Url(database)));
        await using (var watcher = await cluster.OpenAsync(1, database))
        {
            // Kill node 3 while the apply on it sleeps inside revision 2 (after its first statement is recorded).
            var clock = Stopwatch.StartNew();
            while (!await ExistsAsync(watcher,
                       $"SELECT 1 FROM schematool_history WHERE revision = '{ClusterProject.RevisionId(2)}' AND statements_done = 1"))
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the apply on node 3 never reached revision 2");
                await Task.Delay(100);
            }
        }
        await cluster.StopNodeAsync(3);
        var failed = await run;
        output.WriteLine(failed.Output);
        Assert.Equal(3, failed.ExitCode);
        Assert.Contains($"127.0.0.1:{victim.Port}", failed.Output);

        var finish = await CliProcess.RunAsync(RunTimeout, project.Arguments("apply", cluster.Node(1).Url(database)));
        output.WriteLine(finish.Output);
        Assert.True(finish.ExitCode == 0, finish.Output);
        foreach (var number in new[] { 1, 2 })
        {
            await using var connection = await cluster.OpenAsync(number, database);
            Assert.Equal(
                [$"{ClusterProject.RevisionId(1)} 1/1 1", $"{ClusterProject.RevisionId(2)} 3/3 1", $"{ClusterProject.RevisionId(3)} 1/1 1"],
                await ColumnAsync(connection,
                    "SELECT CONCAT(revision, ' ', statements_done, '/', statements_total, ' ', complete) FROM schematool_history ORDER BY revision"));
            Assert.Equal(["first_table", "last_table", "second_table", "third_table"],
                await ColumnAsync(connection,
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT LIKE 'schematool%' ORDER BY 1"));
        }
    }

    [Fact]
    public async Task Apply_refuses_a_node_that_is_not_synced_before_locking()
    {
        var cluster = GaleraCluster.Shared;
        var database = await cluster.CreateDatabaseAsync("galera_desync");
        using var project = ClusterProject.Create("mysql");
        project.WriteRevision(1, "first", ["CREATE TABLE first_table (id int PRIMARY KEY) ENGINE=InnoDB"], ["DROP TABLE first_table"]);
        await using (var admin = await cluster.OpenAsync(3))
            await ExecuteAsync(admin, "SET GLOBAL wsrep_desync = ON"); // node 3 reports Donor/Desynced, not Synced
        try
        {
            var run = await CliProcess.RunAsync(RunTimeout, project.Arguments("apply", cluster.Node(3).Url(database)));
            output.WriteLine(run.Output);
            Assert.Equal(3, run.ExitCode);
            Assert.Contains($"127.0.0.1:{cluster.Node(3).Port}", run.Output);
            Assert.Contains("not synced", run.Output);
        }
        finally
        {
            await using var admin = await cluster.OpenAsync(3);
            await ExecuteAsync(admin, "SET GLOBAL wsrep_desync = OFF");
        }
        await using var check = await cluster.OpenAsync(1, database);
        Assert.False(await ExistsAsync(check, "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'first_table'"));
        await cluster.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task Apply_stops_before_locking_when_the_node_requires_primary_keys_and_the_model_has_a_table_without_one()
    {
        var cluster = GaleraCluster.Shared;
        var database = await cluster.CreateDatabaseAsync("galera_pk");
        using var project = ClusterProject.Create("mysql", """
            tables:
              events:
                columns:
                  payload: { type: text }
            """);
        project.WriteRevision(1, "events", ["CREATE TABLE events (payload text NOT NULL) ENGINE=InnoDB"], ["DROP TABLE events"]);
        await using (var admin = await cluster.OpenAsync(2))
            await ExecuteAsync(admin, "SET GLOBAL wsrep_mode = 'REQUIRED_PRIMARY_KEY'"); // a per-node setting
        try
        {
            var run = await CliProcess.RunAsync(RunTimeout, project.Arguments("apply", cluster.Node(2).Url(database)));
            output.WriteLine(run.Output);
            Assert.Equal(3, run.ExitCode);
            Assert.Contains("requires a primary key", run.Output);
            Assert.Contains("events", run.Output);
            Assert.Contains("nothing was applied", run.Output);
        }
        finally
        {
            await using var admin = await cluster.OpenAsync(2);
            await ExecuteAsync(admin, "SET GLOBAL wsrep_mode = ''");
        }
        await using var check = await cluster.OpenAsync(1, database);
        Assert.False(await ExistsAsync(check,
            "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('events', 'schematool_lock')"));
        await cluster.DropDatabaseAsync(database);
    }

    /// <summary>`apply --all` makes the checks `apply` makes before the lock: a target on a node that requires primary keys stops there.</summary>
    [Fact]
    public async Task Apply_all_stops_a_target_before_locking_when_its_node_requires_primary_keys()
    {
        var cluster = GaleraCluster.Shared;
        var onNode1 = await cluster.CreateDatabaseAsync("galera_all1");
        var onNode2 = await cluster.CreateDatabaseAsync("galera_all2");
        using var project = ClusterProject.Create("mysql", """
            tables:
              events:
                columns:
                  payload: { type: text }
            """);
        File.AppendAllText(Path.Combine(project.Folder, "schematool.yaml"),
            $"targets:\n  one: {cluster.Node(1).Url(onNode1)}\n  two: {cluster.Node(2).Url(onNode2)}\n");
        project.WriteRevision(1, "events", ["CREATE TABLE events (payload text NOT NULL) ENGINE=InnoDB"], ["DROP TABLE events"]);
        await using (var admin = await cluster.OpenAsync(2))
            await ExecuteAsync(admin, "SET GLOBAL wsrep_mode = 'REQUIRED_PRIMARY_KEY'");
        try
        {
            var run = await CliProcess.RunAsync(RunTimeout, ["apply", "--all", "--parallel", "1", "--project", project.Folder]);
            output.WriteLine(run.Output);
            Assert.Equal(3, run.ExitCode);
            Assert.Contains("two: failed", run.Output);
            Assert.Contains("requires a primary key", run.Output);
            Assert.Contains("nothing was applied", run.Output);
            Assert.Contains("one: applied", run.Output);
            Assert.Contains("no primary key", run.Output);
        }
        finally
        {
            await using var admin = await cluster.OpenAsync(2);
            await ExecuteAsync(admin, "SET GLOBAL wsrep_mode = ''");
        }
        await using (var check = await cluster.OpenAsync(1, onNode2))
            Assert.False(await ExistsAsync(check,
                "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name IN ('events', 'schematool_lock', 'schematool_history')"));
        await cluster.DropDatabaseAsync(onNode1);
        await cluster.DropDatabaseAsync(onNode2);
    }

    private static async Task<string> DescribeAsync(GaleraCluster cluster, int node, string database)
    {
        await using var connection = await cluster.OpenAsync(node, database);
        var columns = await ColumnAsync(connection,
            "SELECT CONCAT(table_name, '.', column_name, ' ', column_type, ' ', is_nullable) FROM information_schema.columns " +
            "WHERE table_schema = DATABASE() AND table_name NOT LIKE 'schematool%' ORDER BY table_name, ordinal_position");
        var history = await ExistsAsync(connection,
            "SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'schematool_history'")
            ? await ColumnAsync(connection, "SELECT CONCAT(revision, ' ', complete) FROM schematool_history ORDER BY revision")
            : [];
        return string.Join('\n', columns) + $"\nhistory: {history.Count}\n" + string.Join('\n', history);
    }

    private static async Task<bool> ExistsAsync(MySqlConnection connection, string sql)
    {
        try
        {
            return (await ColumnAsync(connection, sql)).Count > 0;
        }
        catch (MySqlException e) when (e.ErrorCode == MySqlErrorCode.NoSuchTable)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ColumnAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return values;
    }
}
