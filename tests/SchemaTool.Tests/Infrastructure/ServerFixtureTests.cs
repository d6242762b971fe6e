using System.Data.Common;
using System.Text.RegularExpressions;
using MySqlConnector;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Infrastructure;

public sealed class ServerFixtureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Postgres_databases_are_distinct_and_isolated()
    {
        var server = PostgresServer.Shared;
        output.WriteLine($"PostgreSQL on port {server.Port}, started in {server.StartupTime.TotalMilliseconds:0} ms");
        var first = await server.CreateDatabaseAsync("fixture");
        var second = await server.CreateDatabaseAsync("fixture");
        try
        {
            Assert.NotEqual(first, second);
            Assert.Matches($"^postgres://[^@/]+@{Regex.Escape(server.Host)}:{server.Port}/{first}$", server.Url(first));
            await using var one = new NpgsqlConnection(server.ConnectionString(first));
            await using var two = new NpgsqlConnection(server.ConnectionString(second));
            await AssertIsolatedAsync(one, two, "PostgreSQL 15.", "select current_database()", "table_catalog = current_database()");
        }
        finally
        {
            await server.DropDatabaseAsync(first);
            await server.DropDatabaseAsync(second);
        }
    }

    [Fact]
    public async Task MariaDb_databases_are_distinct_and_isolated()
    {
        var server = MariaDbServer.Shared;
        output.WriteLine($"MariaDB on port {server.Port}, started in {server.StartupTime.TotalMilliseconds:0} ms");
        var first = await server.CreateDatabaseAsync("fixture");
        var second = await server.CreateDatabaseAsync("fixture");
        try
        {
            Assert.NotEqual(first, second);
            Assert.Matches($"^mysql://[^@/]+@{Regex.Escape(server.Host)}:{server.Port}/{first}$", server.Url(first));
            await using var one = new MySqlConnection(server.ConnectionString(first));
            await using var two = new MySqlConnection(server.ConnectionString(second));
            await AssertIsolatedAsync(one, two, "10.11.", "select database()", "table_schema = database()");
        }
        finally
        {
            await server.DropDatabaseAsync(first);
            await server.DropDatabaseAsync(second);
        }
    }

    [Fact]
    public async Task Independent_postgres_server_takes_options_and_is_gone_after_stop()
    {
        var server = await PostgresServer.StartAsync(new PostgresServerOptions
        {
            Settings = new Dictionary<string, string> { ["wal_level"] = "logical" },
        });
        output.WriteLine($"Independent PostgreSQL started in {server.StartupTime.TotalMilliseconds:0} ms");
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
            Assert.Equal("logical", await ScalarAsync(connection, "show wal_level"));
        }

        await server.StopAsync();

        await using var afterStop = new NpgsqlConnection(server.AdminConnectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => afterStop.OpenAsync());
    }

    [Fact]
    public async Task Independent_mariadb_server_takes_options_and_is_gone_after_stop()
    {
        var server = await MariaDbServer.StartAsync(new MariaDbServerOptions { Arguments = ["--server-id=7"] });
        output.WriteLine($"Independent MariaDB started in {server.StartupTime.TotalMilliseconds:0} ms");
        await using (var connection = new MySqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
            Assert.Equal("7", await ScalarAsync(connection, "select @@server_id"));
        }

        await server.StopAsync();

        await using var afterStop = new MySqlConnection(server.AdminConnectionString);
        await Assert.ThrowsAsync<MySqlException>(() => afterStop.OpenAsync());
    }

    private static async Task AssertIsolatedAsync(
        DbConnection one, DbConnection two, string versionPrefix, string currentDatabaseSql, string inCurrentDatabase)
    {
        await one.OpenAsync();
        await two.OpenAsync();
        Assert.StartsWith(versionPrefix, await ScalarAsync(one, "select version()"));
        Assert.StartsWith(versionPrefix, await ScalarAsync(two, "select version()"));
        Assert.Equal(one.Database, await ScalarAsync(one, currentDatabaseSql));
        Assert.Equal(two.Database, await ScalarAsync(two, currentDatabaseSql));

        await ScalarAsync(one, "create table only_in_first (id int primary key)");
        var countTables = $"select count(*) from information_schema.tables where table_name = 'only_in_first' and {inCurrentDatabase}";
        Assert.Equal("1", await ScalarAsync(one, countTables));
        Assert.Equal("0", await ScalarAsync(two, countTables));
    }

    private static async Task<string?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
