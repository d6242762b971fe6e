using MySqlConnector;
using SchemaTool.Tests.Infrastructure.Cluster;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Cluster;

/// <summary>The Galera lock row: who holds it is shown, and `schematool unlock` is the way out of a lock left behind.</summary>
[Collection("Cluster")]
public sealed class GaleraLockTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_held_lock_names_its_holder_and_unlock_needs_force_while_the_holder_looks_alive()
    {
        var cluster = GaleraCluster.Shared;
        var database = await cluster.CreateDatabaseAsync("galera_unlock");
        using var project = ClusterProject.Create("mysql");
        project.WriteRevision(1, "first", ["CREATE TABLE first_table (id int PRIMARY KEY) ENGINE=InnoDB"], ["DROP TABLE first_table"]);
        var url = cluster.Node(2).Url(database);

        // The first apply creates schematool_lock; then a "holder" on node 1 takes the row and stays connected.
        Assert.Equal(0, (await RunAsync(project, "apply", url)).ExitCode);
        await using var holder = await cluster.OpenAsync(1, database);
        await ExecuteAsync(holder,
            "INSERT INTO schematool_lock (id, token, holder, node_name, node_uuid, connection_id, acquired_at, heartbeat_at) " +
            "SELECT 1, REPLACE(UUID(), '-', ''), 'a deploy script on host ci-7', 'node1', VARIABLE_VALUE, CONNECTION_ID(), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) " +
            "FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_GCOMM_UUID'");
        project.WriteRevision(2, "second", ["CREATE TABLE second_table (id int PRIMARY KEY) ENGINE=InnoDB"], ["DROP TABLE second_table"]);

        var blocked = await RunAsync(project, "apply", url, "--lock-timeout", "2");
        Assert.Equal(3, blocked.ExitCode);
        Assert.Contains("a deploy script on host ci-7", blocked.Output);
        Assert.Contains("schematool unlock", blocked.Output);

        var refused = await RunAsync(project, "unlock", url);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("--force", refused.Output);
        // Seen from the holder's own node, its connection is alive too.
        Assert.Equal(3, (await RunAsync(project, "unlock", cluster.Node(1).Url(database))).ExitCode);

        var forced = await RunAsync(project, "unlock", url, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(0, (await RunAsync(project, "apply", url)).ExitCode);
        await cluster.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task A_lock_whose_connection_is_gone_is_removed_by_unlock_on_its_node_and_taken_over_by_apply()
    {
        var cluster = GaleraCluster.Shared;
        var database = await cluster.CreateDatabaseAsync("galera_stale");
        using var project = ClusterProject.Create("mysql");
        project.WriteRevision(1, "first", ["CREATE TABLE first_table (id int PRIMARY KEY) ENGINE=InnoDB"], ["DROP TABLE first_table"]);
        Assert.Equal(0, (await RunAsync(project, "apply", cluster.Node(3).Url(database))).ExitCode);

        foreach (var command in new[] { "unlock", "apply" })
        {
            // A holder on node 3 that died: its row stays, its connection is gone.
            await using (var dead = await cluster.OpenAsync(3, database))
                await ExecuteAsync(dead,
                    "INSERT INTO schematool_lock (id, token, holder, node_name, node_uuid, connection_id, acquired_at, heartbeat_at) " +
                    "SELECT 1, REPLACE(UUID(), '-', ''), 'a crashed run', 'node3', VARIABLE_VALUE, CONNECTION_ID(), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) " +
                    "FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_GCOMM_UUID'");
            var run = await RunAsync(project, command, cluster.Node(3).Url(database));
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("connection", run.Output);
            Assert.Contains("is gone", run.Output);
            await using var check = await cluster.OpenAsync(1, database);
            await using var count = new MySqlCommand("SELECT COUNT(*) FROM schematool_lock", check);
            Assert.Equal(0L, Convert.ToInt64(await count.ExecuteScalarAsync()));
        }
        await cluster.DropDatabaseAsync(database);
    }

    private async Task<Infrastructure.ProcessResult> RunAsync(ClusterProject project, string command, string url, params string[] more)
    {
        var run = await CliProcess.RunAsync(RunTimeout, project.Arguments(command, url, more));
        output.WriteLine($"$ schematool {command} {string.Join(' ', more)}\n{run.Output}");
        return run;
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
