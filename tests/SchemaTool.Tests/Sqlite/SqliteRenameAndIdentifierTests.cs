using System.Text.RegularExpressions;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>Renames that other tables point at, rebuilds that children reference, and identifiers that need quoting.</summary>
public sealed partial class SqliteRenameAndIdentifierTests
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

    private const string Teams = """
        tables:
          teams:
            columns:
              id:   { type: int, primary_key: true }
              name: { type: varchar(32) }
          users:
            columns:
              id:      { type: int, primary_key: true }
              team_id: { type: int, nullable: true, references: teams.id, on_delete: cascade }
        """;

    [Fact]
    public void Child_rows_with_on_delete_cascade_survive_a_rebuild_of_their_parent()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Teams, "first");
        project.Execute("INSERT INTO teams VALUES (1, 'red'), (2, 'blue'); INSERT INTO users VALUES (10, 1), (20, 2), (30, NULL)");

        PlanAndApply(project, Teams.Replace("varchar(32)", "varchar(64)"), "wider team name");
        Assert.Equal(["10|1", "20|2", "30|NULL"], project.Query("SELECT * FROM users ORDER BY id"));

        project.Ok("rollback", first);
        Assert.Equal(["10|1", "20|2", "30|NULL"], project.Query("SELECT * FROM users ORDER BY id"));
        Assert.Equal(["1|red", "2|blue"], project.Query("SELECT * FROM teams ORDER BY id"));
    }

    [Fact]
    public void Renaming_a_referenced_table_keeps_the_references_and_converges()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Teams, "first");
        project.Execute("INSERT INTO teams VALUES (1, 'red'); INSERT INTO users VALUES (10, 1)");

        PlanAndApply(project, Teams.Replace("  teams:\n", "  squads:\n    renamed_from: teams\n").Replace("teams.id", "squads.id"), "rename");
        Assert.Equal(["schematool_history", "squads", "users"], project.Objects("table"));
        Assert.Equal(["squads|id"], project.Query("SELECT \"table\", \"to\" FROM pragma_foreign_key_list('users')"));
        Assert.Equal(["1|red"], project.Query("SELECT * FROM squads"));

        project.Ok("rollback", first);
        Assert.Equal(["teams|id"], project.Query("SELECT \"table\", \"to\" FROM pragma_foreign_key_list('users')"));
        Assert.Equal(["1|red"], project.Query("SELECT * FROM teams"));
    }

    [Fact]
    public void Renaming_a_table_and_rebuilding_it_in_one_revision()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Teams, "first");
        project.Execute("INSERT INTO teams VALUES (1, 'red'); INSERT INTO users VALUES (10, 1)");

        PlanAndApply(project, Teams.Replace("  teams:\n", "  squads:\n    renamed_from: teams\n").Replace("teams.id", "squads.id").Replace("varchar(32)", "varchar(99)"), "rename and widen");
        Assert.Equal(["varchar(99)"], project.Query("SELECT type FROM pragma_table_info('squads') WHERE name = 'name'"));
        Assert.Equal(["1|red"], project.Query("SELECT * FROM squads"));
        Assert.Equal(["10|1"], project.Query("SELECT * FROM users"));

        project.Ok("rollback", first);
        Assert.Equal(["schematool_history", "teams", "users"], project.Objects("table"));
        Assert.Equal(["1|red"], project.Query("SELECT * FROM teams"));
    }

    [Fact]
    public void Renaming_a_referenced_column_keeps_the_reference_and_converges()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Teams, "first");
        project.Execute("INSERT INTO teams VALUES (1, 'red'); INSERT INTO users VALUES (10, 1)");

        PlanAndApply(project, Teams.Replace("      id:   { type: int, primary_key: true }", "      team_no: { type: int, primary_key: true, renamed_from: id }").Replace("teams.id", "teams.team_no"), "rename key");
        Assert.Equal(["teams|team_no"], project.Query("SELECT \"table\", \"to\" FROM pragma_foreign_key_list('users')"));

        project.Ok("rollback", first);
        Assert.Equal(["teams|id"], project.Query("SELECT \"table\", \"to\" FROM pragma_foreign_key_list('users')"));
    }

    // Generated seed 972: the rebuild copied the renamed key into a new table, but users' foreign key still named
    // teams(id) ("foreign key mismatch"). The rename now runs in place first, and SQLite rewrites the reference.
    [Fact]
    public void Renaming_a_referenced_key_column_of_a_rebuilt_table_keeps_the_reference()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Teams, "first");
        project.Execute("INSERT INTO teams VALUES (1, 'red'); INSERT INTO users VALUES (10, 1)");

        PlanAndApply(project, Teams.Replace("      id:   { type: int, primary_key: true }", "      team_no: { type: int, primary_key: true, renamed_from: id }")
            .Replace("teams.id", "teams.team_no").Replace("varchar(32)", "varchar(64)"), "rename key and widen");
        Assert.Equal(["teams|team_no"], project.Query("SELECT \"table\", \"to\" FROM pragma_foreign_key_list('users')"));
        Assert.Equal(["1|red"], project.Query("SELECT team_no, name FROM teams"));
        Assert.Equal(["10|1"], project.Query("SELECT * FROM users"));

        project.Ok("rollback", first);
        Assert.Equal(["teams|id"], project.Query("SELECT \"table\", \"to\" FROM pragma_foreign_key_list('users')"));
        Assert.Equal(["1|red"], project.Query("SELECT id, name FROM teams"));
        Assert.Equal(["10|1"], project.Query("SELECT * FROM users"));
    }

    // Generated seed 1173: the child's rebuild must see the parent's table and column renames that ran before it,
    // or its down script creates a reference to the old table name with the new column name.
    [Fact]
    public void Rebuilding_a_child_while_its_parent_table_and_key_are_renamed_rolls_back()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Teams, "first");
        project.Execute("INSERT INTO teams VALUES (1, 'red'); INSERT INTO users VALUES (10, 1)");

        PlanAndApply(project, Teams.Replace("  teams:\n", "  squads:\n    renamed_from: teams\n")
            .Replace("      id:   { type: int, primary_key: true }", "      squad_no: { type: int, primary_key: true, renamed_from: id }")
            .Replace("references: teams.id, on_delete: cascade", "references: squads.squad_no, on_delete: set null"), "rename parent, rebuild child");
        Assert.Equal(["squads|squad_no|SET NULL"], project.Query("SELECT \"table\", \"to\", on_delete FROM pragma_foreign_key_list('users')"));
        Assert.Equal(["10|1"], project.Query("SELECT * FROM users"));

        project.Ok("rollback", first);
        Assert.Equal(["teams|id|CASCADE"], project.Query("SELECT \"table\", \"to\", on_delete FROM pragma_foreign_key_list('users')"));
        Assert.Equal(["1|red"], project.Query("SELECT id, name FROM teams"));
        Assert.Equal(["10|1"], project.Query("SELECT * FROM users"));
    }

    [Fact]
    public void Renaming_a_column_used_by_a_check_an_expression_index_and_a_partial_index_converges()
    {
        const string yaml = """
            tables:
              users:
                columns:
                  id:    { type: int, primary_key: true }
                  login: { type: varchar(20) }
                checks:
                  ck_users_login: "login <> ''"
                indexes:
                  ix_users_lower: { columns: [{ expression: "lower(login)" }] }
                  ix_users_partial: { columns: [id], where: "login IS NOT NULL" }
            """;
        using var project = new TempProject();
        var first = PlanAndApply(project, yaml, "first");
        project.Execute("INSERT INTO users VALUES (1, 'Ann')");

        PlanAndApply(project, yaml.Replace("login: { type: varchar(20) }", "username: { type: varchar(20), renamed_from: login }").Replace("login <>", "username <>")
            .Replace("lower(login)", "lower(username)").Replace("login IS", "username IS"), "rename login");
        Assert.Equal(["1|Ann"], project.Query("SELECT id, username FROM users"));

        project.Ok("rollback", first);
        Assert.Equal(["1|Ann"], project.Query("SELECT id, login FROM users"));
    }

    [Fact]
    public void Identifiers_that_need_quoting_round_trip_and_rebuild()
    {
        const string yaml = """
            tables:
              order:
                columns:
                  "group":       { type: int, primary_key: true }
                  "select":      { type: varchar(10), index: true }
                  "with space":  { type: text, nullable: true }
                  "say \"hi\"":  { type: text, nullable: true, default: "it's" }
                checks:
                  ck_order_select: "\"select\" <> ''"
              "Mixed Case":
                columns:
                  id: { type: int, primary_key: true }
                  order_group: { type: int, references: order.group }
            """;
        using var project = new TempProject();
        var first = PlanAndApply(project, yaml, "awkward names");
        project.Execute("INSERT INTO \"order\" VALUES (1, 'a', 'b c', 'd'); INSERT INTO \"Mixed Case\" VALUES (5, 1)");

        PlanAndApply(project, yaml.Replace("varchar(10)", "varchar(20)"), "rebuild awkward");
        Assert.Equal(["1|a|b c|d"], project.Query("SELECT * FROM \"order\""));
        Assert.Equal(["5|1"], project.Query("SELECT * FROM \"Mixed Case\""));

        project.Ok("rollback", first);
        project.Ok("rollback", "base");
        Assert.Equal(["schematool_history"], project.Objects("table"));
    }

    [Fact]
    public void A_rebuilt_autoincrement_table_does_not_reuse_ids()
    {
        const string yaml = "tables:\n  items:\n    columns:\n      id: { type: int, primary_key: true, auto_increment: true }\n      name: { type: varchar(10) }\n";
        using var project = new TempProject();
        PlanAndApply(project, yaml, "first");
        project.Execute("INSERT INTO items (name) VALUES ('a'), ('b'), ('c'); DELETE FROM items WHERE id = 3");

        PlanAndApply(project, yaml.Replace("varchar(10)", "varchar(20)"), "rebuild");
        project.Execute("INSERT INTO items (name) VALUES ('d')");

        Assert.Equal(["1|a", "2|b", "4|d"], project.Query("SELECT * FROM items ORDER BY id"));
    }

    [Fact]
    public void A_table_renamed_only_by_case_keeps_its_rows_and_references()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Teams, "first");
        project.Execute("INSERT INTO teams VALUES (1, 'red'); INSERT INTO users VALUES (10, 1)");

        PlanAndApply(project, Teams.Replace("  teams:\n", "  Teams:\n").Replace("teams.id", "Teams.id").Replace("name: {", "Name: {"), "case only");
        Assert.Equal(["Teams", "schematool_history", "users"], project.Objects("table"));
        Assert.Equal(["id", "Name"], project.Query("SELECT name FROM pragma_table_info('Teams')"));
        Assert.Equal(["1|red"], project.Query("SELECT * FROM \"Teams\""));
        Assert.Equal(["Teams|id"], project.Query("SELECT \"table\", \"to\" FROM pragma_foreign_key_list('users')"));

        project.Ok("rollback", first);
        Assert.Equal(["schematool_history", "teams", "users"], project.Objects("table"));
        Assert.Equal(["1|red"], project.Query("SELECT * FROM teams"));
        Assert.Equal(["10|1"], project.Query("SELECT * FROM users"));
    }
}
