using System.Text.RegularExpressions;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>
/// Triggers on a real SQLite file, as model objects: created, changed, dropped, and dropped and created again
/// around a rebuild of their table, a view they are on, or a table their body names.
/// </summary>
public sealed partial class SqliteTriggerTests
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

    private const string Tables = """
        tables:
          accounts:
            columns:
              id:      { type: int, primary_key: true }
              balance: { type: int, default: 0 }
              owner:   { type: varchar(40) }
          audit:
            columns:
              id:         { type: int, primary_key: true, auto_increment: true }
              account_id: { type: int }
              what:       { type: text }

        """;

    private const string Audit = """
        triggers:
          accounts_audit:
            table: accounts
            timing: after
            events: [update]
            update_of: [balance]
            when: "NEW.balance <> OLD.balance"
            body: "INSERT INTO audit (account_id, what) VALUES (NEW.id, 'balance ' || OLD.balance || ' -> ' || NEW.balance);"

        """;

    private List<string> Triggers(TempProject project) =>
        project.Query("SELECT name || ' on ' || tbl_name || ': ' || sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name");

    [Fact]
    public void A_trigger_is_created_fires_and_goes_with_the_rollback()
    {
        using var project = new TempProject();
        PlanAndApply(project, Tables + Audit, "audit");
        Assert.Equal(
            [
                "accounts_audit on accounts: CREATE TRIGGER \"accounts_audit\" AFTER UPDATE OF \"balance\" ON \"accounts\" FOR EACH ROW WHEN NEW.balance <> OLD.balance\n" +
                "BEGIN\n  INSERT INTO audit (account_id, what) VALUES (NEW.id, 'balance ' || OLD.balance || ' -> ' || NEW.balance);\nEND",
            ],
            Triggers(project));

        project.Execute("INSERT INTO accounts (id, balance, owner) VALUES (1, 10, 'ann'); UPDATE accounts SET balance = 25 WHERE id = 1; UPDATE accounts SET owner = 'bo' WHERE id = 1");
        Assert.Equal(["1|balance 10 -> 25"], project.Query("SELECT account_id, what FROM audit"));

        project.Ok("rollback", "base");
        Assert.Empty(project.Objects("trigger"));
    }

    [Fact]
    public void A_changed_trigger_is_dropped_and_created_and_the_rollback_restores_its_text()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Tables + Audit, "audit");
        var before = Triggers(project);

        var second = PlanAndApply(project, Tables + Audit.Replace("timing: after", "timing: before"), "before");
        Assert.Contains("DROP TRIGGER \"accounts_audit\";", File.ReadAllText(project.UpFile(second)));
        Assert.Contains("CREATE TRIGGER \"accounts_audit\" BEFORE UPDATE OF", Triggers(project).Single());

        project.Ok("rollback", first);
        Assert.Equal(before, Triggers(project));
    }

    [Fact]
    public void A_rebuild_of_the_table_a_trigger_body_writes_to_recreates_the_trigger()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Tables + Audit, "audit");
        var before = Triggers(project);

        // audit is rebuilt (what: text -> varchar); the trigger is on accounts but names audit in its body.
        var second = PlanAndApply(project, Tables.Replace("what:       { type: text }", "what:       { type: varchar(200) }") + Audit, "narrow audit");
        var up = File.ReadAllText(project.UpFile(second));
        Assert.True(up.IndexOf("DROP TRIGGER \"accounts_audit\"", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE \"_schematool_new_audit\"", StringComparison.Ordinal), up);
        Assert.True(up.IndexOf("CREATE TRIGGER \"accounts_audit\"", StringComparison.Ordinal) > up.IndexOf("RENAME TO \"audit\"", StringComparison.Ordinal), up);
        project.Execute("INSERT INTO accounts (id, balance, owner) VALUES (1, 10, 'ann'); UPDATE accounts SET balance = 11 WHERE id = 1");
        Assert.Equal(["balance 10 -> 11"], project.Query("SELECT what FROM audit"));

        project.Ok("rollback", first);
        Assert.Equal(before, Triggers(project));
    }

    [Fact]
    public void A_trigger_on_a_view_runs_instead_of_the_insert_and_is_recreated_with_its_view()
    {
        using var project = new TempProject();
        const string model = Tables + """
            views:
              rich: { sql: "SELECT id, owner, balance FROM accounts WHERE balance > 100" }
            triggers:
              rich_insert:
                table: rich
                timing: instead of
                events: [insert]
                body: "INSERT INTO accounts (id, owner, balance) VALUES (NEW.id, NEW.owner, max(NEW.balance, 101));"
            """;
        var first = PlanAndApply(project, model, "rich");
        project.Execute("INSERT INTO rich (id, owner, balance) VALUES (1, 'ann', 5)");
        Assert.Equal(["1|ann|101"], project.Query("SELECT * FROM rich"));
        var before = Triggers(project);

        // DROP VIEW drops the view's triggers: a changed view takes its trigger down and up with it.
        var second = PlanAndApply(project, model.Replace("balance > 100", "balance > 50"), "less rich");
        Assert.Equal(["rich_insert"], project.Objects("trigger"));
        var up = File.ReadAllText(project.UpFile(second));
        Assert.True(up.IndexOf("DROP TRIGGER \"rich_insert\"", StringComparison.Ordinal) < up.IndexOf("DROP VIEW \"rich\"", StringComparison.Ordinal), up);
        Assert.True(up.IndexOf("CREATE TRIGGER \"rich_insert\"", StringComparison.Ordinal) > up.IndexOf("CREATE VIEW \"rich\"", StringComparison.Ordinal), up);
        project.Execute("INSERT INTO rich (id, owner, balance) VALUES (2, 'bo', 60)");
        Assert.Equal(["1|ann|101", "2|bo|101"], project.Query("SELECT * FROM rich ORDER BY id"));

        project.Ok("rollback", first);
        Assert.Equal(before, Triggers(project));
    }

    [Fact]
    public void Inspect_reads_hand_made_triggers_that_plan_then_leaves_as_they_are()
    {
        using var project = new TempProject();
        project.Execute("""
            CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, updated INTEGER);
            CREATE TABLE log (item INTEGER, at INTEGER);
            create trigger items_log delete on items for each row when old.id > 1 begin
                insert into log values (old.id, 1); -- keep a trace
            end;
            CREATE TRIGGER [items touch] AFTER UPDATE OF name, "updated" ON main.items BEGIN UPDATE items SET updated = 1 WHERE id = NEW.id; END
            """);
        var inspect = project.Ok("inspect");
        Assert.Contains("  items_log: { table: items, timing: before, events: [delete], when: \"old.id > 1\", body: \"insert into log values (old.id, 1);\" }", inspect.Stdout);
        Assert.Contains("  items touch: { table: items, timing: after, events: [update], update_of: [name, updated], body: \"UPDATE items SET updated = 1 WHERE id = NEW.id;\" }", inspect.Stdout);
        Assert.DoesNotContain("left alone", inspect.Stderr);

        project.WriteModel(inspect.Stdout);
        Assert.Contains("no changes", project.Ok("plan", "-m", "adopt").Stdout);
    }

    [Theory]
    [InlineData("events: [insert, update], body: \"SELECT 1;\"", "trigger accounts_audit: a SQLite trigger fires on exactly one event")]
    [InlineData("events: [truncate], body: \"SELECT 1;\"", "trigger accounts_audit: a SQLite trigger fires on exactly one event")]
    [InlineData("events: [update], execute: \"audit()\"", "trigger accounts_audit: a SQLite trigger runs statements: write them in `body:`")]
    [InlineData("events: [update], for_each: statement, body: \"SELECT 1;\"", "trigger accounts_audit: SQLite triggers fire for each row only")]
    public void What_sqlite_triggers_cannot_do_is_refused_at_plan(string parts, string message)
    {
        using var project = new TempProject();
        project.WriteModel(Tables + $"triggers:\n  accounts_audit: {{ table: accounts, timing: after, {parts} }}\n");
        var plan = project.Expect(2, "plan", "-m", "refused");
        Assert.Contains(message, plan.Stderr);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public void A_trigger_body_naming_a_missing_column_is_refused_at_plan()
    {
        using var project = new TempProject();
        project.WriteModel(Tables + Audit.Replace("NEW.id, 'balance '", "NEW.colour, 'balance '"));
        var plan = project.Expect(2, "plan", "-m", "broken");
        Assert.Contains("trigger accounts_audit: SQLite refuses it: no such column: NEW.colour", plan.Stderr);
        Assert.Empty(project.MigrationFiles());
    }
}
