using MySqlConnector;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// A server whose global sql_mode is a legacy application's: not strict (a NULL put into a NOT NULL column becomes
/// '' with a warning, a longer string is cut), with NO_BACKSLASH_ESCAPES (a backslash is a plain character in a
/// string) and ANSI_QUOTES (a double-quoted word is a name). schematool writes its SQL for the default rules and
/// must never let the server's mode change what a statement does to the data.
/// </summary>
public sealed class MySqlLegacySqlModeTests : IAsyncLifetime
{
    private MariaDbServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await MariaDbServer.StartAsync(new MariaDbServerOptions { Arguments = ["--sql-mode=NO_BACKSLASH_ESCAPES,ANSI_QUOTES"] });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(ScratchProject Project, string Database)> ProjectAsync(string setupSql)
    {
        var database = await _server.CreateDatabaseAsync("legacy_mode");
        await RawAsync(database, setupSql);
        return (new ScratchProject(_server.Url(database)), database);
    }

    private async Task RawAsync(string database, string sql)
    {
        await using var connection = new MySqlConnection(_server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new MySqlConnection(_server.ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [Fact]
    public async Task The_server_really_runs_the_legacy_mode()
    {
        var mode = (string?)await ScalarAsync("", "SELECT @@GLOBAL.sql_mode");
        Assert.Equal("ANSI_QUOTES,NO_BACKSLASH_ESCAPES", mode);
    }

    [Fact]
    public async Task Making_a_column_holding_nulls_required_fails_and_keeps_the_nulls()
    {
        var (project, database) = await ProjectAsync(
            "CREATE TABLE people (id int NOT NULL PRIMARY KEY, nick varchar(20) NULL); INSERT INTO people VALUES (1, NULL), (2, 'bo')");
        using var _ = project;
        File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"),
            "tables:\n  people:\n    columns:\n      id: { type: int, primary_key: true }\n      nick: { type: varchar(20) }\n");
        project.Ok("plan", "-m", "nick required");

        var apply = project.Run("apply");

        Assert.True(apply.ExitCode != 0, "apply must fail on the NULL, not turn it into ''\n" + apply);
        Assert.Equal(1L, Convert.ToInt64(await ScalarAsync(database, "SELECT COUNT(*) FROM people WHERE nick IS NULL")));
        Assert.Equal("YES", await ScalarAsync(database,
            "SELECT IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'people' AND COLUMN_NAME = 'nick'"));
    }

    [Fact]
    public async Task Narrowing_a_column_whose_values_do_not_fit_fails_and_keeps_them_whole()
    {
        var (project, database) = await ProjectAsync(
            "CREATE TABLE notes (id int NOT NULL PRIMARY KEY, body varchar(40) NOT NULL); INSERT INTO notes VALUES (1, 'a note longer than ten')");
        using var _ = project;
        File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"),
            "tables:\n  notes:\n    columns:\n      id: { type: int, primary_key: true }\n      body: { type: varchar(10) }\n");
        project.Ok("plan", "-m", "narrow");

        var apply = project.Run("apply");

        Assert.True(apply.ExitCode != 0, "apply must fail, not cut the value\n" + apply);
        Assert.Equal("a note longer than ten", await ScalarAsync(database, "SELECT body FROM notes WHERE id = 1"));
    }

    [Fact]
    public async Task Backslashes_and_double_quotes_in_defaults_and_comments_are_stored_as_the_model_says()
    {
        var (project, database) = await ProjectAsync("SELECT 1");
        using var _ = project;
        File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"),
            "tables:\n  paths:\n    comment: 'C:\\temp \"x\"'\n    columns:\n      id: { type: int, primary_key: true }\n" +
            "      dir: { type: varchar(40), default: 'C:\\new\\table \"q\"' }\n");
        project.Ok("plan", "-m", "paths");
        project.Ok("apply");

        await RawAsync(database, "INSERT INTO paths (id) VALUES (1)");
        Assert.Equal("C:\\new\\table \"q\"", await ScalarAsync(database, "SELECT dir FROM paths WHERE id = 1"));
        Assert.Equal("C:\\temp \"x\"", await ScalarAsync(database,
            "SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'paths'"));
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Out);
    }
}
