using Npgsql;
using SchemaTool.Tests.Infrastructure.Cluster;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Cluster;

/// <summary>schematool against a PostgreSQL primary with a hot standby, through the CLI.</summary>
[Collection("Cluster")]
public sealed class PostgresStandbyApplyTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Apply_at_the_standby_exits_3_before_any_lock_and_a_multi_host_url_finds_the_primary()
    {
        await using var replica = await PostgresReplica.StartAsync();
        var database = await replica.Primary.CreateDatabaseAsync("standby_apply");
        await replica.WaitForStandbyAsync();
        using var project = ClusterProject.Create("postgres");
        project.WriteRevision(1, "widgets",
            ["CREATE TABLE widgets (id int PRIMARY KEY, name text NOT NULL)"],
            ["DROP TABLE widgets"]);

        var refused = await CliProcess.RunAsync(RunTimeout, project.Arguments("apply", replica.StandbyUrl(database)));
        output.WriteLine(refused.Output);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("standby", refused.Output);
        Assert.Contains("primary", refused.Output);
        Assert.DoesNotContain("waiting", refused.Output);
        // Nothing was written on the primary either: no history table, no widgets.
        Assert.Equal(0L, await CountTablesAsync(replica.Primary.ConnectionString(database)));

        var applied = await CliProcess.RunAsync(RunTimeout, project.Arguments("apply", replica.MultiHostUrl(database)));
        output.WriteLine(applied.Output);
        Assert.True(applied.ExitCode == 0, applied.Output);
        Assert.Equal(2L, await CountTablesAsync(replica.Primary.ConnectionString(database)));
        await replica.WaitForStandbyAsync();
        Assert.Equal(2L, await CountTablesAsync(replica.StandbyConnectionString(database)));

        // Commands that only read work on the standby (docs/clusters.md says so).
        foreach (var command in new[] { "status", "history" })
        {
            var read = await CliProcess.RunAsync(RunTimeout, project.Arguments(command, replica.StandbyUrl(database)));
            output.WriteLine(read.Output);
            Assert.True(read.ExitCode == 0, read.Output);
            Assert.Contains("c1c1c1c10001", read.Output);
        }
    }

    private static async Task<long> CountTablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from pg_tables where schemaname = 'public' and tablename in ('widgets', 'schematool_history')", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
