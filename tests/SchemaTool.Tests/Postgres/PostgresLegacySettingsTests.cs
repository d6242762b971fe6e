using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// A database whose settings are a legacy application's: `standard_conforming_strings = off` makes a backslash in
/// a '' string an escape (`'C:\new'` holds a newline). schematool writes its literals for the standard rules, which
/// every session must use, whatever the database or role sets.
/// </summary>
public sealed class PostgresLegacySettingsTests
{
    [Fact]
    public async Task Backslashes_in_defaults_and_comments_are_stored_as_the_model_says_when_the_database_reads_them_as_escapes()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        string database;
        await using (var session = await project.Project.ConnectAsync()) database = session.Connection.Database;
        await project.ExecuteAsync($"ALTER DATABASE \"{database}\" SET standard_conforming_strings = off");
        project.WriteModel("tables:\n  paths:\n    comment: 'C:\\temp'\n    columns:\n      id: { type: int, primary_key: true }\n" +
                           "      dir: { type: text, default: 'C:\\new\\table' }\n");

        project.PlanAndApply("paths");

        await project.ExecuteAsync("INSERT INTO paths (id) VALUES (1)");
        Assert.Equal(0L, await project.ScalarAsync("SELECT COUNT(*) FROM paths WHERE dir <> 'C:' || chr(92) || 'new' || chr(92) || 'table'"));
        Assert.Equal(1L, await project.ScalarAsync("SELECT COUNT(*) FROM paths"));
        Assert.Equal(1L, await project.ScalarAsync("SELECT COUNT(*) FROM pg_description WHERE objoid = 'paths'::regclass AND objsubid = 0 AND description = 'C:' || chr(92) || 'temp'"));
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Out);
    }
}
