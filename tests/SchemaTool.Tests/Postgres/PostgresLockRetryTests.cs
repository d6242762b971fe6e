using Npgsql;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// A DDL statement whose lock would hold up writers waits at most ddl_lock_timeout for it (PostgreSQL's lock_timeout),
/// then the runner tries again after a pause, up to ddl_lock_retries times; when it still cannot have the lock,
/// apply stops with the session that held it named, and nothing of the revision's transaction is left behind.
/// </summary>
[Collection(SafetyProcesses.Collection)]
public sealed class PostgresLockRetryTests
{
    private const string Setup = "CREATE TABLE t (id int NOT NULL PRIMARY KEY, v int NOT NULL);\nINSERT INTO t SELECT g, g FROM generate_series(1, 100) g;";

    private const string Check = "ALTER TABLE t ADD CONSTRAINT ck_t_v CHECK (v >= 0) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT ck_t_v;";

    [Fact]
    public async Task A_lock_held_for_a_while_is_waited_out_by_retries_and_the_revision_applies()
    {
        var (project, database) = await ProjectAsync("ddl_lock_timeout: 0.3\nddl_lock_retries: 5\n");
        using var _ = project;
        project.Add("1", "", Setup, "DROP TABLE t;", "setup");
        project.Ok("apply", "--database", database);
        project.Add("2", "1", Check, "ALTER TABLE t DROP CONSTRAINT ck_t_v;", "check", minute: 1);

        await using var holder = await HoldAsync(database);
        var apply = ToolProcess.RunAsync("apply", "--project", project.Dir, "--database", database);
        await WaitAsync(database, "SELECT count(*) > 0 FROM pg_stat_activity WHERE query LIKE 'ALTER TABLE t ADD CONSTRAINT%' AND wait_event_type = 'Lock'");
        await Task.Delay(1200);
        await using (var commit = new NpgsqlCommand("COMMIT", holder)) await commit.ExecuteNonQueryAsync();
        var run = await apply;

        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.Contains("statement 1 of 2 did not run: it waited 0.3 s (lock_timeout) for its ACCESS EXCLUSIVE lock on t", run.Out + run.Err);
        Assert.Contains("application_name 'lock-holder'", run.Out + run.Err);
        Assert.Contains("trying again in 0.5 s (retry 1 of 5)", run.Out + run.Err);
        Assert.Equal(true, await ScalarAsync<bool?>(database, "SELECT convalidated FROM pg_constraint WHERE conname = 'ck_t_v'"));
        Assert.All(await project.HistoryAsync(database), r => Assert.True(r.Complete, r.ToString()));
    }

    [Fact]
    public async Task A_lock_never_released_stops_apply_naming_the_holder_with_nothing_of_the_revision_left()
    {
        var (project, database) = await ProjectAsync("ddl_lock_timeout: 0.2\nddl_lock_retries: 1\n");
        using var _ = project;
        project.Add("1", "", Setup, "DROP TABLE t;", "setup");
        project.Ok("apply", "--database", database);
        var id = project.Add("2", "1", Check, "ALTER TABLE t DROP CONSTRAINT ck_t_v;", "check", minute: 1);

        int holderPid;
        await using (var holder = await HoldAsync(database))
        {
            holderPid = holder.ProcessID;
            var run = project.Run("apply", "--database", database);

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("retry 1 of 1", run.All);
            Assert.Matches($@"(blocked|held) by pid {holderPid} \(application_name 'lock-holder', idle in transaction", run.Err);
            Assert.Contains("SELECT count(*) FROM t", run.Err);
        }

        Assert.Null(await ScalarAsync<object?>(database, "SELECT conname::text FROM pg_constraint WHERE conname = 'ck_t_v'"));
        Assert.DoesNotContain(await project.HistoryAsync(database), r => r.Revision == id && r.Complete);
        project.Ok("apply", "--database", database);
        Assert.Equal(true, await ScalarAsync<bool?>(database, "SELECT convalidated FROM pg_constraint WHERE conname = 'ck_t_v'"));
    }

    /// <summary>A session that read t in a transaction it keeps open: its ACCESS SHARE lock keeps ALTER TABLE waiting.</summary>
    private static async Task<NpgsqlConnection> HoldAsync(string url)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.Shared.ConnectionString(Database(url))) { ApplicationName = "lock-holder" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("BEGIN; SELECT count(*) FROM t", connection);
        await cmd.ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<(ScratchProject, string)> ProjectAsync(string config)
    {
        var name = await PostgresServer.Shared.CreateDatabaseAsync("lockretry");
        var url = PostgresServer.Shared.Url(name);
        return (new ScratchProject(extraConfig: config), url);
    }

    private static string Database(string url) => new Uri(url).AbsolutePath.TrimStart('/');

    private static async Task<T> ScalarAsync<T>(string url, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString(Database(url)));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
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
