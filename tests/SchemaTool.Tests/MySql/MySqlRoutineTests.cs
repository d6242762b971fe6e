using SchemaTool.Revisions;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// Functions and procedures on the real MariaDB server: the model's CREATE statement in any spelling is compared as
/// SHOW CREATE prints it (without the DEFINER), a changed routine is dropped and created, every down file exact.
/// </summary>
public sealed class MySqlRoutineTests
{
    private const string Model = """
        tables:
          users:
            columns:
              id:   { type: int, primary_key: true }
              name: { type: varchar(40) }
        functions:
          add_one: { definition: "create   definer = current_user function add_one(x INT) returns int deterministic return x+1" }
        procedures:
          count_users:
            definition: |-
              CREATE PROCEDURE count_users(OUT n int)
              COMMENT 'how many'
              BEGIN
                SELECT COUNT(*) INTO n FROM users;
              END
        """;

    private static async Task<List<string>> RoutinesAsync(MySqlProject project) =>
        (await project.QueryAsync("""
            SELECT ROUTINE_TYPE, ROUTINE_NAME, ROUTINE_COMMENT, ROUTINE_DEFINITION
            FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY ROUTINE_NAME
            """)).Select(r => $"{r[0]} {r[1]} '{r[2]}': {r[3]}").ToList();


    [Fact]
    public async Task Functions_and_procedures_are_created_as_the_server_prints_them_and_rolled_back()
    {
        await using var project = await MySqlProject.CreateAsync("routines");
        var first = await project.ConvergeAsync(Model, "routines");

        Assert.Contains("CREATE FUNCTION `add_one`(x INT) RETURNS int(11)\n    DETERMINISTIC\nreturn x+1;\n", first.UpSql);
        Assert.Contains("CREATE PROCEDURE `count_users`(OUT n int)\n    COMMENT 'how many'\nBEGIN\n  SELECT COUNT(*) INTO n FROM users;\nEND;\n", first.UpSql);
        Assert.DoesNotContain("DEFINER", first.UpSql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("DROP FUNCTION `add_one`;", first.DownSql);
        Assert.Equal([
            "FUNCTION add_one '': return x+1",
            "PROCEDURE count_users 'how many': BEGIN\n  SELECT COUNT(*) INTO n FROM users;\nEND",
        ], await RoutinesAsync(project));
        Assert.Equal(42, Convert.ToInt32((await project.QueryAsync("SELECT add_one(41)")).Single()[0]));

        await project.RollbackAsync("base");
        Assert.Empty(await RoutinesAsync(project));
    }

    [Fact]
    public async Task A_changed_routine_is_dropped_and_created_and_the_down_file_restores_it_exactly()
    {
        await using var project = await MySqlProject.CreateAsync("routines_change");
        var first = await project.ConvergeAsync(Model, "routines");
        var before = await RoutinesAsync(project);

        var changed = await project.ConvergeAsync(Model.Replace("return x+1", "return x + 2"), "by two");
        var up = changed.UpSql;
        Assert.True(up.IndexOf("DROP FUNCTION `add_one`;", StringComparison.Ordinal) is var drop and >= 0
                    && up.IndexOf("CREATE FUNCTION `add_one`(x INT) RETURNS int(11)\n    DETERMINISTIC\nreturn x + 2;", StringComparison.Ordinal) > drop, up);
        Assert.Contains("CREATE FUNCTION `add_one`(x INT) RETURNS int(11)\n    DETERMINISTIC\nreturn x+1;", changed.DownSql);
        Assert.DoesNotContain("count_users", up);
        Assert.Equal(43, Convert.ToInt32((await project.QueryAsync("SELECT add_one(41)")).Single()[0]));

        await project.RollbackAsync(first.Id);
        Assert.Equal(before, await RoutinesAsync(project));
    }

    [Fact]
    public async Task A_definition_that_creates_another_routine_is_refused_at_plan()
    {
        await using var project = await MySqlProject.CreateAsync("routines_refused");
        var error = await Assert.ThrowsAsync<InputException>(() => project.PlanAsync(
            "functions:\n  add_one: { definition: \"CREATE PROCEDURE add_two() SELECT 1\" }\n"));
        Assert.Contains("function add_one: its definition creates procedure add_two", error.Message);
    }

    [Fact]
    public async Task Two_routines_of_one_server_name_are_refused_at_plan_naming_both_keys()
    {
        await using var project = await MySqlProject.CreateAsync("routines_same_name");
        var error = await Assert.ThrowsAsync<InputException>(() => project.PlanAsync("""
            functions:
              one_a: { name: one, definition: "CREATE FUNCTION one(x INT) RETURNS INT DETERMINISTIC RETURN x" }
              one_b: { name: one, definition: "CREATE FUNCTION one(x TEXT) RETURNS TEXT DETERMINISTIC RETURN x" }
            """));
        Assert.Contains("function one_b: MySQL has no overloads: function one_a is named one too", error.Message);
    }

    [Fact]
    public async Task A_routine_the_server_refuses_is_refused_at_plan_with_its_name()
    {
        await using var project = await MySqlProject.CreateAsync("routines_broken");
        var error = await Assert.ThrowsAsync<InputException>(() => project.PlanAsync(
            "functions:\n  f: { definition: \"CREATE FUNCTION f() RETURNS int RETURN (SELECT\" }\n"));
        Assert.Contains("function f: MySQL refuses it: You have an error in your SQL syntax", error.Message);
        await MySqlViewTests.AssertNoScratchDatabaseStaysAsync(project);
    }
}
