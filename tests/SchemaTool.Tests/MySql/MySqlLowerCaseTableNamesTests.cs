using MySqlConnector;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// A server with lower_case_table_names = 1 (the default of MySQL on Windows and macOS, and a common setting of
/// servers that serve them) stores every table name in lower case: `CREATE TABLE Users` makes `users`. A model that
/// spells a table in mixed case must not read as a table that is missing beside one that is not in the model: that
/// plan would drop the table with its rows and create it again.
/// </summary>
public sealed class MySqlLowerCaseTableNamesTests : IAsyncLifetime
{
    private MariaDbServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await MariaDbServer.StartAsync(new MariaDbServerOptions { Arguments = ["--lower-case-table-names=1"] });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new MySqlConnection(_server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private const string Model = """
        tables:
          UserAccounts:
            columns:
              id: { type: int, primary_key: true }
              name: { type: varchar(40) }
          Orders:
            columns:
              id: { type: int, primary_key: true }
              account_id: { type: int, references: UserAccounts.id }
        views:
          NamedAccounts: { sql: "SELECT id, name FROM UserAccounts WHERE name <> ''" }
        """;

    [Fact]
    public async Task A_mixed_case_model_applies_once_and_then_plans_nothing_keeping_its_rows()
    {
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync("", "SELECT @@lower_case_table_names")));
        var database = await _server.CreateDatabaseAsync("lctn");
        using var project = new ScratchProject(_server.Url(database));
        File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), Model);
        project.Ok("plan", "-m", "first");
        project.Ok("apply");
        await ScalarAsync(database, "INSERT INTO useraccounts VALUES (1, 'ann')");

        var again = project.Run("plan", "-m", "again");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("no changes", again.Out);
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync(database, "SELECT COUNT(*) FROM useraccounts")));

        await ScalarAsync(database, "DELETE FROM useraccounts");
        project.Ok("rollback", "base");
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync(database,
            "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"))); // the history table alone
    }

    [Fact]
    public async Task Two_tables_whose_names_differ_only_by_case_are_refused_at_plan()
    {
        var database = await _server.CreateDatabaseAsync("lctn");
        using var project = new ScratchProject(_server.Url(database));
        File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"),
            "tables:\n  Users:\n    columns:\n      id: { type: int, primary_key: true }\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n");

        var plan = project.Run("plan", "-m", "clash");

        Assert.True(plan.ExitCode == 2, plan.ToString());
        Assert.Contains("tables 'Users' and 'users': the server has lower_case_table_names set", plan.Err);
        Assert.Empty(Directory.GetFiles(project.Migrations));
    }

    [Fact]
    public async Task Inspect_of_such_a_server_gives_a_model_that_plans_nothing()
    {
        var database = await _server.CreateDatabaseAsync("lctn");
        await using (var connection = new MySqlConnection(_server.ConnectionString(database)))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand("CREATE TABLE Items (id int PRIMARY KEY, Label varchar(10) NOT NULL, KEY IX_Label (Label))", connection);
            await command.ExecuteNonQueryAsync();
        }
        using var project = new ScratchProject(_server.Url(database));
        project.Ok("inspect", "-o", Path.Combine(project.Dir, "schema", "tables.yaml"), "--force");

        var plan = project.Run("plan", "-m", "adopt");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("no changes", plan.Out);
    }
}
