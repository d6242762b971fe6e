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
}
