using MySqlConnector;
using Npgsql;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Infrastructure.Cluster;

/// <summary>Cluster tests share one collection: each starts or uses several servers, and the machine may have two cores.</summary>
[CollectionDefinition("Cluster")]
public sealed class ClusterCollection;

[Collection("Cluster")]
public sealed class ClusterFixtureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Galera_cluster_has_three_synced_nodes()
    {
        var cluster = GaleraCluster.Shared;
        output.WriteLine($"Galera cluster started in {cluster.StartupTime.TotalSeconds:0.0} s, " +
                         $"{cluster.Nodes.Sum(node => node.DiskUsageBytes()) / (1024 * 1024)} MB on disk");
        foreach (var node in cluster.Nodes)
        {
            var status = await node.StatusAsync();
            Assert.Equal("ON", status["wsrep_ready"]);
            Assert.Equal("Synced", status["wsrep_local_state_comment"]);
            Assert.Equal("3", status["wsrep_cluster_size"]);
            Assert.Equal("Primary", status["wsrep_cluster_status"]);
        }
    }

    [Fact]
    public async Task Table_created_on_node_1_is_visible_on_node_3_with_sync_wait()
    {
        var cluster = GaleraCluster.Shared;
        var database = await cluster.CreateDatabaseAsync("galera_fixture");
        try
        {
            await using (var one = await cluster.OpenAsync(1, database))
            {
                await ExecuteAsync(one, "CREATE TABLE widgets (id int PRIMARY KEY, name varchar(20) NOT NULL) ENGINE=InnoDB");
                await ExecuteAsync(one, "INSERT INTO widgets VALUES (1, 'sprocket')");
            }
            await using var three = await cluster.OpenAsync(3, database);
            Assert.Equal("sprocket", await ScalarAsync(three, "SELECT name FROM widgets WHERE id = 1"));
            Assert.Equal("1", await ScalarAsync(three, "SELECT @@wsrep_sync_wait"));
        }
        finally
        {
            await cluster.DropDatabaseAsync(database);
        }
    }

    /// <summary>The reason a Galera cluster needs a lock row: GET_LOCK is granted per node, not per cluster.</summary>
    [Fact]
    public async Task Get_lock_is_local_to_one_galera_node()
    {
        var cluster = GaleraCluster.Shared;
        var name = "schematool-test-" + Guid.NewGuid().ToString("N");
        await using var one = await cluster.OpenAsync(1);
        await using var two = await cluster.OpenAsync(2);
        await using var oneAgain = await cluster.OpenAsync(1);
        Assert.Equal("1", await ScalarAsync(one, $"SELECT GET_LOCK('{name}', 0)"));
        Assert.Equal("0", await ScalarAsync(oneAgain, $"SELECT GET_LOCK('{name}', 0)")); // held, on the same node
        Assert.Equal("1", await ScalarAsync(two, $"SELECT GET_LOCK('{name}', 0)"));      // granted again on node 2
    }

    /// <summary>The other half: an autocommit insert of one fixed row, sent to every node at once, has exactly one winner.</summary>
    [Fact]
    public async Task Insert_of_one_lock_row_on_all_nodes_at_once_has_one_winner()
    {
        var cluster = GaleraCluster.Shared;
        var database = await cluster.CreateDatabaseAsync("galera_fixture");
        try
        {
            await using (var setup = await cluster.OpenAsync(1, database))
                await ExecuteAsync(setup, "CREATE TABLE lock_row (id int PRIMARY KEY, holder varchar(100) NOT NULL) ENGINE=InnoDB");
            for (var round = 0; round < 5; round++)
            {
                var connections = new List<MySqlConnection>();
                foreach (var number in new[] { 1, 2, 3, 1, 2, 3 })
                    connections.Add(await cluster.OpenAsync(number, database));
                var outcomes = await Task.WhenAll(connections.Select(async (connection, i) =>
                {
                    try
                    {
                        await ExecuteAsync(connection, $"INSERT INTO lock_row VALUES (1, 'contender {i}')");
                        return 0;
                    }
                    catch (MySqlException e)
                    {
                        return e.Number;
                    }
                }));
                foreach (var connection in connections) await connection.DisposeAsync();
                output.WriteLine($"round {round}: {string.Join(' ', outcomes)}");
                Assert.Single(outcomes, outcome => outcome == 0);
                Assert.All(outcomes.Where(outcome => outcome != 0), outcome => Assert.Contains(outcome, new[] { 1062, 1213 }));
                await using var cleanup = await cluster.OpenAsync(1, database);
                await ExecuteAsync(cleanup, "DELETE FROM lock_row");
            }
        }
        finally
        {
            await cluster.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Postgres_standby_is_in_recovery_and_refuses_a_write_with_25006()
    {
        await using var replica = await PostgresReplica.StartAsync();
        output.WriteLine($"PostgreSQL primary and standby started in {replica.StartupTime.TotalSeconds:0.0} s");
        var database = await replica.Primary.CreateDatabaseAsync("standby_fixture");
        await using (var primary = new NpgsqlConnection(replica.Primary.ConnectionString(database)))
        {
            await primary.OpenAsync();
            await using var create = new NpgsqlCommand("create table t (id int primary key); insert into t values (7)", primary);
            await create.ExecuteNonQueryAsync();
        }
        await replica.WaitForStandbyAsync();

        await using var standby = new NpgsqlConnection(replica.StandbyConnectionString(database));
        await standby.OpenAsync();
        await using (var recovery = new NpgsqlCommand("select pg_is_in_recovery()", standby))
            Assert.True((bool)(await recovery.ExecuteScalarAsync())!);
        await using (var read = new NpgsqlCommand("select id from t", standby))
            Assert.Equal(7, (int)(await read.ExecuteScalarAsync())!);
        // The trap: the standby grants the advisory lock, and only the first write fails.
        await using (var advisory = new NpgsqlCommand("select pg_advisory_lock(42)", standby))
            await advisory.ExecuteNonQueryAsync();
        await using var write = new NpgsqlCommand("insert into t values (8)", standby);
        var error = await Assert.ThrowsAsync<PostgresException>(() => write.ExecuteNonQueryAsync());
        Assert.Equal("25006", error.SqlState);
    }

    [Fact]
    public async Task Postgres_multi_host_connection_with_target_primary_finds_the_primary()
    {
        await using var replica = await PostgresReplica.StartAsync();
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = $"{replica.Host}:{replica.StandbyPort},{replica.Primary.Host}:{replica.Primary.Port}",
            Username = "postgres",
            Database = "postgres",
            Pooling = false,
            TargetSessionAttributes = "primary",
        };
        await using var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).BuildMultiHost();
        await using var connection = await dataSource.OpenConnectionAsync(TargetSessionAttributes.Primary);
        await using var recovery = new NpgsqlCommand("select pg_is_in_recovery()", connection);
        Assert.False((bool)(await recovery.ExecuteScalarAsync())!);
        Assert.Equal(replica.Primary.Port, connection.Port);
    }

    private static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
