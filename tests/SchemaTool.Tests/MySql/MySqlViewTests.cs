using MySqlConnector;
using SchemaTool.Apply;
using SchemaTool.Diff;
using SchemaTool.Revisions;
using SchemaTool.Tests.Infrastructure;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// Views on the real MariaDB server: planned from the model's text in any spelling, read back through
/// information_schema, a second plan empty, changed in place, dropped and created around a change of what they read,
/// rolled back exactly, resumed after a failure; the scratch database that canonicalizes them never stays behind.
/// </summary>
public sealed class MySqlViewTests
{
    private const string Users = """
        tables:
          users:
            columns:
              id:     { type: int, primary_key: true }
              name:   { type: varchar(40) }
              active: { type: tinyint, default: 1 }
        """;

    // Named so that their alphabetical order is the reverse of their dependency order; spelt as nobody's server prints.
    private const string Chain = """

        views:
          a_names:  { sql: "select NAME from   b_active" }
          b_active:
            sql: |-
              SELECT id, name
                FROM users
               WHERE active = 1
        """;

    private static async Task<List<string>> ViewsAsync(MySqlProject project) =>
        (await project.QueryAsync("SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME"))
        .Select(r => $"{r[0]}: {((string)r[1]!).Replace($"`{project.Database}`.", "")}").ToList();

    /// <summary>
    /// No scratch database of this test stays behind. Other tests create theirs at the same time on the shared server,
    /// so each one present now must be gone within a few seconds (their plans drop them in a finally); a leaked one stays.
    /// </summary>
    internal static async Task AssertNoScratchDatabaseStaysAsync(MySqlProject project)
    {
        const string query = "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'schematool\\_scratch\\_%'";
        var present = (await project.QueryAsync(query)).Select(r => (string)r[0]!).ToHashSet();
        for (var i = 0; i < 100 && present.Count > 0; i++)
        {
            await Task.Delay(100);
            present.IntersectWith((await project.QueryAsync(query)).Select(r => (string)r[0]!));
        }
        Assert.Empty(present);
    }


    /// <summary>The statements of a revision file without its comment lines, one a line.</summary>
    private static string Statements(string sql) =>
        string.Join("\n", MySqlProject.Dialect.Lexer.Split(sql).Select(s => string.Join("\n", s.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))).Trim()));

    [Fact]
    public async Task A_chain_of_views_in_any_spelling_is_created_in_order_read_back_and_rolled_back()
    {
        await using var project = await MySqlProject.CreateAsync("views");
        var first = await project.ConvergeAsync(Users + Chain, "chain");

        Assert.Equal(string.Join("\n", new[] {
            "CREATE TABLE `users` (\n  `id` int NOT NULL,\n  `name` varchar(40) NOT NULL,\n  `active` tinyint NOT NULL DEFAULT 1,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB",
            "CREATE VIEW `b_active` AS select `users`.`id` AS `id`,`users`.`name` AS `name` from `users` where `users`.`active` = 1",
            "CREATE VIEW `a_names` AS select `b_active`.`name` AS `NAME` from `b_active`",
        }), Statements(first.UpSql));
        Assert.Equal(string.Join("\n", new[] {"DROP VIEW `a_names`", "DROP VIEW `b_active`", "DROP TABLE `users`"}), Statements(first.DownSql));
        Assert.Equal([
            "a_names: select `b_active`.`name` AS `NAME` from `b_active`",
            "b_active: select `users`.`id` AS `id`,`users`.`name` AS `name` from `users` where `users`.`active` = 1",
        ], await ViewsAsync(project));
        await project.ExecuteAsync("INSERT INTO users (id, name, active) VALUES (1, 'ann', 1), (2, 'bob', 0)");
        Assert.Equal(["ann"], (await project.QueryAsync("SELECT NAME FROM a_names")).Select(r => (string)r[0]!));
        await AssertNoScratchDatabaseStaysAsync(project);

        await project.RollbackAsync("base");
        Assert.Empty(await ViewsAsync(project));
    }

    [Fact]
    public async Task A_changed_query_replaces_the_view_in_place_and_the_rollback_restores_it_exactly()
    {
        await using var project = await MySqlProject.CreateAsync("views_replace");
        var first = await project.ConvergeAsync(Users + Chain, "chain");
        var before = await ViewsAsync(project);

        var changed = await project.ConvergeAsync(Users + Chain.Replace("select NAME from", "select NAME, id from"), "with ids");
        Assert.Equal("CREATE OR REPLACE VIEW `a_names` AS select `b_active`.`name` AS `NAME`,`b_active`.`id` AS `id` from `b_active`",
            Statements(changed.UpSql));
        Assert.Equal("CREATE OR REPLACE VIEW `a_names` AS select `b_active`.`name` AS `NAME` from `b_active`", Statements(changed.DownSql));

        await project.RollbackAsync(first.Id);
        Assert.Equal(before, await ViewsAsync(project));
        Assert.True((await project.PlanAsync(Users + Chain)).IsEmpty);
    }

    /// <summary>CREATE OR REPLACE VIEW ignores the views that read it: replacing b_active in place could leave a_names reading a column it lost.</summary>
    [Fact]
    public async Task A_changed_view_that_another_view_reads_is_dropped_and_created_with_it_both_ways()
    {
        await using var project = await MySqlProject.CreateAsync("views_inner");
        var first = await project.ConvergeAsync(Users + Chain, "chain");
        var before = await ViewsAsync(project);
        const string ids = "\nviews:\n  a_names: { sql: \"select id from b_active\" }\n  b_active: { sql: \"select id from users\" }\n";

        var changed = await project.ConvergeAsync(Users + ids, "ids only");
        Assert.Equal(string.Join("\n", new[] {
            "DROP VIEW `a_names`",
            "DROP VIEW `b_active`",
            "CREATE VIEW `b_active` AS select `users`.`id` AS `id` from `users`",
            "CREATE VIEW `a_names` AS select `b_active`.`id` AS `id` from `b_active`",
        }), Statements(changed.UpSql));

        await project.RollbackAsync(first.Id);
        Assert.Equal(before, await ViewsAsync(project));
        Assert.True((await project.PlanAsync(Users + Chain)).IsEmpty);
    }

    [Fact]
    public async Task A_view_over_a_column_whose_type_changes_is_dropped_and_created_around_the_change()
    {
        await using var project = await MySqlProject.CreateAsync("views_retype");
        var first = await project.ConvergeAsync(Users + Chain, "chain");
        await project.ExecuteAsync("INSERT INTO users (id, name, active) VALUES (1, 'ann', 1)");

        var widened = await project.ConvergeAsync(Users.Replace("varchar(40)", "varchar(80)") + Chain, "wider names");
        Assert.Equal(string.Join("\n", new[] {
            "DROP VIEW `a_names`",
            "DROP VIEW `b_active`",
            "ALTER TABLE `users` MODIFY COLUMN `name` varchar(80) NOT NULL, ALGORITHM=COPY, LOCK=SHARED",
            "CREATE VIEW `b_active` AS select `users`.`id` AS `id`,`users`.`name` AS `name` from `users` where `users`.`active` = 1",
            "CREATE VIEW `a_names` AS select `b_active`.`name` AS `NAME` from `b_active`",
        }), Statements(widened.UpSql));
        Assert.Equal(["ann"], (await project.QueryAsync("SELECT NAME FROM a_names")).Select(r => (string)r[0]!));
        Assert.Equal("varchar(80)", (await project.QueryAsync(
            "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'a_names'")).Single()[0]);

        await project.RollbackAsync(first.Id);
        Assert.Equal("varchar(40)", (await project.QueryAsync(
            "SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'a_names'")).Single()[0]);
        Assert.True((await project.PlanAsync(Users + Chain)).IsEmpty);
    }

    [Fact]
    public async Task A_view_the_server_refuses_is_refused_at_plan_with_its_name_and_the_scratch_database_is_dropped()
    {
        await using var project = await MySqlProject.CreateAsync("views_broken");
        var error = await Assert.ThrowsAsync<InputException>(() =>
            project.PlanAsync(Users + "\nviews:\n  broken: { sql: \"SELECT colour FROM users\" }\n"));
        Assert.Equal(2, error.ExitCode);
        Assert.StartsWith("schema.yaml:8:3: view broken: MySQL refuses it: Unknown column 'colour'", error.Message);
        // The server names the scratch database the view was tried in; the user knows only their own.
        var missing = await Assert.ThrowsAsync<InputException>(() =>
            project.PlanAsync(Users + "\nviews:\n  broken: { sql: \"SELECT id FROM nope\" }\n"));
        Assert.Contains($"Table '{project.Database}.nope' doesn't exist", missing.Message);
        Assert.DoesNotContain("schematool_scratch", missing.Message);
        await AssertNoScratchDatabaseStaysAsync(project);
        Assert.Empty(await project.QueryAsync("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"));
    }

    [Fact]
    public async Task A_user_who_may_not_create_the_scratch_database_is_told_at_plan()
    {
        await using var project = await MySqlProject.CreateAsync("views_grant");
        var user = "limited_" + project.Database[^8..];
        await project.ExecuteAsync($"CREATE USER '{user}'@'%' IDENTIFIED BY 'pw'; GRANT ALL ON `{project.Database}`.* TO '{user}'@'%'");
        try
        {
            var url = MariaDbServer.Shared.Url(project.Database).Replace("://root", $"://{user}:pw", StringComparison.Ordinal) + "?Pooling=false";
            await using var session = await MySqlProject.Dialect.OpenAsync(MySqlProject.Dialect.ParseTarget(url, project.Migrations), CancellationToken.None);
            var model = SchemaTool.Yaml.ModelLoader.Load("schema.yaml", Users + Chain);
            var current = await session.IntrospectAsync(CancellationToken.None);
            var error = await Assert.ThrowsAsync<DatabaseException>(() => Planning.Planner.CreateAsync(session, current, model, CancellationToken.None));
            Assert.Contains("this user may not create one", error.Message);
            Assert.Contains("schematool\\_scratch\\_%", error.Message);
            Assert.DoesNotContain("pw", error.Message.Replace("privileges", ""), StringComparison.Ordinal);
        }
        finally
        {
            await project.ExecuteAsync($"DROP USER '{user}'@'%'");
        }
    }

    [Fact]
    public async Task A_views_algorithm_and_SQL_SECURITY_are_inspected_and_the_copy_has_the_same_definitions()
    {
        // MySqlAdoption compares SHOW CREATE of every table and view, head (ALGORITHM, SQL SECURITY) included.
        var yaml = await MySqlAdoption.RoundTripAsync("""
            CREATE TABLE t (id int PRIMARY KEY);
            CREATE SQL SECURITY INVOKER VIEW v_invoker AS SELECT id FROM t;
            CREATE ALGORITHM = TEMPTABLE VIEW v_temp AS SELECT id FROM t;
            CREATE ALGORITHM = MERGE SQL SECURITY INVOKER VIEW v_both AS SELECT id FROM v_invoker;
            CREATE VIEW v_plain AS SELECT id FROM t;
            """);
        Assert.Contains("v_invoker: { sql: \"select `t`.`id` AS `id` from `t`\", security: invoker }", yaml);
        Assert.Contains("algorithm: temptable", yaml);
        Assert.Contains("algorithm: merge, security: invoker", yaml);
        Assert.DoesNotContain("left alone", yaml);
    }

    [Fact]
    public async Task A_change_of_SQL_SECURITY_replaces_the_view_in_place_and_the_rollback_restores_it()
    {
        await using var project = await MySqlProject.CreateAsync("views_invoker");
        var definer = Users + "\nviews:\n  v_active: { sql: \"SELECT id FROM users WHERE active = 1\", algorithm: merge }\n";
        await project.ConvergeAsync(definer, "definer");
        var invoker = definer.Replace("algorithm: merge }", "security: invoker }");
        var change = await project.ConvergeAsync(invoker, "invoker");
        Assert.Contains("CREATE OR REPLACE SQL SECURITY INVOKER VIEW `v_active`", File.ReadAllText(change.UpPath));
        async Task<string> HeadAsync() => string.Join(" ", (await project.QueryAsync("SHOW CREATE VIEW v_active"))[0][1]!.ToString()!.Split(' ').Where(w => w.StartsWith("ALGORITHM", StringComparison.Ordinal) || w is "INVOKER" or "DEFINER"));
        Assert.Equal("ALGORITHM=UNDEFINED INVOKER", await HeadAsync());

        await project.RollbackAsync(change.Parents[0]);
        Assert.Equal("ALGORITHM=MERGE DEFINER", await HeadAsync());
        Assert.True((await project.PlanAsync(definer)).IsEmpty);
    }

    [Fact]
    public async Task A_revision_failing_after_its_view_resumes_once_fixed_without_creating_the_view_twice()
    {
        await using var project = await MySqlProject.CreateAsync("views_resume");
        var first = await project.ConvergeAsync(Users, "users");
        var revision = await project.PlanRevisionAsync(Users + Chain, "views");
        Assert.NotNull(revision);
        var broken = revision.UpSql.Replace("CREATE VIEW `a_names` AS select `b_active`.`name`", "CREATE VIEW `a_names` AS select `b_active`.`nom`");
        File.WriteAllText(revision.UpPath, broken);

        var failure = await Assert.ThrowsAsync<StepFailedException>(() => project.ApplyAsync());
        Assert.Contains("statement 2 of 2", failure.Message);
        Assert.Equal(["b_active: select `users`.`id` AS `id`,`users`.`name` AS `name` from `users` where `users`.`active` = 1"], await ViewsAsync(project));

        File.WriteAllText(revision.UpPath, revision.UpSql);
        Assert.Equal(revision.Id, Assert.Single(await project.ApplyAsync()).Id);
        Assert.Equal(2, (await ViewsAsync(project)).Count);
        Assert.True((await project.PlanAsync(Users + Chain)).IsEmpty);
        await project.RollbackAsync(first.Id);
        Assert.Empty(await ViewsAsync(project));
    }
}
