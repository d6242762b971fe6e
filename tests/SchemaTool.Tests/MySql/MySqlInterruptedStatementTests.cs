using SchemaTool.Apply;
using SchemaTool.Planning;
using SchemaTool.Revisions;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// A run of `apply` that stops after the server finished a DDL statement but before its progress was recorded (a
/// SIGKILL lands there: the server completes the statement the client was waiting for). The interruption is made
/// deterministic here by a progress reporter that throws right after the statement returned, which is the moment
/// between the statement and its progress update. The resume must see that the statement took effect, record it,
/// and go on; a statement that did not take effect must run. Each operation kind the MySQL generator writes is one case,
/// in the generator's form, plus the hand-written forms a resume also reads.
/// </summary>
public sealed class MySqlInterruptedStatementTests
{
    private const string Setup = """
        CREATE TABLE roles (id int NOT NULL, PRIMARY KEY (id));
        CREATE TABLE users (id int NOT NULL, email varchar(100) NULL, role_id int NULL, PRIMARY KEY (id),
          KEY ix_users_email (email), CONSTRAINT fk_users_role FOREIGN KEY (role_id) REFERENCES roles (id),
          CONSTRAINT ck_users_email CHECK (email <> ''));
        CREATE TABLE plain (id int NOT NULL, note varchar(10) NULL);
        CREATE VIEW v_roles AS SELECT id FROM roles;
        CREATE TRIGGER trg_roles BEFORE INSERT ON roles FOR EACH ROW SET NEW.id = NEW.id + 0;
        CREATE FUNCTION f_one() RETURNS int DETERMINISTIC RETURN 1;
        CREATE EVENT e_purge ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM plain WHERE id < 0;
        INSERT INTO roles (id) VALUES (1);
        INSERT INTO users (id, email, role_id) VALUES (1, 'a@example.com', 1);
        INSERT INTO plain (id, note) VALUES (1, 'one');
        """;

    private const string After = "CREATE TABLE `after_it` (`id` int NOT NULL)";

    public static TheoryData<string, string> Statements => new()
    {
        { "CreateTable", "CREATE TABLE `tags` (\n  `id` int NOT NULL,\n  `name` varchar(32) NOT NULL,\n  PRIMARY KEY (`id`)\n)" },
        { "DropTable", "DROP TABLE `plain`" },
        { "RenameTable", "RENAME TABLE `plain` TO `notes`" },
        { "SetTableComment", "ALTER TABLE `users` COMMENT = 'people who sign in'" },
        { "AddColumn", "ALTER TABLE `users` ADD COLUMN `name` varchar(50) NULL" },
        { "AddColumnAt", "ALTER TABLE `users` ADD COLUMN `name` varchar(50) NULL AFTER `id`" },
        { "DropColumn", "ALTER TABLE `plain` DROP COLUMN `note`" },
        { "RenameColumn", "ALTER TABLE `users` RENAME COLUMN `email` TO `mail`" },
        { "AlterColumn", "ALTER TABLE `users` MODIFY COLUMN `email` varchar(200) NOT NULL DEFAULT 'none'" },
        { "MoveColumn", "ALTER TABLE `users` MODIFY COLUMN `email` varchar(100) NULL FIRST" },
        { "AddPrimaryKey", "ALTER TABLE `plain` ADD PRIMARY KEY (`id`)" },
        { "DropPrimaryKey", "ALTER TABLE `users` DROP PRIMARY KEY" },
        { "CreateIndex", "ALTER TABLE `users` ADD UNIQUE INDEX `uq_users_email` (`email`)" },
        { "DropIndex", "ALTER TABLE `users` DROP INDEX `ix_users_email`" },
        { "AddForeignKey", "ALTER TABLE `plain` ADD CONSTRAINT `fk_plain_role` FOREIGN KEY (`id`) REFERENCES `roles` (`id`) ON DELETE CASCADE" },
        { "DropForeignKey", "ALTER TABLE `users` DROP FOREIGN KEY `fk_users_role`" },
        { "AddCheck", "ALTER TABLE `plain` ADD CONSTRAINT `ck_plain_id` CHECK (`id` > 0)" },
        { "DropCheck", "ALTER TABLE `users` DROP CONSTRAINT `ck_users_email`" },
        { "CombinedAlterTable", "ALTER TABLE `plain` ADD COLUMN `n` bigint NOT NULL AUTO_INCREMENT FIRST, ADD PRIMARY KEY (`n`)" },
        { "CreateView", "CREATE VIEW `v_users` AS SELECT `id`, `email` FROM `users`" },
        { "ReplaceView", "CREATE OR REPLACE VIEW `v_roles` AS SELECT `id`, 1 AS `one` FROM `roles`" },
        { "DropView", "DROP VIEW `v_roles`" },
        { "CREATE VIEW with its head", "CREATE ALGORITHM=UNDEFINED DEFINER=CURRENT_USER SQL SECURITY DEFINER VIEW v_plain AS SELECT id FROM plain" },
        { "CreateTrigger", "CREATE TRIGGER `trg_users` BEFORE INSERT ON `users` FOR EACH ROW\nBEGIN\n  SET NEW.email = lower(NEW.email);\nEND" },
        { "DropTrigger", "DROP TRIGGER `trg_roles`" },
        { "CreateRoutine", "CREATE FUNCTION `f_two`() RETURNS int\n    DETERMINISTIC\nRETURN 2" },
        { "DropRoutine", "DROP FUNCTION `f_one`" },
        { "CREATE PROCEDURE with a body", "CREATE PROCEDURE p_count(OUT n int)\nBEGIN\n  SELECT COUNT(*) INTO n FROM users;\nEND" },
        { "CreateEvent", "CREATE EVENT `e_roll` ON SCHEDULE EVERY 2 HOUR ON COMPLETION NOT PRESERVE DISABLE DO DELETE FROM roles WHERE id < 0" },
        { "DropEvent", "DROP EVENT `e_purge`" },
        { "CREATE INDEX ... ON", "CREATE INDEX ix_plain_note ON plain (note)" },
        { "DROP INDEX ... ON", "DROP INDEX ix_users_email ON users" },
        { "RENAME TABLE list", "RENAME TABLE plain TO notes, notes TO plain2" },
        { "commented", "-- WARNING: drops column plain.note and its data\nALTER TABLE /* the notes */ plain DROP COLUMN note" },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task A_statement_that_took_effect_before_the_run_stopped_is_recorded_not_run_again(string kind, string statement)
    {
        await using var project = await MySqlProject.CreateAsync("stopped");
        await using var reference = await MySqlProject.CreateAsync("stopped_ref");
        var second = WriteRevisions(project, statement);
        WriteRevisions(reference, statement);
        await reference.ApplyAsync();

        await Assert.ThrowsAsync<Interrupted>(() => ApplyAsync(project, StopAfter(statement)));
        var stopped = (await project.HistoryAsync()).Single(r => r.Revision == second.Id);
        Assert.Equal((0, 2, false), (stopped.StatementsDone, stopped.StatementsTotal, stopped.Complete));

        var log = new List<string>();
        await ApplyAsync(project, log: log.Add);

        Assert.Contains(log, line => line.Contains($"statement 1 of 2 of {second.Id} took effect before the earlier apply stopped"));
        Assert.All(await project.HistoryAsync(), row => Assert.True(row.Complete && row.StatementsDone == row.StatementsTotal, $"{kind}: {row}"));
        Assert.Empty(Planner.Create(MySqlProject.Dialect, await project.IntrospectAsync(), await reference.IntrospectAsync()).Operations.Select(o => o.Describe()));
    }

    [Fact]
    public async Task A_statement_interrupted_before_it_took_effect_runs_on_resume()
    {
        const string statement = "ALTER TABLE `users` ADD COLUMN `name` varchar(50) NULL";
        await using var project = await MySqlProject.CreateAsync("interrupted");
        var second = WriteRevisions(project, statement);
        await project.ApplyAsync(RevisionFolder.Load(project.Migrations).TopologicalOrder()[0].Id);

        // The ALTER waits for the metadata lock an open transaction holds on users; cancelling it then kills the query
        // on the server, so it never takes effect, and the run stops without knowing how the statement ended.
        await using (var reader = await project.OpenAsync())
        {
            await using (var begin = reader.CreateCommand("START TRANSACTION")) await begin.ExecuteNonQueryAsync();
            await using (var select = reader.CreateCommand("SELECT COUNT(*) FROM users")) await select.ExecuteScalarAsync();
            using var cancel = new CancellationTokenSource();
            var apply = ApplyAsync(project, cancellation: cancel.Token);
            await WaitForAsync(project, "Waiting for table metadata lock");
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => apply);
        }
        var stopped = (await project.HistoryAsync()).Single(r => r.Revision == second.Id);
        Assert.Equal((0, false), (stopped.StatementsDone, stopped.Complete));
        Assert.Null((await project.IntrospectAsync()).FindTable("users")!.FindColumn("name"));

        var log = new List<string>();
        await ApplyAsync(project, log: log.Add);

        Assert.DoesNotContain(log, line => line.Contains("took effect"));
        Assert.NotNull((await project.IntrospectAsync()).FindTable("users")!.FindColumn("name"));
        Assert.All(await project.HistoryAsync(), row => Assert.True(row.Complete, row.ToString()));
    }

    [Fact]
    public async Task A_statement_edited_after_it_may_have_run_stops_the_resume_until_it_is_restored()
    {
        const string statement = "ALTER TABLE `users` ADD COLUMN `name` varchar(50) NULL";
        await using var project = await MySqlProject.CreateAsync("edited");
        var second = WriteRevisions(project, statement);
        await Assert.ThrowsAsync<Interrupted>(() => ApplyAsync(project, StopAfter(statement)));

        File.WriteAllText(second.UpPath, second.UpSql.Replace("varchar(50)", "varchar(80)"));
        var error = await Assert.ThrowsAsync<StepFailedException>(() => ApplyAsync(project));
        Assert.Contains($"revision {second.Id}: statement 1 of 2 was running when an earlier apply stopped", error.Message);
        Assert.Contains("edited in the up file since", error.Message);
        Assert.Equal(0, (await project.HistoryAsync()).Single(r => r.Revision == second.Id).StatementsDone);

        File.WriteAllText(second.UpPath, second.UpSql);
        await ApplyAsync(project);
        Assert.Equal("varchar(50)", (await project.IntrospectAsync()).FindTable("users")!.FindColumn("name")!.Type);
    }

    [Fact]
    public async Task A_row_statement_commits_with_its_progress_so_a_resume_never_runs_it_twice()
    {
        const string insert = "INSERT INTO plain (id, note) VALUES (2, 'two')";
        await using var project = await MySqlProject.CreateAsync("rows");
        var second = WriteRevisions(project, insert);

        await Assert.ThrowsAsync<Interrupted>(() => ApplyAsync(project, StopAfter(insert)));
        Assert.Equal(1, (await project.HistoryAsync()).Single(r => r.Revision == second.Id).StatementsDone);

        await ApplyAsync(project);
        var rows = await project.QueryAsync("SELECT id, note FROM plain ORDER BY id");
        Assert.Equal(["1 one", "2 two"], rows.Select(r => $"{r[0]} {r[1]}"));
    }

    [Fact]
    public async Task A_history_table_from_before_the_statement_check_gets_its_column_on_the_next_apply()
    {
        await using var project = await MySqlProject.CreateAsync("old_history");
        await project.ExecuteAsync("""
            CREATE TABLE schematool_history (revision varchar(64) NOT NULL, parents varchar(1024) NOT NULL, message text NOT NULL,
              checksum varchar(64) NOT NULL, applied_at varchar(32) NOT NULL, duration_ms bigint NOT NULL, statements_done int NOT NULL,
              statements_total int NOT NULL, complete int NOT NULL, PRIMARY KEY (revision)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
            """);
        WriteRevisions(project, "ALTER TABLE `users` ADD COLUMN `name` varchar(50) NULL");

        await project.ApplyAsync();

        Assert.Equal(2, (await project.HistoryAsync()).Count(r => r.Complete));
        Assert.Single(await project.QueryAsync(
            "SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'schematool_history' AND COLUMN_NAME = 'statement_check'"));
    }

    /// <summary>The setup revision, then one with the statement under test and another after it; returns the second.</summary>
    private static Revision WriteRevisions(MySqlProject project, string statement)
    {
        RevisionFolder.Write(project.Migrations, "0a0a0a0a0a0a", [], "setup", DateTimeOffset.UtcNow.AddMinutes(-1), Setup, "DROP EVENT e_purge;\nDROP FUNCTION f_one;\nDROP TRIGGER trg_roles;\nDROP VIEW v_roles;\nDROP TABLE plain;\nDROP TABLE users;\nDROP TABLE roles;\n");
        return RevisionFolder.Write(project.Migrations, "0b0b0b0b0b0b", ["0a0a0a0a0a0a"], "under test", DateTimeOffset.UtcNow,
            statement + ";\n" + After + ";\n", "DROP TABLE `after_it`;\n");
    }

    private static async Task ApplyAsync(MySqlProject project, IProgress<StatementProgress>? progress = null, Action<string>? log = null,
                                         CancellationToken cancellation = default)
    {
        await using var session = await project.OpenAsync();
        var migrator = new Migrator(session, RevisionFolder.Load(project.Migrations), new MigratorOptions(TimeSpan.FromSeconds(60), Log: log, Progress: progress));
        await migrator.ApplyAsync("head", cancellation);
    }

    private static async Task WaitForAsync(MySqlProject project, string state)
    {
        for (var i = 0; i < 600; i++)
        {
            var waiting = await project.QueryAsync(
                $"SELECT 1 FROM information_schema.PROCESSLIST WHERE DB = '{project.Database}' AND STATE = '{state}'");
            if (waiting.Count > 0) return;
            await Task.Delay(50);
        }
        Assert.Fail($"no connection of {project.Database} reached the state '{state}'");
    }

    /// <summary>The statement as the tool splits it (leading comment lines dropped), which is what progress reports.</summary>
    private static StopAfterStatement StopAfter(string statement) => new(MySqlProject.Dialect.Lexer.Split(statement).Single());

    /// <summary>Stands for the kill: reached right after the server finished the statement, before its progress is recorded.</summary>
    private sealed class StopAfterStatement(string statement) : IProgress<StatementProgress>
    {
        public void Report(StatementProgress value)
        {
            if (value.Statement == statement) throw new Interrupted();
        }
    }

    private sealed class Interrupted : Exception;
}
