using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Fleet;

/// <summary>
/// `apply --all`, `rollback --all`, `check --all` and `status --all` through the CLI on real fleets: SQLite files
/// by glob, PostgreSQL and MariaDB databases by a server pattern.
/// </summary>
public sealed class FleetCliTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("schematool-fleetcli-").FullName;

    private const string Model = """
        tables:
          accounts:
            columns:
              id:    { type: int, primary_key: true, auto_increment: true }
              email: { type: varchar(120), unique: true }
        """;

    private void WriteProject(string config)
    {
        Directory.CreateDirectory(Path.Combine(_project, "schema"));
        File.WriteAllText(Path.Combine(_project, "schema", "model.yaml"), Model);
        File.WriteAllText(Path.Combine(_project, "schematool.yaml"), config);
    }

    [Fact]
    public void A_sqlite_fleet_goes_to_head_with_one_broken_target_isolated_and_back_to_base()
    {
        Directory.CreateDirectory(Path.Combine(_project, "tenants"));
        for (var i = 0; i < 20; i++) CreateSqlite($"tenants/t{i:00}.db");
        CreateSqlite("reference.db");
        WriteProject("database: sqlite:reference.db\ntargets_glob: sqlite:tenants/*.db\n");
        CliRunner.Ok(_project, "plan", "-m", "accounts");
        Execute("tenants/t05.db", "CREATE TABLE accounts (x TEXT)");

        var first = CliRunner.Expect(3, _project, "apply", "--all", "--parallel", "4");
        Assert.Contains("tenants/t05.db: failed", first.Stdout);
        Assert.Contains("already exists", first.Stdout);
        Assert.Contains("20 target(s): 19 applied, 1 failed", first.Stdout);

        Execute("tenants/t05.db", "DROP TABLE accounts");
        var second = CliRunner.Ok(_project, "apply", "--all");
        Assert.Contains("tenants/t05.db: applied", second.Stdout);
        Assert.Contains("20 target(s): 19 at head, 1 applied", second.Stdout);

        Execute("tenants/t11.db", "CREATE INDEX by_hand ON accounts (email)");
        var check = CliRunner.Expect(1, _project, "check", "--all");
        Assert.Contains("tenants/t11.db: drifted", check.Stdout);
        Assert.Contains("drop index by_hand", check.Stdout);
        Execute("tenants/t11.db", "DROP INDEX by_hand");

        CliRunner.Ok(_project, "rollback", "--all", "base");
        foreach (var file in Directory.GetFiles(Path.Combine(_project, "tenants")))
            Assert.Equal(0L, Scalar(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'accounts'"));
    }

    [Fact]
    public void Fleet_lines_json_and_errors_never_show_a_password()
    {
        WriteProject("targets:\n  remote: postgres://fleetuser:s3cretFleetPw@127.0.0.1:1/app\n  local: sqlite:local.db\n");
        CreateSqlite("local.db");
        var text = CliRunner.Run(_project, "status", "--all", "--json");
        Assert.Equal(3, text.ExitCode);
        Assert.Contains("\"target\":\"remote\"", text.Stdout);
        Assert.Contains("\"outcome\":\"failed\"", text.Stdout);
        var plain = CliRunner.Run(_project, "apply", "--all", "--verbose");
        Assert.DoesNotContain("s3cretFleetPw", text.Stdout + text.Stderr + plain.Stdout + plain.Stderr);
        Assert.Contains("remote: failed", plain.Stdout);
    }

    [Fact]
    public async Task Fifty_postgres_databases_matched_by_a_pattern_go_to_head_and_back()
    {
        var server = PostgresServer.Shared;
        var prefix = "fleet_" + Guid.NewGuid().ToString("N")[..6];
        var databases = new List<string>();
        for (var i = 0; i < 50; i++) databases.Add(await server.CreateDatabaseAsync(prefix));
        var reference = databases[0];
        WriteProject($"database: {server.Url(reference)}\ntargets_pattern:\n  server: {server.Url("postgres")}\n  database_like: {prefix}\\_%\n");
        CliRunner.Ok(_project, "plan", "-m", "accounts");
        await using (var c = new NpgsqlConnection(server.ConnectionString(databases[7])))
        {
            await c.OpenAsync();
            await new NpgsqlCommand("CREATE TABLE accounts (x text)", c).ExecuteNonQueryAsync();
        }
        var first = CliRunner.Expect(3, _project, "apply", "--all", "--parallel", "8");
        Assert.Contains($"{databases[7]}: failed", first.Stdout);
        Assert.Contains("50 target(s): 49 applied, 1 failed", first.Stdout);
        await using (var c = new NpgsqlConnection(server.ConnectionString(databases[7])))
        {
            await c.OpenAsync();
            await new NpgsqlCommand("DROP TABLE accounts", c).ExecuteNonQueryAsync();
        }
        Assert.Contains("50 target(s): 49 at head, 1 applied", CliRunner.Ok(_project, "apply", "--all").Stdout);
        CliRunner.Ok(_project, "check", "--all");
        CliRunner.Ok(_project, "rollback", "--all", "base");
        Assert.Contains("50 target(s): 50 behind", CliRunner.Expect(1, _project, "check", "--all").Stdout);
    }

    [Fact]
    public async Task Fifty_mariadb_databases_matched_by_a_pattern_go_to_head_and_back()
    {
        var server = MariaDbServer.Shared;
        var prefix = "fleet_" + Guid.NewGuid().ToString("N")[..6];
        var databases = new List<string>();
        for (var i = 0; i < 50; i++) databases.Add(await server.CreateDatabaseAsync(prefix));
        WriteProject($"database: {server.Url(databases[0])}\ntargets_pattern:\n  server: {server.Url("mysql")}\n  database_like: {prefix}\\_%\n");
        CliRunner.Ok(_project, "plan", "-m", "accounts");
        await using (var c = new MySqlConnection(server.ConnectionString(databases[3])))
        {
            await c.OpenAsync();
            await new MySqlCommand("CREATE TABLE accounts (x text)", c).ExecuteNonQueryAsync();
        }
        var first = CliRunner.Expect(3, _project, "apply", "--all", "--parallel", "8");
        Assert.Contains($"{databases[3]}: failed", first.Stdout);
        Assert.Contains("50 target(s): 49 applied, 1 failed", first.Stdout);
        await using (var c = new MySqlConnection(server.ConnectionString(databases[3])))
        {
            await c.OpenAsync();
            await new MySqlCommand("DROP TABLE accounts", c).ExecuteNonQueryAsync();
        }
        Assert.Contains("50 target(s): 49 at head, 1 applied", CliRunner.Ok(_project, "apply", "--all").Stdout);
        CliRunner.Ok(_project, "rollback", "--all", "base");
        Assert.Contains("50 target(s): 50 behind", CliRunner.Expect(1, _project, "check", "--all").Stdout);
    }

    [Fact]
    public async Task A_fleet_larger_than_the_servers_connection_limit_still_goes_to_head()
    {
        // Connections are not pooled: with a pool, each finished target kept its connection open until the
        // process ended, and the fleet failed once it had more databases than max_connections allowed.
        await using var server = await PostgresServer.StartAsync(new PostgresServerOptions
        {
            Settings = new Dictionary<string, string> { ["max_connections"] = "8", ["superuser_reserved_connections"] = "0" },
        });
        var databases = new List<string>();
        for (var i = 0; i < 20; i++) databases.Add(await server.CreateDatabaseAsync("small"));
        WriteProject($"database: {server.Url(databases[0])}\ntargets_pattern:\n  server: {server.Url("postgres")}\n  database_like: small\\_%\n");
        CliRunner.Ok(_project, "plan", "-m", "accounts");
        Assert.Contains("20 target(s): 20 applied", CliRunner.Ok(_project, "apply", "--all", "--parallel", "2").Stdout);
    }

    private void CreateSqlite(string relative)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(_project, relative)};Pooling=False");
        c.Open();
    }

    private void Execute(string relative, string sql)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(_project, relative)};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(string file, string sql)
    {
        using var c = new SqliteConnection($"Data Source={file};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);
}
