using System.Text.RegularExpressions;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>TRAPS.md on SQLite, each as a named case on a real file: rebuilds keep what the model does not carry, and lose no rows.</summary>
public sealed partial class SqliteTrapTests
{
    [GeneratedRegex(@"^wrote revision ([0-9a-f]{12}): ", RegexOptions.Multiline)]
    private static partial Regex WroteRevision();

    private static string PlanAndApply(TempProject project, string yaml, string message)
    {
        project.WriteModel(yaml);
        var revision = WroteRevision().Match(project.Ok("plan", "-m", message).Stdout).Groups[1].Value;
        Assert.NotEqual("", revision);
        project.Ok("apply");
        Assert.Contains("no changes", project.Ok("plan", "-m", "converged?").Stdout);
        return revision;
    }

    private const string Users = """
        tables:
          teams:
            columns:
              id:   { type: int, primary_key: true }
              name: { type: varchar(32), unique: true }
          users:
            columns:
              id:      { type: int, primary_key: true, auto_increment: true }
              name:    { type: varchar(64), index: true }
              score:   { type: int, default: 0 }
              team_id: { type: int, nullable: true, references: teams.id }
              note:    { type: text, nullable: true }
            indexes:
              ix_users_lower: { columns: [{ expression: "lower(name)" }] }
        """;

    private static void Seed(TempProject project) =>
        project.Execute("INSERT INTO teams (id, name) VALUES (1, 'red'), (2, 'blue'); " +
                        "INSERT INTO users (id, name, score, team_id, note) VALUES (1, 'ann', 5, 1, 'a'), (2, 'bo''b', 7, 2, NULL), (3, 'cy', 0, 1, 'c')");

    private static string BumpTrigger(string table) =>
        $"\ntriggers:\n  trg_users_bump: {{ table: {table}, timing: after, events: [insert], body: \"UPDATE {table} SET score = score + 100 WHERE id = NEW.id;\" }}\n";

    [Fact]
    public void A_rebuild_keeps_the_tables_triggers_and_indexes()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Users, "first");
        project.Execute("CREATE TRIGGER trg_users_bump AFTER INSERT ON users BEGIN UPDATE users SET score = score + 100 WHERE id = NEW.id; END");
        // The trigger written by hand is what the model says, in other words: adopting it changes nothing.
        project.WriteModel(Users + BumpTrigger("users"));
        Assert.Contains("no changes", project.Ok("plan", "-m", "adopt").Stdout);
        project.WriteModel(Users.Replace("varchar(64)", "varchar(200)") + BumpTrigger("users"));

        var plan = project.Ok("plan", "-m", "wider name");
        Assert.Contains("alter column users.name (by rebuilding the table)", plan.Stdout);
        project.Ok("apply");

        Assert.Equal(["trg_users_bump"], project.Objects("trigger"));
        Assert.Equal(["ix_users_lower", "ix_users_name", "uq_teams_name"], project.Objects("index"));
        project.Execute("INSERT INTO users (id, name) VALUES (9, 'new')");
        Assert.Equal(["100"], project.Query("SELECT score FROM users WHERE id = 9"));
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Stdout);

        project.Execute("DELETE FROM users WHERE id = 9");
        project.Ok("rollback", "-1");
        Assert.Equal([first], project.Query("SELECT revision FROM schematool_history"));
        Assert.Equal(["trg_users_bump"], project.Objects("trigger"));
        Assert.Equal(["varchar(64)"], project.Query("SELECT type FROM pragma_table_info('users') WHERE name = 'name'"));
    }

    [Fact]
    public void A_table_renamed_and_rebuilt_in_one_revision_keeps_its_trigger()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Users + BumpTrigger("users"), "first");

        PlanAndApply(project, Users.Replace("  users:\n", "  members:\n    renamed_from: users\n").Replace("varchar(64)", "varchar(99)") + BumpTrigger("members"), "rename and widen");
        Assert.Equal(["trg_users_bump"], project.Objects("trigger"));
        project.Execute("INSERT INTO members (id, name) VALUES (9, 'new')");
        Assert.Equal(["100"], project.Query("SELECT score FROM members WHERE id = 9"));

        project.Execute("DELETE FROM members");
        project.Ok("rollback", first);
        project.Execute("INSERT INTO users (id, name) VALUES (9, 'new')");
        Assert.Equal(["100"], project.Query("SELECT score FROM users WHERE id = 9"));
    }

    [Fact]
    public void A_rebuild_keeps_without_rowid_and_strict()
    {
        using var project = new TempProject();
        project.Execute("CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v INTEGER) WITHOUT ROWID, STRICT; INSERT INTO kv VALUES ('a', 1), ('b', 2)");
        const string model = "tables:\n  kv:\n    without_rowid: true\n    strict: true\n    columns:\n      k: { type: text, primary_key: true }\n      v: { type: integer, nullable: true }\n";
        project.WriteModel(model);
        var adopt = project.Ok("plan", "-m", "adopt");
        Assert.Contains("no changes", adopt.Stdout);
        Assert.DoesNotContain("note:", adopt.Stdout);

        var first = PlanAndApply(project, model + "  other:\n    columns:\n      id: { type: int, primary_key: true }\n", "first");
        PlanAndApply(project, model.Replace("integer, nullable: true", "integer") + "  other:\n    columns:\n      id: { type: int, primary_key: true }\n", "v not null");

        Assert.EndsWith(") WITHOUT ROWID, STRICT", project.Query("SELECT sql FROM sqlite_schema WHERE name = 'kv'").Single());
        Assert.Equal(["a|1", "b|2"], project.Query("SELECT * FROM kv ORDER BY k"));
        project.Ok("rollback", first);
        Assert.EndsWith(") WITHOUT ROWID, STRICT", project.Query("SELECT sql FROM sqlite_schema WHERE name = 'kv'").Single());
        Assert.Equal(["a|1", "b|2"], project.Query("SELECT * FROM kv ORDER BY k"));
    }

    public static TheoryData<string, string, string> Rebuilds() => new()
    {
        { "type widened", Users.Replace("varchar(64)", "varchar(100)"), "1|ann|5|1|a,2|bo'b|7|2|NULL,3|cy|0|1|c" },
        { "made NOT NULL", Users.Replace("team_id: { type: int, nullable: true,", "team_id: { type: int,"), "1|ann|5|1|a,2|bo'b|7|2|NULL,3|cy|0|1|c" },
        { "column with a foreign key dropped", Users.Replace("      team_id: { type: int, nullable: true, references: teams.id }\n", ""), "1|ann|5|a,2|bo'b|7|NULL,3|cy|0|c" },
        { "foreign key added", Users.Replace("note:    { type: text, nullable: true }", "note:    { type: varchar(32), nullable: true, references: teams.name }"), "1|ann|5|1|a,2|bo'b|7|2|NULL,3|cy|0|1|c" },
        { "foreign key removed", Users.Replace("team_id: { type: int, nullable: true, references: teams.id }", "team_id: { type: int, nullable: true }"), "1|ann|5|1|a,2|bo'b|7|2|NULL,3|cy|0|1|c" },
        { "check added", Users.Replace("    indexes:", "    checks:\n      ck_users_score: \"score >= 0\"\n    indexes:"), "1|ann|5|1|a,2|bo'b|7|2|NULL,3|cy|0|1|c" },
        { "column renamed and retyped", Users.Replace("      note:    { type: text, nullable: true }", "      remark:  { type: varchar(10), nullable: true, renamed_from: note }"), "1|ann|5|1|a,2|bo'b|7|2|NULL,3|cy|0|1|c" },
    };

    [Theory]
    [MemberData(nameof(Rebuilds))]
    public void Rows_survive_the_rebuild_and_its_rollback(string change, string after, string rows)
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Users, "first");
        Seed(project);
        project.Execute("INSERT INTO teams (id, name) VALUES (3, 'a'), (4, 'c')");

        PlanAndApply(project, after, change);
        Assert.Equal(rows, string.Join(",", project.Query("SELECT * FROM users ORDER BY id")));
        Assert.Empty(project.Query("SELECT * FROM pragma_foreign_key_check"));

        project.Ok("rollback", first);
        Assert.Equal(
            change.Contains("dropped") ? "1|ann|5|NULL|a,2|bo'b|7|NULL|NULL,3|cy|0|NULL|c" : "1|ann|5|1|a,2|bo'b|7|2|NULL,3|cy|0|1|c",
            string.Join(",", project.Query("SELECT id, name, score, team_id, note FROM users ORDER BY id")));
        Assert.Equal(["ix_users_lower", "ix_users_name", "uq_teams_name"], project.Objects("index"));
    }

    [Fact]
    public void A_view_naming_the_rebuilt_table_still_works_after_the_rebuild_and_its_rollback()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Users, "first");
        Seed(project);
        project.Execute("CREATE VIEW v_team_users AS SELECT u.name, t.name AS team FROM users u JOIN teams t ON t.id = u.team_id");
        const string view = "\nviews:\n  v_team_users: { sql: \"SELECT u.name, t.name AS team FROM users u JOIN teams t ON t.id = u.team_id\" }\n";
        project.WriteModel(Users + view);
        Assert.Contains("no changes", project.Ok("plan", "-m", "adopt").Stdout);

        PlanAndApply(project, Users.Replace("varchar(64)", "varchar(100)").Replace("varchar(32)", "varchar(50)") + view, "wider");
        Assert.Equal(["ann|red", "bo'b|blue", "cy|red"], project.Query("SELECT * FROM v_team_users ORDER BY name"));
        Assert.Equal(["v_team_users"], project.Objects("view"));

        project.Ok("rollback", first);
        Assert.Equal(["ann|red", "bo'b|blue", "cy|red"], project.Query("SELECT * FROM v_team_users ORDER BY name"));
        Assert.Equal("ok", project.Query("PRAGMA integrity_check").Single());
    }

    [Fact]
    public void Orphans_that_were_there_before_do_not_fail_an_unrelated_revision()
    {
        using var project = new TempProject();
        PlanAndApply(project, Users, "first");
        Seed(project);
        // An application that never turned foreign_keys on has left an orphan behind.
        project.Execute("PRAGMA foreign_keys = OFF; INSERT INTO users (id, name, team_id) VALUES (4, 'orphan', 99)");

        PlanAndApply(project, Users + "\n  tags:\n    columns:\n      id: { type: int, primary_key: true }\n", "unrelated table");
        PlanAndApply(project, Users.Replace("varchar(64)", "varchar(70)") + "\n  tags:\n    columns:\n      id: { type: int, primary_key: true }\n", "rebuild the table with the orphan");

        Assert.Equal(["4|99"], project.Query("SELECT id, team_id FROM users WHERE id = 4"));
        Assert.Single(project.Query("SELECT * FROM pragma_foreign_key_check"));
    }

    [Fact]
    public void A_failing_foreign_key_check_rolls_the_revision_back_whole_and_names_it()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Users.Replace(", references: teams.id", ""), "no key yet");
        Seed(project);
        project.Execute("INSERT INTO users (id, name, team_id) VALUES (4, 'orphan', 99)");
        project.WriteModel(Users);
        var second = WroteRevision().Match(project.Ok("plan", "-m", "add the key").Stdout).Groups[1].Value;

        var result = project.Expect(3, "apply");

        Assert.Contains($"revision {second} failed the foreign key check after its ", result.Stderr);
        Assert.DoesNotContain("legacy_alter_table", result.Stderr);
        Assert.Contains("foreign key check failed: 1 row(s) of users reference missing rows of teams", result.Stderr);
        Assert.Contains("rolled back whole", result.Stderr);
        Assert.Equal([first], project.Query("SELECT revision FROM schematool_history"));
        Assert.Empty(project.Query("SELECT * FROM pragma_foreign_key_list('users')"));
        Assert.Equal(["1", "2", "3", "4"], project.Query("SELECT id FROM users ORDER BY id"));
        Assert.DoesNotContain("_schematool_new_users", project.Objects("table"));

        // fixing the data lets it through
        project.Execute("DELETE FROM users WHERE id = 4");
        project.Ok("apply");
        Assert.Equal(["teams"], project.Query("SELECT \"table\" FROM pragma_foreign_key_list('users')"));
    }
}
