using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Dialects;

namespace SchemaTool.Cli.Commands;

/// <summary>
/// Removes a migration lock left behind by a run that died, where the lock can outlive its connection (the lock row
/// on a MariaDB Galera cluster). Advisory locks, GET_LOCK and SQLite's transaction end with their connection.
/// </summary>
public static class UnlockCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("unlock", cmd =>
        {
            cmd.Description = "remove a migration lock left by a run that died (Galera lock row); shows who holds it";
            var force = cmd.Option("--force", "remove the lock even though its holder may still be running", CommandOptionType.NoValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(common, console, force.HasValue()).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, bool force)
    {
        var workspace = common.OpenWorkspace();
        await using var session = await workspace.ConnectAsync(CancellationToken.None);
        if (session is IConnectionLock connectionLock && await connectionLock.DescribeHolderAsync(CancellationToken.None) is { } connection)
        {
            // A lock that ends with its connection cannot be left behind by a run that died: its holder is alive.
            console.Line($"the migration lock of {workspace.Target.Display} is held by {connection}");
            throw new DatabaseException(
                "it belongs to that connection and goes away when it ends, so there is nothing to remove: wait for the run to finish, " +
                "or end the connection on the server if that run is stuck");
        }
        if (session is not IBreakableLock breakable || await breakable.ReadLockHolderAsync(CancellationToken.None) is not { } holder)
        {
            console.Line(session is IBreakableLock
                ? $"the migration lock of {workspace.Target.Display} is free; nothing to do"
                : $"the migration lock of {workspace.Target.Display} ends with its holder's connection; nothing can be left behind");
            return 0;
        }
        console.Line($"the migration lock of {workspace.Target.Display} is held by {holder}");
        if (holder.AbandonedBecause is null && !force)
            throw new DatabaseException(
                "its holder may still be running (its node is in the cluster and its heartbeat is recent), so the lock was left in place. " +
                "Make sure that run has ended (a long ALTER can delay heartbeats), then run `schematool unlock --force`");
        if (!await breakable.BreakLockAsync(holder, CancellationToken.None))
            throw new DatabaseException("the lock changed while it was being removed (another run took or released it); run unlock again to see its holder");
        console.Success(holder.AbandonedBecause is { } why ? $"removed the abandoned lock: {why}" : "removed the lock (--force)");
        return 0;
    }
}
