using SchemaTool.Apply;
using SchemaTool.Revisions;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// Triggers on the real MariaDB server: created whole (a body of several statements and blocks is one statement of
/// the revision), read back through information_schema, a second plan empty whatever the body's spacing, dropped and
/// created around a change of a column they read, rolled back exactly, and refused at plan where MySQL has no such thing.
/// </summary>
public sealed class MySqlTriggerTests
{
    private const string Users = """
        tables:
          users:
            columns:
              id:    { type: int, primary_key: true }
              name:  { type: varchar(40) }
              seen:  { type: int, default: 0 }
          audit:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              note: { type: varchar(100) }
        """;

    private const string Triggers = """

        triggers:
          users_lower:
            table: users
            timing: before
            events: [insert]
            body: |-
              SET NEW.name = lower(NEW.name);
                IF NEW.seen < 0 THEN
                  SET NEW.seen = 0;
                END IF;
          users_audit:
            table: users
            timing: after
            events: [update]
            body: "INSERT INTO audit (note) VALUES (concat('renamed ', OLD.name, ' to ', NEW.name))"
        """;

    private static async Task<List<string>> TriggersAsync(MySqlProject project) =>
        (await project.QueryAsync("""
            SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_STATEMENT
            FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = DATABASE() ORDER BY TRIGGER_NAME
            """)).Select(r => $"{r[0]} {r[1]} {r[2]} ON {r[3]}: {r[4]}").ToList();


    [Fact]
    public async Task Triggers_are_created_whole_fire_read_back_and_roll_back()
    {
        await using var project = await MySqlProject.CreateAsync("triggers");
        var first = await project.ConvergeAsync(Users + Triggers, "triggers");

        Assert.Contains("CREATE TRIGGER `users_lower` BEFORE INSERT ON `users` FOR EACH ROW\nBEGIN\n  SET NEW.name = lower(NEW.name);\n  IF NEW.seen < 0 THEN\n" +
                        "    SET NEW.seen = 0;\n  END IF;\nEND;\n", first.UpSql);
        Assert.Contains("DROP TRIGGER `users_lower`;", first.DownSql);
        Assert.Equal([
            "users_audit AFTER UPDATE ON users: BEGIN\n  INSERT INTO audit (note) VALUES (concat('renamed ', OLD.name, ' to ', NEW.name));\nEND",
            "users_lower BEFORE INSERT ON users: BEGIN\n  SET NEW.name = lower(NEW.name);\n  IF NEW.seen < 0 THEN\n    SET NEW.seen = 0;\n  END IF;\nEND",
        ], await TriggersAsync(project));

        await project.ExecuteAsync("INSERT INTO users (id, name, seen) VALUES (1, 'ANN', -5); UPDATE users SET name = 'bob' WHERE id = 1");
        Assert.Equal("bob 0", (await project.QueryAsync("SELECT name, seen FROM users")).Select(r => $"{r[0]} {r[1]}").Single());
        Assert.Equal(["renamed ann to bob"], (await project.QueryAsync("SELECT note FROM audit")).Select(r => (string)r[0]!));

        // The body without its final semicolon and with spacing around it reads back as the same trigger.
        Assert.True((await project.PlanAsync(Users + Triggers.Replace("NEW.name))\"", "NEW.name));  \""))).IsEmpty);

        await project.RollbackAsync("base");
        Assert.Empty(await TriggersAsync(project));
    }

    [Fact]
    public async Task A_hand_written_one_statement_trigger_is_adopted_without_a_change()
    {
        await using var project = await MySqlProject.CreateAsync("triggers_adopt");
        await project.ExecuteAsync("""
            CREATE TABLE t (id int PRIMARY KEY, n int NOT NULL DEFAULT 0);
            CREATE TRIGGER t_bump BEFORE INSERT ON t FOR EACH ROW SET NEW.n = NEW.n + 1;
            """);
        var schema = await project.IntrospectAsync();
        var trigger = Assert.Single(schema.Triggers);
        Assert.Equal(("t_bump", "t", "SET NEW.n = NEW.n + 1;"), (trigger.Name, trigger.Table, trigger.Body));
        Assert.Equal([Model.Dependency.OnColumn("t", "n")], trigger.DependsOn!);

        var yaml = SchemaTool.Yaml.ModelWriter.Write(schema);
        Assert.True((await project.PlanAsync(yaml)).IsEmpty, yaml);
    }

    [Fact]
    public async Task A_trigger_reading_a_renamed_column_is_dropped_and_created_around_the_rename()
    {
        await using var project = await MySqlProject.CreateAsync("triggers_rename");
        var first = await project.ConvergeAsync(Users + Triggers, "triggers");
        var renamed = (Users + Triggers).Replace("seen:  { type: int, default: 0 }", "visits: { type: int, default: 0, renamed_from: seen }")
            .Replace("NEW.seen", "NEW.visits");
        var revision = await project.ConvergeAsync(renamed, "visits");

        var up = revision.UpSql;
        Assert.True(up.IndexOf("DROP TRIGGER `users_lower`", StringComparison.Ordinal) < up.IndexOf("RENAME COLUMN `seen` TO `visits`", StringComparison.Ordinal)
                    && up.IndexOf("RENAME COLUMN `seen` TO `visits`", StringComparison.Ordinal) < up.IndexOf("CREATE TRIGGER `users_lower`", StringComparison.Ordinal), up);
        Assert.DoesNotContain("users_audit", up); // it reads no column that changes
        await project.ExecuteAsync("INSERT INTO users (id, name, visits) VALUES (1, 'ann', -1)");
        Assert.Equal(0, Convert.ToInt32((await project.QueryAsync("SELECT visits FROM users")).Single()[0]));

        await project.RollbackAsync(first.Id);
        Assert.Contains(await TriggersAsync(project), t => t.Contains("NEW.seen < 0", StringComparison.Ordinal));
        Assert.True((await project.PlanAsync(Users + Triggers)).IsEmpty);
    }

    [Fact]
    public async Task What_MySQL_triggers_cannot_say_is_refused_at_plan_with_the_triggers_name()
    {
        await using var project = await MySqlProject.CreateAsync("triggers_refused");
        var error = await Assert.ThrowsAsync<InputException>(() => project.PlanAsync(Users + """

            triggers:
              users_touch: { table: users, timing: after, events: [update], update_of: [name], when: "NEW.name <> OLD.name", body: "SET @x = 1;" }
            """));
        Assert.Contains("trigger users_touch: MySQL has no UPDATE OF", error.Message);
        Assert.Contains("trigger users_touch: MySQL triggers have no WHEN condition", error.Message);
    }

    [Fact]
    public async Task A_trigger_the_server_refuses_is_refused_at_plan_and_the_scratch_database_is_dropped()
    {
        await using var project = await MySqlProject.CreateAsync("triggers_broken");
        var error = await Assert.ThrowsAsync<InputException>(() => project.PlanAsync(Users + """

            triggers:
              users_bad: { table: users, timing: before, events: [insert], body: "SET NEW.missing = 1;" }
            """));
        Assert.Contains("trigger users_bad: MySQL refuses it: Unknown column 'missing' in 'NEW'", error.Message);
        await MySqlViewTests.AssertNoScratchDatabaseStaysAsync(project);
    }
}
