using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// plan creates the model's routines, triggers and events in a scratch database of the live server to read them as
/// the server prints them. MySQL commits each DDL statement at once, so whatever ran there stays: a definition that
/// is not a CREATE FUNCTION or PROCEDURE (a DROP TABLE of the real database, a UDF loaded from a library) must be
/// refused before it runs, and an event must not fire there: on a server whose event scheduler runs, an event
/// created enabled runs its body at once, against whatever tables it names.
/// </summary>
public sealed class MySqlScratchSafetyTests : IAsyncLifetime
{
    private MariaDbServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await MariaDbServer.StartAsync(new MariaDbServerOptions { Arguments = ["--event-scheduler=ON"] });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string> Attacks => new()
    {
        { "functions", "DROP TABLE {db}.victim" },
        { "functions", "CREATE TABLE f AS SELECT 1 AS v" },
        { "functions", "CREATE FUNCTION f RETURNS STRING SONAME 'ha_nothing.so'" },
        { "functions", "/* CREATE FUNCTION f() */ DELETE FROM {db}.victim" },
        { "procedures", "CREATE DEFINER = root TABLE f (id int)" },
        { "procedures", "CALL {db}.p()" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_definition_that_is_not_a_create_routine_is_refused_before_plan_runs_it(string kind, string definition)
    {
        var database = await _server.CreateDatabaseAsync("scratch_safety");
        using var project = new ScratchProject(_server.Url(database));
        await project.ExecuteAsync(null, "CREATE TABLE victim (id int PRIMARY KEY); INSERT INTO victim VALUES (1)");
        File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), $$"""
            tables:
              victim:
                columns:
                  id: { type: int, primary_key: true }
            {{kind}}:
              f: { definition: "{{definition.Replace("{db}", database)}}" }
            """);

        var result = project.Run("plan", "-m", "attack");

        Assert.Equal(1L, Convert.ToInt64(await project.ScalarAsync(null, "SELECT count(*) FROM victim")));
        Assert.Equal(0L, Convert.ToInt64(await project.ScalarAsync(null, "SELECT count(*) FROM information_schema.TABLES WHERE TABLE_NAME = 'f'")));
        Assert.Equal(0L, Convert.ToInt64(await project.ScalarAsync(null, "SELECT count(*) FROM mysql.func")));
        Assert.True(result.ExitCode == 2, result.ToString());
        var refusal = $"tables.yaml:6:20: definition of {kind.TrimEnd('s')} 'f': it is not one CREATE {kind.TrimEnd('s').ToUpperInvariant()} statement";
        Assert.True(result.Err.Contains(refusal, StringComparison.Ordinal), result.Err);
    }

    [Fact]
    public async Task An_event_of_the_model_does_not_fire_while_plan_reads_it_back()
    {
        var database = await _server.CreateDatabaseAsync("scratch_events");
        using var project = new ScratchProject(_server.Url(database));
        await project.ExecuteAsync(null, "CREATE TABLE log (id int PRIMARY KEY AUTO_INCREMENT, at datetime)");
        Assert.Equal("ON", await project.ScalarAsync(null, "SELECT @@GLOBAL.event_scheduler"));
        File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), $$"""
            tables:
              log:
                columns:
                  id: { type: int, primary_key: true, auto_increment: true }
                  at: { type: datetime, nullable: true }
            events:
              stamp: { schedule: "every 1 second", body: "INSERT INTO {{database}}.log (at) VALUES (now())" }
            """);

        project.Ok("plan", "-m", "stamp");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(0L, Convert.ToInt64(await project.ScalarAsync(null, "SELECT count(*) FROM log")));
        // The revision still creates it enabled, as the model says.
        var up = File.ReadAllText(Directory.GetFiles(project.Migrations, "*_stamp.up.sql").Single());
        Assert.Contains("ENABLE", up);
        Assert.DoesNotContain("DISABLE", up);
    }
}
