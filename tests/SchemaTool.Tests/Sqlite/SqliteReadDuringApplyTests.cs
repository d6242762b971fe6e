using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SchemaTool.Apply;
using SchemaTool.Project;
using SchemaTool.Revisions;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>
/// The read-only commands while an `apply` holds SQLite's write lock: they read the state before it without waiting
/// (the run keeps its changes in memory until it commits), and a file that another writer does lock is reported in a
/// couple of seconds with the reason, not after 30 s as a bare "database is locked".
/// </summary>
public sealed class SqliteReadDuringApplyTests
{
    [Fact]
    public async Task Status_check_history_diff_and_plan_dry_run_read_while_an_apply_holds_the_lock()
    {
        using var project = new ScratchProject();
        project.AddTable("1", "", "t1", minute: 1);
        project.Ok("apply");
        // Some megabytes of rows: more than SQLite's page cache, which would otherwise spill to the file and lock readers out.
        project.Add("2", "1", "CREATE TABLE big (id INTEGER PRIMARY KEY, v BLOB);\n" +
                              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO big (v) SELECT randomblob(4000) FROM n;\n" +
                              "CREATE TABLE t2 (id INTEGER PRIMARY KEY);",
            "DROP TABLE t2;\nDROP TABLE big;", "big", minute: 2);
        var pause = new PauseAfter(statement: 1);
        var apply = Task.Run(async () =>
        {
            var workspace = Workspace.Open(project.Dir);
            await using var session = await workspace.ConnectAsync(CancellationToken.None);
            await workspace.CreateMigrator(session, RevisionFolder.Load(project.Migrations),
                new MigratorOptions(TimeSpan.FromSeconds(30), Progress: pause)).ApplyAsync("head", CancellationToken.None);
        });
        await pause.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(new FileInfo(project.DatabaseFile).Length < 1 << 20, "the run wrote its changes to the file before it committed");

        try
        {
            foreach (var (args, code) in new (string[] Args, int Code)[]
                     {
                         (["status"], 0), (["history"], 0), (["check"], 1), (["diff"], 0), (["plan", "--dry-run"], 2),
                     })
            {
                var clock = Stopwatch.StartNew();
                var result = project.Run(args);
                Assert.True(result.ExitCode == code, $"{string.Join(" ", args)}: {result}");
                Assert.DoesNotContain("locked", result.All);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{string.Join(" ", args)} took {clock.Elapsed}");
            }
            Assert.Contains("pending:  1", project.Run("status").Out);
        }
        finally
        {
            pause.Release.SetResult();
            await apply;
        }
        Assert.Equal(["big", "t1", "t2"], await project.TablesAsync());
    }

    [Fact]
    public void A_file_locked_by_another_writer_is_reported_soon_with_the_reason()
    {
        using var project = new ScratchProject();
        project.AddTable("1", "", "t1");
        project.Ok("apply");
        using var writer = new SqliteConnection($"Data Source={project.DatabaseFile};Pooling=False");
        writer.Open();
        using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        var result = project.Run("status");

        Assert.Equal(3, result.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"status took {clock.Elapsed}");
        Assert.Contains("app.db is locked by a connection that is writing to it", result.Err);
        Assert.Contains("a schematool apply or rollback holds it until it commits", result.Err);
    }

    /// <summary>Holds the run, inside its transaction, once statement <c>statement</c> (0-based) has run, until released.</summary>
    private sealed class PauseAfter(int statement) : IProgress<StatementProgress>
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Report(StatementProgress value)
        {
            if (value.Index != statement) return;
            Reached.SetResult();
            Release.Task.Wait();
        }
    }
}
