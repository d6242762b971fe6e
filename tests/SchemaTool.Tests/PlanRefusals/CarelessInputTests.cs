using System.Text;
using SchemaTool.Tests.PlanRefusals.Support;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// Input that plan accepted and apply then failed on (on MariaDB leaving a half-applied revision), or that SQLite
/// silently changed: each refused at plan, exit 2, at its place, with nothing written.
/// </summary>
public sealed class CarelessInputTests
{
    private const string Head = "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n";

    private static void AssertRefused(string column, string message)
    {
        using var project = new TempProject();
        project.WriteModel(Head + column);

        var plan = project.Expect(2, "plan", "-m", "careless");

        Assert.Contains(message, plan.Stderr);
        Assert.StartsWith("error: ", plan.Stderr);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public void A_number_as_type() =>
        AssertRefused("      a: { type: 5 }\n", "tables.yaml:5:18: column 't.a': type '5' is not a type: a type starts with a name, not a number");

    [Fact]
    public void A_negative_length() =>
        AssertRefused("      a: { type: varchar(-5) }\n", "tables.yaml:5:18: column 't.a': type varchar(-5): the length of varchar is between 1 and 10485760, not -5");

    [Fact]
    public void A_length_that_is_not_a_number() =>
        AssertRefused("      a: { type: varchar(abc) }\n", "tables.yaml:5:18: column 't.a': type varchar(abc): the length of varchar is one whole number: varchar(64)");

    [Fact]
    public void A_length_past_any_integer() =>
        AssertRefused("      a: { type: varchar(99999999999999999999) }\n",
            "tables.yaml:5:18: column 't.a': type 'varchar(99999999999999999999)' is not a type: the modifier 99999999999999999999 is not a whole number in range");

    [Fact]
    public void A_precision_and_scale_out_of_range() =>
        AssertRefused("      a: { type: \"decimal(5000,9000)\" }\n", "tables.yaml:5:18: column 't.a': type decimal(5000,9000): the precision of decimal is between 1 and 1000, not 5000");

    [Fact]
    public void A_scale_past_the_precision() =>
        AssertRefused("      a: { type: \"decimal(5,9)\" }\n", "column 't.a': type decimal(5,9): the scale of decimal is between 0 and its precision (5), not 9");

    [Fact]
    public void A_text_default_on_an_int_column() =>
        AssertRefused("      a: { type: int, default: hello }\n",
            "tables.yaml:5:32: column 't.a': default 'hello' is not a number, and the column is int: write a number, or use `default_sql:` for an expression");

    [Fact]
    public void No_columns() =>
        AssertRefused("  u:\n    columns: {}\n", "tables.yaml:5:3: table 'u' has no columns, and SQLite cannot make a table without any: add columns");

    [Fact]
    public void An_empty_table_name() =>
        AssertRefused("  \"\":\n    columns:\n      a: { type: int }\n", "tables.yaml:5:3: table name is empty; give it a name");

    [Fact]
    public void An_empty_column_name() =>
        AssertRefused("      \"\": { type: int }\n", "tables.yaml:5:7: column name is empty; give it a name");

    [Fact]
    public void A_table_named_like_the_history_table() =>
        AssertRefused("  schematool_history:\n    columns:\n      a: { type: int }\n",
            "tables.yaml:5:3: table 'schematool_history' has the name of schematool's own table schematool_history (the history table)");

    [Fact]
    public void A_nul_in_a_name() =>
        AssertRefused("      \"a\\0b\": { type: int }\n", "tables.yaml:5:7: column name 'a\\0b' holds NUL (\\0) at character 2");

    [Fact]
    public void A_nul_in_the_file()
    {
        using var project = new TempProject();
        project.WriteModel(Head + "      a: { type: int, comment: x\0y }\n");

        var plan = project.Expect(2, "plan", "-m", "nul");

        Assert.Contains("tables.yaml:5:33: the file holds a NUL character (\\0); a model file is text: remove it", plan.Stderr);
    }

    [Fact]
    public void Invalid_utf8_in_a_model_file()
    {
        using var project = new TempProject();
        var bytes = Encoding.UTF8.GetBytes(Head + "      na").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("me: { type: int }\n")).ToArray();
        File.WriteAllBytes(Path.Combine(project.SchemaDirectory, "tables.yaml"), bytes);

        var plan = project.Expect(2, "plan", "-m", "bytes");

        Assert.Contains("tables.yaml:5:9: the file is not valid UTF-8 (byte 0xFF); save it as UTF-8", plan.Stderr);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public void Auto_increment_on_a_text_column_on_sqlite() =>
        AssertRefused("  u:\n    columns:\n      code: { type: text, primary_key: true, auto_increment: true }\n",
            "tables.yaml:7:7: column 'u.code': auto_increment needs an integer type (int or bigint), not text: SQLite would make the column INTEGER");

    [Fact]
    public async Task A_name_over_64_characters_on_mariadb_leaves_no_half_applied_revision()
    {
        using var project = await DialectProject.CreateAsync("mysql");
        project.WriteModel(Head + $"      {new string('c', 65)}: {{ type: int }}\n");

        var plan = project.Expect(2, "plan", "-m", "long");

        Assert.Contains($"tables.yaml:5:7: column name 't.{new string('c', 65)}' is 65 characters long; MySQL names are at most 64 characters", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public async Task A_trailing_space_in_a_name_on_mariadb()
    {
        using var project = await DialectProject.CreateAsync("mysql");
        project.WriteModel(Head + "      \"name \": { type: int }\n");

        var plan = project.Expect(2, "plan", "-m", "space");

        Assert.Contains("tables.yaml:5:7: column name 't.name ' ends with a space, which MySQL does not allow in a name: remove it", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }
}
