using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>Models that are easy to get wrong on SQLite: after plan + apply, a second plan finds nothing.</summary>
public sealed class SqliteConvergenceTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "bigint key", "id: { type: bigint, primary_key: true }" },
        { "bigint auto_increment key", "id: { type: bigint, primary_key: true, auto_increment: true }" },
        { "text key", "id: { type: text, primary_key: true }" },
        { "type in upper case", "id: { type: INT, primary_key: true }\n      n: { type: VARCHAR(10) }" },
        { "type with spaces", "id: { type: int, primary_key: true }\n      n: { type: \"decimal( 10 , 2 )\" }" },
        { "double precision", "id: { type: int, primary_key: true }\n      n: { type: double precision }" },
        { "exponent default", "id: { type: int, primary_key: true }\n      n: { type: real, default: 1e5 }" },
        { "plus sign default", "id: { type: int, primary_key: true }\n      n: { type: int, default: +5 }" },
        { "trailing zero default", "id: { type: int, primary_key: true }\n      n: { type: real, default: 1.50 }" },
        { "string that looks like SQL", "id: { type: int, primary_key: true }\n      n: { type: text, default: \"CURRENT_TIMESTAMP\" }" },
        { "string that looks like a number", "id: { type: int, primary_key: true }\n      n: { type: text, default: \"12\" }" },
        { "default_sql literal string", "id: { type: int, primary_key: true }\n      n: { type: text, default_sql: \"'abc'\" }" },
        { "default_sql in parentheses", "id: { type: int, primary_key: true }\n      n: { type: int, default_sql: \"(1 + 2)\" }" },
        { "default_sql NULL", "id: { type: int, primary_key: true }\n      n: { type: int, nullable: true, default_sql: \"NULL\" }" },
        { "lower-case current_timestamp", "id: { type: int, primary_key: true }\n      n: { type: timestamp, default_sql: current_timestamp }" },
        { "string default with a newline", "id: { type: int, primary_key: true }\n      n: { type: text, default: \"a\\nb\" }" },
        { "collation in lower case", "id: { type: int, primary_key: true }\n      n: { type: text, collation: nocase }" },
        { "check with a trailing space", "id: { type: int, primary_key: true }\n    checks:\n      ck: \"id > 0 \"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_second_plan_finds_nothing(string name, string columns)
    {
        using var project = new TempProject();
        project.WriteModel($"tables:\n  t:\n    columns:\n      {columns}\n");
        var plan = project.Run("plan", "-m", name);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        project.Ok("apply");
        var again = project.Ok("plan", "-m", "again");
        Assert.True(again.Stdout.Contains("no changes"), $"{name}: second plan\n{again}\n{File.ReadAllText(Directory.GetFiles(project.MigrationsDirectory, "*.up.sql").Order().First())}");
    }
}
