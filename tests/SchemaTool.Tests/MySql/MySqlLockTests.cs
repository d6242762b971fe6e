using SchemaTool.Dialects;

namespace SchemaTool.Tests.MySql;

/// <summary>The migration lock is GET_LOCK on the database's name: a second session waits, says so once, and times out.</summary>
public sealed class MySqlLockTests
{
    [Fact]
    public async Task A_second_session_waits_for_the_lock_says_so_once_and_times_out()
    {
        await using var project = await MySqlProject.CreateAsync("lock");
        await using var first = await project.OpenAsync();
        await using var second = await project.OpenAsync();
        var held = await first.AcquireLockAsync(TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None);

        var waits = new List<string>();
        var error = await Assert.ThrowsAsync<LockTimeoutException>(() =>
            second.AcquireLockAsync(TimeSpan.FromSeconds(2), waits.Add, CancellationToken.None));
        Assert.Contains(project.Database, error.Message);
        Assert.Single(waits);

        await held.DisposeAsync();
        await using var taken = await second.AcquireLockAsync(TimeSpan.FromSeconds(2), waits.Add, CancellationToken.None);
        Assert.Single(waits);
    }

    [Fact]
    public async Task A_lock_found_taken_is_reported_before_the_first_wait()
    {
        await using var project = await MySqlProject.CreateAsync("lock_message");
        await using var first = await project.OpenAsync();
        await using var second = await project.OpenAsync();
        await using var held = await first.AcquireLockAsync(TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None);

        var before = second.StatementsSent;
        int? sentWhenReported = null;
        await Assert.ThrowsAsync<LockTimeoutException>(() =>
            second.AcquireLockAsync(TimeSpan.FromSeconds(2), _ => sentWhenReported ??= second.StatementsSent - before, CancellationToken.None));

        // One GET_LOCK with a zero timeout found it taken; the message came before any GET_LOCK that waits.
        Assert.Equal(1, sentWhenReported);
    }
}
