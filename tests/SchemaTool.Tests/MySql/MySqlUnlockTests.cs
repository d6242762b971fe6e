using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.MySql;

/// <summary>`unlock` on MariaDB without Galera: the lock is GET_LOCK, and while a run holds it, unlock says who, not that it is free.</summary>
public sealed class MySqlUnlockTests
{
    [Fact]
    public async Task Unlock_names_the_connection_that_holds_get_lock_and_says_free_only_when_it_is()
    {
        using var project = new ScratchProject();
        var database = await SafetyDatabases.CreateAsync("mysql", project.Dir);
        await using (var holder = await project.ConnectAsync(database))
        {
            await using var held = await holder.AcquireLockAsync(TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None);
            var connection = ((MySqlConnector.MySqlConnection)holder.Connection).ServerThread;

            var result = project.Run("unlock", "--database", database);

            Assert.Equal(3, result.ExitCode);
            Assert.Contains($"is held by connection {connection} (", result.Out);
            Assert.Contains("GET_LOCK 'schematool:", result.Out);
            Assert.Contains("nothing to remove: wait for the run to finish", result.Err);
            Assert.DoesNotContain("is free", result.All);
        }

        Assert.Contains("is free; nothing to do", project.Ok("unlock", "--database", database).Out);
    }
}
