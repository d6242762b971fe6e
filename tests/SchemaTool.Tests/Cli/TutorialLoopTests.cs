using System.Text.RegularExpressions;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Cli;

/// <summary>
/// The walking skeleton's "done": init, the tutorial model, plan, apply, a second plan with nothing to do, a
/// change (table with a foreign key, column with an index, wider varchar, NOT NULL, dropped column), history,
/// rollback to the first revision with the rows still there, rollback to base. All through the CLI, in-process.
/// </summary>
public sealed partial class TutorialLoopTests
{
    private const string Tutorial = """
        tables:
          roles:
            columns:
              id:    { type: int, primary_key: true, auto_increment: true }
              name:  { type: varchar(64), unique: true }
              about: { type: text, nullable: true }
          users:
            columns:
              id:       { type: int, primary_key: true, auto_increment: true }
              username: { type: varchar(64), unique: true, index: true }
              role_id:  { type: int, nullable: true, references: roles.id }
        """;

    private const string Changed = """
        tables:
          roles:
            columns:
              id:    { type: int, primary_key: true, auto_increment: true }
              name:  { type: varchar(128), unique: true }
          users:
            columns:
              id:       { type: int, primary_key: true, auto_increment: true }
              username: { type: varchar(64), unique: true, index: true }
              email:    { type: varchar(255), nullable: true, index: true }
              role_id:  { type: int, references: roles.id }
          posts:
            columns:
              id:      { type: int, primary_key: true, auto_increment: true }
              user_id: { type: int, references: users.id, on_delete: cascade }
              body:    { type: text, default: "" }
        """;

    [GeneratedRegex(@"^wrote revision ([0-9a-f]{12}): ", RegexOptions.Multiline)]
    private static partial Regex WroteRevision();

    private static string RevisionOf(CliResult plan) => WroteRevision().Match(plan.Stdout) is { Success: true } m
        ? m.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("plan wrote no revision:\n" + plan);

    /// <summary>The user's objects as SQLite keeps them (type, name, table, CREATE text), the history table aside.</summary>
    private static List<string> SchemaSnapshot(TempProject project) =>
        project.Query("SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce(sql, '') FROM sqlite_schema " +
                      "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND tbl_name <> 'schematool_history' ORDER BY type, name");

    [Fact]
    public void The_whole_loop_on_a_sqlite_file()
    {
        using var project = new TempProject(initialized: false);

        // init in an empty folder
        var init = project.Ok("init");
        Assert.True(File.Exists(Path.Combine(project.Directory, "schematool.yaml")));
        Assert.Contains("database: sqlite:app.db", File.ReadAllText(Path.Combine(project.Directory, "schematool.yaml")));
        Assert.True(File.Exists(Path.Combine(project.SchemaDirectory, "tables.yaml")));
        Assert.True(Directory.Exists(project.MigrationsDirectory));
        Assert.Empty(project.MigrationFiles());
        Assert.Contains("created ", init.Stdout);
        Assert.Equal(2, project.Expect(2, "init").ExitCode);

        // the tutorial model, first revision
        project.WriteModel(Tutorial);
        var plan1 = project.Ok("plan", "-m", "initial migration");
        var first = RevisionOf(plan1);
        Assert.Contains("+ roles (created)", plan1.Stdout);
        Assert.Contains("+ users (created)", plan1.Stdout);
        Assert.Equal([$"{first}_initial_migration.down.sql", $"{first}_initial_migration.up.sql"], project.MigrationFiles());
        var up1 = File.ReadAllText(project.UpFile(first));
        Assert.Matches($"^-- revision: {first}\n-- parents: \n-- message: initial migration\n-- created: \\d{{4}}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n", up1);
        Assert.StartsWith(up1[..up1.IndexOf("\n\n", StringComparison.Ordinal)], File.ReadAllText(project.DownFile(first)));
        Assert.DoesNotContain("WARNING", up1);
        Assert.False(File.Exists(project.DatabasePath) && project.Objects("table").Contains("roles"), "plan must not change the database");

        var apply1 = project.Ok("apply");
        Assert.Contains($"applying {first} initial migration", apply1.Stdout);
        Assert.Equal(["roles", "schematool_history", "users"], project.Objects("table"));
        Assert.Equal(["ix_users_username", "uq_roles_name"], project.Objects("index"));

        // nothing to do, nothing written
        var again = project.Ok("plan", "-m", "nothing");
        Assert.Contains("no changes", again.Stdout);
        Assert.Equal(2, project.MigrationFiles().Count);

        var firstSchema = SchemaSnapshot(project);
        project.Execute("INSERT INTO roles (id, name) VALUES (1, 'admin'), (2, 'it''s me'); " +
                        "INSERT INTO users (id, username, role_id) VALUES (1, 'alice', 1), (2, 'bob', 2)");

        // the change: posts with a foreign key, users.email with an index, roles.name wider,
        // users.role_id NOT NULL, roles.about dropped
        project.WriteModel(Changed);
        var plan2 = project.Ok("plan", "-m", "posts and emails");
        var second = RevisionOf(plan2);
        Assert.Equal(4, project.MigrationFiles().Count);
        var up2 = File.ReadAllText(project.UpFile(second));
        Assert.Contains($"-- parents: {first}\n", up2);
        Assert.Contains("-- WARNING: ", up2);
        var warning = up2.Split('\n').First(l => l.StartsWith("-- WARNING: ", StringComparison.Ordinal))["-- WARNING: ".Length..];
        Assert.Contains("about", warning);
        Assert.Contains("WARNING: " + warning, plan2.Stderr);

        project.Ok("apply");
        Assert.Equal(["posts", "roles", "schematool_history", "users"], project.Objects("table"));
        Assert.Equal(["ix_users_email", "ix_users_username", "uq_roles_name"], project.Objects("index"));
        Assert.Equal(["1|admin", "2|it's me"], project.Query("SELECT id, name FROM roles ORDER BY id"));
        Assert.Equal(["1|alice|1|NULL", "2|bob|2|NULL"], project.Query("SELECT id, username, role_id, email FROM users ORDER BY id"));
        Assert.Equal(["varchar(128)"], project.Query("SELECT type FROM pragma_table_info('roles') WHERE name = 'name'"));
        Assert.Equal(["1"], project.Query("SELECT \"notnull\" FROM pragma_table_info('users') WHERE name = 'role_id'"));
        Assert.Empty(project.Query("SELECT name FROM pragma_table_info('roles') WHERE name = 'about'"));
        Assert.Equal(["users|id|CASCADE"], project.Query("SELECT \"table\", \"to\", on_delete FROM pragma_foreign_key_list('posts')"));
        project.Execute("INSERT INTO posts (user_id) VALUES (1)");
        Assert.Equal(["1|1|"], project.Query("SELECT id, user_id, body FROM posts"));

        // a third plan finds nothing
        Assert.Contains("no changes", project.Ok("plan", "-m", "converged").Stdout);
        Assert.Equal(4, project.MigrationFiles().Count);

        // history: newest first, the current one marked
        var history = project.Ok("history").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, history.Length);
        Assert.StartsWith($"* {second} (head) (current) applied, posts and emails (applied ", history[0]);
        Assert.StartsWith($"* {first} applied, initial migration (applied ", history[1]);

        // back to the first revision: its schema exactly, with the rows
        project.Execute("DELETE FROM posts");
        var rollback = project.Ok("rollback", first);
        Assert.Contains($"rolling back {second} posts and emails", rollback.Stdout);
        Assert.Equal(firstSchema, SchemaSnapshot(project));
        Assert.Equal(["1|admin|NULL", "2|it's me|NULL"], project.Query("SELECT id, name, about FROM roles ORDER BY id"));
        Assert.Equal(["1|alice|1", "2|bob|2"], project.Query("SELECT id, username, role_id FROM users ORDER BY id"));
        history = project.Ok("history").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"* {second} (head) pending, posts and emails (created ", history[0]);
        Assert.StartsWith($"* {first} (current) applied, initial migration (applied ", history[1]);

        // base: everything the tool made is gone but its (empty) history table, as Alembic keeps alembic_version
        project.Ok("rollback", "base");
        Assert.Equal(["schematool_history"], project.Objects("table"));
        Assert.Empty(project.Objects("index"));
        Assert.Empty(project.Query("SELECT * FROM schematool_history"));
        Assert.Equal(4, project.MigrationFiles().Count);

        // and forward again to head from base
        project.Ok("apply");
        Assert.Contains("no changes", project.Ok("plan", "-m", "still converged").Stdout);
    }
}
