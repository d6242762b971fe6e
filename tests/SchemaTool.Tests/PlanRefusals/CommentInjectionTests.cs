using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// A line break in a name went raw into the revision's `-- create table ...` comment, and what followed it ran
/// as a statement at apply. Names holding control characters are refused; and names read from the database
/// (which may hold anything) are escaped in every comment line, so that the comment cannot end early.
/// </summary>
public sealed class CommentInjectionTests
{
    private const string Hostile = "x\nDROP TABLE victim;\n--";
    private const string Victim = "  victim:\n    columns:\n      id: { type: int, primary_key: true }\n";

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task A_model_table_named_with_a_line_break_is_refused_and_victim_survives(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect);
        project.WriteModel("tables:\n" + Victim);
        project.PlanAndApply("victim");
        project.WriteModel("tables:\n" + Victim + "  \"x\\nDROP TABLE victim;\\n--\":\n    columns:\n      id: { type: int }\n");

        var plan = project.Expect(2, "plan", "-m", "hostile");

        Assert.Contains("tables.yaml:5:3: table name 'x\\nDROP TABLE victim;\\n--' holds a line feed (\\n) at character 2; " +
                        "names cannot hold control characters: rename it", plan.Err);
        Assert.Equal(2, project.MigrationFiles().Count);
        Assert.Contains("victim", await project.AllTablesAsync());
    }

    [Theory]
    [InlineData("column", "      \"a\\u001b[2Jb\": { type: int }\n", "tables.yaml:5:7: column name 'a\\x1b[2Jb' holds an escape (ESC) (\\x1b) at character 2")]
    [InlineData("NUL", "      \"a\\0b\": { type: int }\n", "tables.yaml:5:7: column name 'a\\0b' holds NUL (\\0) at character 2")]
    [InlineData("carriage return", "      \"a\\rb\": { type: int }\n", "tables.yaml:5:7: column name 'a\\rb' holds a carriage return (\\r) at character 2")]
    [InlineData("zero-width space", "      \"us\\u200Bers\": { type: int }\n", "tables.yaml:5:7: column name 'us\\u200bers' holds an invisible character (\\u200b) at character 3")]
    [InlineData("byte order mark", "      \"\\uFEFFid2\": { type: int }\n", "tables.yaml:5:7: column name '\\ufeffid2' holds an invisible character (\\ufeff) at character 1")]
    [InlineData("soft hyphen", "      \"na\\u00ADme\": { type: int }\n", "tables.yaml:5:7: column name 'na\\xadme' holds an invisible character (\\xad) at character 3")]
    public void Other_control_characters_in_names_are_refused(string kind, string column, string message)
    {
        using var project = new SchemaTool.Tests.Support.TempProject();
        project.WriteModel("tables:\n" + Victim + column);

        var plan = project.Expect(2, "plan", "-m", kind);

        Assert.Contains(message, plan.Stderr);
        Assert.DoesNotContain("\u001b", plan.Stderr);
    }

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task A_database_table_named_with_a_line_break_is_dropped_with_its_name_escaped_in_the_comments(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect);
        project.WriteModel("tables:\n" + Victim);
        project.PlanAndApply("victim");
        await project.ExecuteAsync($"CREATE TABLE {project.Quote(Hostile)} (id int)");

        project.Ok("plan", "-m", "drop the odd table");
        var up = File.ReadAllText(Directory.GetFiles(project.Project.Migrations, "*_drop_the_odd_table.up.sql").Single());
        var down = File.ReadAllText(Directory.GetFiles(project.Project.Migrations, "*_drop_the_odd_table.down.sql").Single());
        Assert.Contains("-- drop table x\\nDROP TABLE victim;\\n--\n", up);
        Assert.Contains("-- WARNING: drops table x\\nDROP TABLE victim;\\n-- and all its rows\n", up);
        Assert.Contains("-- create table x\\nDROP TABLE victim;\\n--\n", down);
        project.Ok("apply");

        Assert.Equal(["schematool_history", "victim"], (await project.AllTablesAsync()).Where(t => t != "schematool_lock").ToList());
        project.Ok("rollback", "-1");
        Assert.Contains(Hostile, await project.AllTablesAsync());
        Assert.Contains("victim", await project.AllTablesAsync());
    }
}
