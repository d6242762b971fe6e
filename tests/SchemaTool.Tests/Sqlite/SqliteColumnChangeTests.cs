using System.Text.RegularExpressions;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>Adding and dropping columns of every kind on a table with rows, and undoing it: both files must run.</summary>
public sealed partial class SqliteColumnChangeTests
{
    [GeneratedRegex(@"^wrote revision ([0-9a-f]{12}): ", RegexOptions.Multiline)]
    private static partial Regex WroteRevision();

    private static string PlanAndApply(TempProject project, string yaml, string message)
    {
        project.WriteModel(yaml);
        var plan = project.Ok("plan", "-m", message);
        var revision = WroteRevision().Match(plan.Stdout).Groups[1].Value;
        Assert.True(revision.Length == 12, "no revision written:\n" + plan);
        project.Ok("apply");
        Assert.Contains("no changes", project.Ok("plan", "-m", "converged?").Stdout);
        return revision;
    }

    private const string Items = "tables:\n  items:\n    columns:\n      id: { type: int, primary_key: true }\n      name: { type: varchar(20) }\n";

    public static TheoryData<string, string> Columns() => new()
    {
        { "nullable", "extra: { type: text, nullable: true }" },
        { "not null with a default", "extra: { type: int, default: 7 }" },
        { "not null with a string default", "extra: { type: text, default: \"it's\" }" },
        { "not null without a default", "extra: { type: int }" },
        { "with an expression default", "extra: { type: timestamp, default_sql: CURRENT_TIMESTAMP }" },
        { "with a collation", "extra: { type: text, nullable: true, collation: nocase }" },
        { "unique", "extra: { type: int, nullable: true, unique: true }" },
        { "indexed", "extra: { type: int, default: 0, index: true }" },
        { "virtual generated", "extra: { type: text, nullable: true, generated: { expression: \"upper(name)\" } }" },
        { "stored generated", "extra: { type: text, nullable: true, generated: { expression: \"upper(name)\", stored: true } }" },
        { "with a foreign key", "extra: { type: int, nullable: true, references: items.id }" },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Adding_a_column_and_rolling_it_back_on_an_empty_table(string kind, string column)
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Items, "first");
        PlanAndApply(project, Items + "      " + column + "\n", "add " + kind);
        project.Ok("rollback", first);
        Assert.Equal(["id", "name"], project.Query("SELECT name FROM pragma_table_xinfo('items') ORDER BY cid"));
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void Dropping_a_column_and_rolling_it_back_on_an_empty_table(string kind, string column)
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Items + "      " + column + "\n", "with " + kind);
        PlanAndApply(project, Items, "drop " + kind);
        project.Ok("rollback", first);
        Assert.Equal(["id", "name", "extra"], project.Query("SELECT name FROM pragma_table_xinfo('items') ORDER BY cid"));
    }

    [Theory]
    [MemberData(nameof(Columns))]
    public void Adding_a_column_to_a_table_with_rows_keeps_them(string kind, string column)
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Items, "first");
        project.Execute("INSERT INTO items VALUES (1, 'a'), (2, 'b')");
        project.WriteModel(Items + "      " + column + "\n");

        if (kind == "not null without a default")
        {
            // No value for the existing rows: plan refuses, and writes nothing.
            var plan = project.Expect(2, "plan", "-m", "add " + kind);
            Assert.Contains("column 'items.extra' is added NOT NULL without a default, and table 'items' has rows", plan.Stderr);
            Assert.Equal(2, project.MigrationFiles().Count);
        }
        else
        {
            project.Ok("plan", "-m", "add " + kind);
            var apply = project.Run("apply");
            Assert.True(apply.ExitCode == 0, apply.ToString());
            project.Ok("rollback", first);
        }
        Assert.Equal(["1|a", "2|b"], project.Query("SELECT id, name FROM items ORDER BY id"));
    }
}
