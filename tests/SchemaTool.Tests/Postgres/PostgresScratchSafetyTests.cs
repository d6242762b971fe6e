using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// plan creates the model's routines in a scratch schema, inside a transaction it rolls back, to read them as the
/// server prints them. A definition is run there as it is written, on the live database: one that is not a CREATE
/// FUNCTION or CREATE PROCEDURE would run whatever it says at plan, and what a rollback does not undo (a sequence's
/// value, a program COPY starts, a table created from a query that calls a function) would stay. Plan must refuse
/// it, with the place, before it runs anything.
/// </summary>
public sealed class PostgresScratchSafetyTests
{
    public static TheoryData<string, string> Attacks => new()
    {
        { "functions", "SELECT setval('public.victim_id_seq', 999)" },
        { "functions", "DO $$ BEGIN PERFORM setval('public.victim_id_seq', 999); END $$" },
        { "functions", "CREATE TABLE f AS SELECT setval('public.victim_id_seq', 999) AS v" },
        { "functions", "/* CREATE FUNCTION f() */ SELECT setval('public.victim_id_seq', 999)" },
        { "functions", "CREATE OR REPLACE RULE f AS ON INSERT TO victim DO ALSO SELECT 1" },
        { "procedures", "CALL f()" },
        { "procedures", "COPY (SELECT setval('public.victim_id_seq', 999)) TO STDOUT" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task A_definition_that_is_not_a_create_function_is_refused_before_plan_runs_it(string kind, string definition)
    {
        var name = await PostgresServer.Shared.CreateDatabaseAsync("scratchsafety");
        try
        {
            using var project = new ScratchProject(PostgresServer.Shared.Url(name));
            await project.ExecuteAsync(null, "CREATE TABLE victim (id serial PRIMARY KEY); INSERT INTO victim DEFAULT VALUES");
            File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), $"""
                tables:
                  victim:
                    columns:
                      id: {"{"} type: int, primary_key: true, auto_increment: true {"}"}
                {kind}:
                  f: {"{"} definition: "{definition}" {"}"}
                """);

            var result = project.Run("plan", "-m", "attack");

            Assert.Equal(1L, await project.ScalarAsync(null, "SELECT last_value FROM victim_id_seq"));
            Assert.Equal(0L, await project.ScalarAsync(null, "SELECT count(*) FROM pg_class WHERE relname = 'f'"));
            Assert.True(result.ExitCode == 2, result.ToString());
            var refusal = $"tables.yaml:6:20: definition of {kind.TrimEnd('s')} 'f': it is not one CREATE {kind.TrimEnd('s').ToUpperInvariant()} statement";
            Assert.True(result.Err.Contains(refusal, StringComparison.Ordinal), result.Err);
            Assert.Empty(Directory.GetFiles(project.Migrations));
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task A_language_c_function_is_refused_before_plan_loads_its_library()
    {
        // Created in the scratch schema, it would have the server load the library and run its start-up code.
        var name = await PostgresServer.Shared.CreateDatabaseAsync("scratchsafety");
        try
        {
            using var project = new ScratchProject(PostgresServer.Shared.Url(name));
            File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), """
                tables:
                  t:
                    columns:
                      id: { type: int, primary_key: true }
                functions:
                  handler: { definition: "CREATE FUNCTION handler() RETURNS language_handler LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler'" }
                """);

            var result = project.Run("plan", "-m", "attack");

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("function handler: a LANGUAGE c function is not modelled", result.Err);
            Assert.Empty(Directory.GetFiles(project.Migrations));
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task Inspect_names_a_language_c_function_and_leaves_it_out_of_the_model()
    {
        await using var db = await Adoption.AdoptedDatabase.InspectAsync("""
            CREATE TABLE t (id int PRIMARY KEY);
            CREATE FUNCTION handler() RETURNS language_handler LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
            CREATE FUNCTION plain() RETURNS int LANGUAGE sql AS 'SELECT 1';
            """);
        Assert.Contains("function handler", db.Inspection.LeftAlone.Select(SchemaTool.Yaml.ModelWriter.Describe));
        Assert.DoesNotContain("handler:", db.Yaml);
        Assert.Contains("plain:", db.Yaml);
        Assert.True((await db.PlanAsync(db.Original)).IsEmpty);
    }
}
