using SchemaTool.Dialects;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>
/// examples/postgres and examples/mysql run through the README's walkthrough on the shared test servers:
/// plan, apply, converge, step two, converge, check, rollback base. Until a dialect is merged into this
/// branch its test has nothing to run against and passes without starting a server.
/// </summary>
public sealed class ExampleLoopTests
{
    [Fact]
    public async Task The_postgres_example_runs_its_walkthrough()
    {
        if (!DialectRegistry.Names.Contains("postgres")) return;
        var server = PostgresServer.Shared;
        var database = await server.CreateDatabaseAsync("example");
        try
        {
            Walkthrough("postgres", "PGURL", server.Url(database));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task The_mysql_example_runs_its_walkthrough()
    {
        if (!DialectRegistry.Names.Contains("mysql")) return;
        var server = MariaDbServer.Shared;
        var database = await server.CreateDatabaseAsync("example");
        try
        {
            Walkthrough("mysql", "MYSQLURL", server.Url(database));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    private static void Walkthrough(string example, string variable, string url)
    {
        // The config reads ${PGURL} / ${MYSQLURL} from the process environment, as a user's shell would set it.
        Environment.SetEnvironmentVariable(variable, url);
        using var project = UxProject.FromExample(example);
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Out);
        project.UseModel("steps/2-posts.yaml");
        project.Ok("plan", "-m", "posts");
        project.Ok("apply");
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Out);
        Assert.Equal(0, project.Run("check").ExitCode);
        project.Ok("rollback", "base");
        Assert.Equal(1, project.Run("check").ExitCode);
    }
}
