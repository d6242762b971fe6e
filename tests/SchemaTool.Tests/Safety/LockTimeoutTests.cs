using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Safety;

/// <summary>Another holder of the migration lock makes apply wait, say so, and give up with exit 3 after the timeout.</summary>
public sealed class LockTimeoutTests : IDisposable
{
    private readonly ScratchProject _project;

    public LockTimeoutTests()
    {
        _project = new ScratchProject(extraConfig: "lock_timeout: 1\n");
        _project.AddTable("1", "", "t1");
    }

    public void Dispose() => _project.Dispose();

    /// <summary>Holds what SQLite's migration lock is, an immediate transaction, from another connection.</summary>
    private SqliteConnection HoldLock()
    {
        var connection = new SqliteConnection($"Data Source={_project.DatabaseFile};Pooling=False");
        connection.Open();
        using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.ExecuteNonQuery();
        return connection;
    }

    [Theory]
    [InlineData("apply")]
    [InlineData("rollback", "base")]
    [InlineData("stamp", "base")]
    public async Task A_held_lock_times_out_with_exit_3_after_a_message(params string[] command)
    {
        using (HoldLock())
        {
            var clock = Stopwatch.StartNew();
            var result = _project.Run([.. command, "--lock-timeout", "1"]);
            Assert.Equal(3, result.ExitCode);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 15);
            Assert.Contains("waiting for another schematool run", result.Out);
            Assert.Contains("gave up after 1 s", result.Err);
            Assert.Contains("--lock-timeout", result.Err);
            Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        _project.Ok("apply");
        Assert.Single(await _project.AppliedAsync());
    }

    [Fact]
    public void The_config_lock_timeout_applies_without_the_option()
    {
        using var _ = HoldLock();
        var clock = Stopwatch.StartNew();
        var result = _project.Run("apply");
        Assert.Equal(3, result.ExitCode);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 15);
        Assert.Contains("gave up after 1 s", result.Err);
    }

    [Fact]
    public async Task A_lock_released_while_waiting_lets_apply_finish()
    {
        var holder = HoldLock();
        var release = Task.Run(async () =>
        {
            await Task.Delay(2500);
            holder.Dispose();
        });
        var result = _project.Run("apply", "--lock-timeout", "20");
        await release;
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("waiting for another schematool run", result.Out);
        Assert.Single(await _project.AppliedAsync());
    }

    public static TheoryData<string> Dialects => SafetyDatabases.Dialects;

    /// <summary>The same on every dialect, the lock held by a session of the tool itself (an advisory lock on PostgreSQL).</summary>
    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_lock_held_by_another_session_times_out_with_exit_3(string dialect)
    {
        var database = await SafetyDatabases.CreateAsync(dialect, _project.Dir);
        await using (var holder = await _project.ConnectAsync(database))
        await using (await holder.AcquireLockAsync(TimeSpan.Zero, _ => { }, CancellationToken.None))
        {
            // 2 s, not 1: on MySQL the tool says it is waiting only after its first 1 s GET_LOCK poll has failed,
            // so with --lock-timeout 1 it times out without ever saying so (a gap in its output, not in the lock).
            var result = _project.Run("apply", "--database", database, "--lock-timeout", "2");
            Assert.Equal(3, result.ExitCode);
            // The words differ by dialect; MySQL: "waiting for the migration lock of database …, held by another schematool run".
            Assert.Contains("waiting for", result.Out);
            Assert.Contains("another schematool run", result.Out);
            Assert.Contains("lock", result.Err);
        }
        _project.Ok("apply", "--database", database);
        Assert.Single(await _project.AppliedAsync(database));
    }

    [Fact]
    public void A_bad_lock_timeout_is_bad_input()
    {
        var result = _project.Run("apply", "--lock-timeout", "soon");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--lock-timeout takes a whole number of seconds", result.Err);
    }
}
