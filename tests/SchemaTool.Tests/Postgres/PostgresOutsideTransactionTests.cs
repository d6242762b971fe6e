using Npgsql;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Statements PostgreSQL refuses inside a transaction block, written by hand in a revision: the runner commits what
/// ran before, runs them alone, records the progress, and goes on; a failure or a kill in between leaves an exact
/// half-applied row that `apply` resumes (dropping an INVALID index that a killed build left).
/// </summary>
[Collection(SafetyProcesses.Collection)]
public sealed class PostgresOutsideTransactionTests
{
    private const string Setup = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, v int NOT NULL);\nINSERT INTO t SELECT g, g FROM generate_series(1, 1000) g;";

    [Fact]
    public async Task A_hand_written_create_index_concurrently_applies_and_rolls_back()
    {
        var (project, database) = await ProjectAsync();
        using var _ = project;
        project.Add("1", "", Setup, "DROP TABLE t;", "setup");
        var id = project.Add("2", "1",
            "ALTER TABLE t ADD COLUMN w int NULL;\nCREATE INDEX CONCURRENTLY ix_t_v ON t (v);\nUPDATE t SET w = v;",
            "DROP INDEX CONCURRENTLY ix_t_v;\nALTER TABLE t DROP COLUMN w;", "index", minute: 1);

        var applied = project.Ok("apply", "--database", database);

        Assert.Contains("statement 2 of 3 runs outside the revision's transaction (CREATE INDEX CONCURRENTLY cannot run inside a transaction block)", applied.Out);
        Assert.Equal(true, await ScalarAsync<bool?>(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_t_v'::regclass"));
        Assert.Equal(1000L, await ScalarAsync<long>(database, "SELECT count(*) FROM t WHERE w = v"));
        var row = (await project.HistoryAsync(database)).Single(r => r.Revision == id);
        Assert.Equal((3, 3, true), (row.StatementsDone, row.StatementsTotal, row.Complete));

        project.Ok("rollback", "000000000001", "--database", database);
        Assert.Null(await ScalarAsync<object?>(database, "SELECT to_regclass('ix_t_v')::text"));
        Assert.Equal(["000000000001"], await project.AppliedAsync(database));
    }

    [Fact]
    public async Task A_failed_unique_concurrent_build_is_half_applied_and_the_resume_drops_its_invalid_index()
    {
        var (project, database) = await ProjectAsync();
        using var _ = project;
        project.Add("1", "", Setup + "\nINSERT INTO t VALUES (1001, 1);", "DROP TABLE t;", "setup");
        var id = project.Add("2", "1",
            "CREATE TABLE u (id int PRIMARY KEY);\nCREATE UNIQUE INDEX CONCURRENTLY ux_t_v ON t (v);\nCREATE TABLE w (id int PRIMARY KEY);",
            "DROP TABLE w;\nDROP INDEX CONCURRENTLY ux_t_v;\nDROP TABLE u;", "unique", minute: 1);

        var failed = project.Run("apply", "--database", database);

        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("failed at statement 2 of 3", failed.Err);
        Assert.Contains("could not create unique index \"ux_t_v\"", failed.Err);
        Assert.Contains("statements 1 to 1 of it are in place and recorded", failed.Err);
        var row = (await project.HistoryAsync(database)).Single(r => r.Revision == id);
        Assert.Equal((1, false), (row.StatementsDone, row.Complete));
        Assert.Equal(false, await ScalarAsync<bool?>(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ux_t_v'::regclass"));
        Assert.Contains("half-applied", project.Run("status", "--database", database).All);

        await ExecuteAsync(database, "DELETE FROM t WHERE id = 1001");
        var resumed = project.Ok("apply", "--database", database);

        Assert.Contains("resuming at statement 2 of 3", resumed.Out);
        Assert.Contains("dropping the invalid index ux_t_v", resumed.Out);
        Assert.Equal(true, await ScalarAsync<bool?>(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ux_t_v'::regclass"));
        Assert.All(await project.HistoryAsync(database), r => Assert.True(r.Complete, r.ToString()));
        Assert.Equal(["t", "u", "w"], await project.TablesAsync(database));
    }

    /// <summary>
    /// `apply` killed with SIGKILL while its concurrent build waits for a writer's transaction; the build's server
    /// process then ends too (terminated, as a restart or an operator would), leaving the INVALID index. The row says
    /// the statements before the build; the next apply drops the invalid index, builds it, and finishes.
    /// </summary>
    [Fact]
    public async Task Apply_killed_during_a_concurrent_build_whose_server_process_then_ends_resumes_and_converges()
    {
        var (project, database) = await ProjectAsync();
        using var _ = project;
        var id = await KilledDuringBuildAsync(project, database, async () =>
        {
            await ExecuteAsync(database,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX CONCURRENTLY%' AND pid <> pg_backend_pid()");
            await WaitAsync(database, "SELECT count(*) = 0 FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX CONCURRENTLY%' AND pid <> pg_backend_pid()");
        });
        var row = (await project.HistoryAsync(database)).Single(r => r.Revision == id);
        Assert.Equal((1, false), (row.StatementsDone, row.Complete));
        Assert.Equal(false, await ScalarAsync<bool?>(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_t_v'::regclass"));

        var resumed = project.Ok("apply", "--database", database);

        Assert.Contains("dropping the invalid index ix_t_v", resumed.Out);
        await AssertConvergedAsync(project, database);
    }

    /// <summary>
    /// The same kill, but the server process finishes the build once the writer commits (a killed client does not stop
    /// it): the next apply waits for its lock, finds the index valid, records the statement as done, and finishes.
    /// </summary>
    [Fact]
    public async Task Apply_killed_during_a_concurrent_build_that_the_server_then_finishes_records_it_and_converges()
    {
        var (project, database) = await ProjectAsync();
        using var _ = project;
        await KilledDuringBuildAsync(project, database, () => Task.CompletedTask);

        var resumed = project.Ok("apply", "--database", database);

        Assert.Contains("statement 2 of 3 of 000000000002 took effect before the earlier apply stopped", resumed.Out);
        await AssertConvergedAsync(project, database);
    }

    [Fact]
    public async Task An_enum_value_added_and_used_in_one_revision_is_committed_before_its_use()
    {
        var (project, database) = await ProjectAsync();
        using var _ = project;
        project.Add("1", "", "CREATE TYPE mood AS ENUM ('calm');\nCREATE TABLE m (id int PRIMARY KEY, mood mood NOT NULL);", "DROP TABLE m;\nDROP TYPE mood;", "setup");
        project.Add("2", "1", "ALTER TYPE mood ADD VALUE 'glad';\nINSERT INTO m VALUES (1, 'glad');", "DELETE FROM m;", "glad", minute: 1);

        project.Ok("apply", "--database", database);

        Assert.Equal("glad", await ScalarAsync<string>(database, "SELECT mood::text FROM m"));
        Assert.All(await project.HistoryAsync(database), r => Assert.True(r.Complete, r.ToString()));
    }

    /// <summary>
    /// Starts `apply` with a writer's transaction open on t, kills it once its concurrent build waits, runs
    /// <paramref name="afterKill"/>, then lets the writer commit.
    /// </summary>
    private static async Task<string> KilledDuringBuildAsync(ScratchProject project, string database, Func<Task> afterKill)
    {
        project.Add("1", "", Setup, "DROP TABLE t;", "setup");
        project.Ok("apply", "--database", database);
        var id = project.Add("2", "1", "CREATE TABLE u (id int PRIMARY KEY);\nCREATE INDEX CONCURRENTLY ix_t_v ON t (v);\nCREATE TABLE w (id int PRIMARY KEY);",
            "DROP TABLE w;\nDROP INDEX CONCURRENTLY ix_t_v;\nDROP TABLE u;", "index", minute: 1);
        await using var writer = await OpenAsync(database);
        await using (var begin = new NpgsqlCommand("BEGIN; INSERT INTO t VALUES (5000, 5000)", writer)) await begin.ExecuteNonQueryAsync();

        using var apply = ToolProcess.Start("apply", "--project", project.Dir, "--database", database);
        await WaitAsync(database, "SELECT count(*) > 0 FROM pg_stat_activity WHERE query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'");
        apply.Kill(entireProcessTree: true);
        await apply.WaitForExitAsync();
        await afterKill();
        await using (var commit = new NpgsqlCommand("COMMIT", writer)) await commit.ExecuteNonQueryAsync();
        return id;
    }

    private static async Task AssertConvergedAsync(ScratchProject project, string database)
    {
        Assert.Equal(true, await ScalarAsync<bool?>(database, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_t_v'::regclass"));
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
        Assert.Equal(["000000000001", "000000000002"], await project.AppliedAsync(database));
        Assert.All(await project.HistoryAsync(database), r => Assert.True(r.Complete, r.ToString()));
        Assert.Equal(["t", "u", "w"], await project.TablesAsync(database));
        project.Ok("rollback", "000000000001", "--database", database);
        Assert.Null(await ScalarAsync<object?>(database, "SELECT to_regclass('ix_t_v')::text"));
    }

    private static async Task<(ScratchProject, string)> ProjectAsync()
    {
        var name = await PostgresServer.Shared.CreateDatabaseAsync("outside");
        return (new ScratchProject(), PostgresServer.Shared.Url(name));
    }

    private static async Task<NpgsqlConnection> OpenAsync(string url)
    {
        var database = new Uri(url).AbsolutePath.TrimStart('/');
        var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString(database));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(string url, string sql)
    {
        await using var connection = await OpenAsync(url);
        await using var cmd = new NpgsqlCommand(sql, connection);
        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    private static async Task ExecuteAsync(string url, string sql)
    {
        await using var connection = await OpenAsync(url);
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task WaitAsync(string url, string condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await ScalarAsync<bool>(url, condition)) return;
            await Task.Delay(50);
        }
        Assert.Fail($"timed out waiting for: {condition}");
    }
}
