using System.Text.RegularExpressions;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Cli;

/// <summary>Bad input writes nothing (exit 2); a failing revision leaves the database at the previous one (exit 3).</summary>
public sealed partial class PlanAndApplySafetyTests
{
    private const string Roles = """
        tables:
          roles:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(64), unique: true }
        """;

    private const string RolesAndTeams = Roles + """

          teams:
            columns:
              id: { type: int, primary_key: true }
        """;

    [GeneratedRegex(@"^wrote revision ([0-9a-f]{12}): ", RegexOptions.Multiline)]
    private static partial Regex WroteRevision();

    private static string Plan(TempProject project, string message) =>
        WroteRevision().Match(project.Ok("plan", "-m", message).Stdout).Groups[1].Value;

    [Fact]
    public void Malformed_yaml_exits_2_with_file_line_column_and_writes_nothing()
    {
        using var project = new TempProject();
        project.WriteModel("tables:\n  roles:\n    columns: { id: { type: int }\n");

        var result = project.Expect(2, "plan", "-m", "first");

        var error = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^error: \S*schema/tables\.yaml:4:1: malformed YAML: ", error);
        Assert.Empty(project.MigrationFiles());
        Assert.False(File.Exists(project.DatabasePath), "a failed plan must not even create the database file");
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void An_unknown_key_exits_2_naming_the_key_and_writes_nothing()
    {
        using var project = new TempProject();
        project.WriteModel("tables:\n  roles:\n    columns:\n      id: { type: int, primary_key: true, nulable: true }\n");

        var result = project.Expect(2, "plan", "-m", "first");

        Assert.Matches(@"^error: \S*schema/tables\.yaml:4:43: unknown key 'nulable' in column 'roles\.id'; did you mean nullable\? expected one of: ", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.Empty(project.MigrationFiles());
        Assert.False(File.Exists(project.DatabasePath));
    }

    [Fact]
    public void A_model_error_after_a_first_revision_writes_no_second_one()
    {
        using var project = new TempProject();
        project.WriteModel(Roles);
        Plan(project, "first");
        project.Ok("apply");
        project.WriteModel(Roles.Replace("unique: true", "unique: true, colour: red"));

        var result = project.Expect(2, "plan", "-m", "second");

        Assert.Contains("unknown key 'colour'", result.Stderr);
        Assert.Equal(2, project.MigrationFiles().Count);
    }

    [Fact]
    public void Plan_refuses_when_the_database_is_not_at_head()
    {
        using var project = new TempProject();
        project.WriteModel(Roles);
        var first = Plan(project, "first");
        project.WriteModel(RolesAndTeams);

        var result = project.Expect(2, "plan", "-m", "second");

        Assert.Contains("not at head", result.Stderr);
        Assert.Contains(first, result.Stderr);
        Assert.Contains("schematool apply", result.Stderr);
        Assert.Equal(2, project.MigrationFiles().Count);
    }

    [Fact]
    public void Dry_run_prints_the_sql_and_writes_nothing()
    {
        using var project = new TempProject();
        project.WriteModel(Roles);

        var result = project.Ok("plan", "--dry-run");

        Assert.Contains("CREATE TABLE \"roles\"", result.Stdout);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public void Apply_refuses_an_edited_applied_revision_naming_the_file_unless_allowed()
    {
        using var project = new TempProject();
        project.WriteModel(Roles);
        var first = Plan(project, "first");
        project.Ok("apply");
        var up = project.UpFile(first);
        File.AppendAllText(up, "-- reviewed by bob\n");

        var refused = project.Expect(2, "apply");

        Assert.Contains(Path.GetFileName(up), refused.Stderr);
        Assert.Contains($"revision {first} was edited after it was applied", refused.Stderr);
        Assert.Contains("--allow-changed", refused.Stderr);
        Assert.Equal(2, project.Expect(2, "rollback", "base").ExitCode);

        project.Ok("apply", "--allow-changed");
        project.Ok("rollback", "base", "--allow-changed");
        Assert.Equal(["schematool_history"], project.Objects("table"));
    }

    [Fact]
    public void Apply_refuses_when_an_applied_revision_file_is_removed()
    {
        using var project = new TempProject();
        project.WriteModel(Roles);
        var first = Plan(project, "first");
        project.Ok("apply");
        File.Delete(project.UpFile(first));
        File.Delete(project.DownFile(first));

        var refused = project.Expect(2, "apply");

        Assert.Contains($"revision {first} (first) is applied but its files are gone", refused.Stderr);
    }

    [Fact]
    public void A_bad_statement_exits_3_naming_revision_and_statement_and_leaves_the_previous_revision()
    {
        using var project = new TempProject();
        project.WriteModel(Roles);
        var first = Plan(project, "first");
        project.Ok("apply");
        project.Execute("INSERT INTO roles (name) VALUES ('admin')");
        project.WriteModel(RolesAndTeams);
        var second = Plan(project, "teams");
        File.AppendAllText(project.UpFile(second), "INSERT INTO roles (name) VALUES ('ops');\nINSERT INTO no_such_table VALUES (1);\n");

        var result = project.Expect(3, "apply");

        Assert.Contains($"revision {second} failed at statement 3 of 3", result.Stderr);
        Assert.Contains("INSERT INTO no_such_table VALUES (1)", result.Stderr);
        Assert.Contains("no such table: no_such_table", result.Stderr);
        Assert.Contains("rolled back whole", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        // exactly at the first revision: no teams table, no row from the failed revision, history unchanged
        Assert.Equal(["roles", "schematool_history"], project.Objects("table"));
        Assert.Equal(["admin"], project.Query("SELECT name FROM roles"));
        Assert.Equal([first], project.Query("SELECT revision FROM schematool_history"));

        // fixed by hand, it applies
        File.WriteAllText(project.UpFile(second), File.ReadAllText(project.UpFile(second)).Replace("INSERT INTO no_such_table VALUES (1);\n", ""));
        project.Ok("apply");
        Assert.Equal(["admin", "ops"], project.Query("SELECT name FROM roles ORDER BY name"));
        Assert.Equal([first, second], project.Query("SELECT revision FROM schematool_history ORDER BY rowid"));
    }

    [Fact]
    public void A_failed_rollback_exits_3_and_leaves_the_revision_applied()
    {
        using var project = new TempProject();
        project.WriteModel(Roles);
        var first = Plan(project, "first");
        project.Ok("apply");
        File.AppendAllText(project.DownFile(first), "DROP TABLE no_such_table;\n");

        // The down file was edited after apply, which rollback refuses (exit 2) unless told to run it anyway.
        project.Expect(2, "rollback", "base");
        var result = project.Expect(3, "rollback", "base", "--allow-changed");

        Assert.Contains($"revision {first} failed at statement", result.Stderr);
        Assert.Contains(".down.sql", result.Stderr);
        Assert.Equal(["roles", "schematool_history"], project.Objects("table"));
        Assert.Equal([first], project.Query("SELECT revision FROM schematool_history"));
    }
}
