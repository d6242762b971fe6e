using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Apply;
using SchemaTool.Cli.Output;

namespace SchemaTool.Cli.Commands;

public static class ApplyCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("apply", cmd =>
        {
            cmd.Description = "apply pending revisions up to TARGET (head, a revision id, or +N)";
            var target = cmd.Argument("target", "head (default), a revision id, or +N");
            var allowChanged = cmd.Option("--allow-changed", "run even though an applied revision's file was edited", CommandOptionType.NoValue);
            var lockTimeout = cmd.Option("--lock-timeout <SECONDS>", "how long to wait for another run's lock", CommandOptionType.SingleValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(common, console, target.Value ?? "head", allowChanged.HasValue(), lockTimeout.Value()).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, string target, bool allowChanged, string? lockTimeout)
    {
        var workspace = common.OpenWorkspace();
        var graph = workspace.LoadRevisions();
        var options = MigrationProgress.Attach(new MigratorOptions(LockTimeouts.Parse(lockTimeout, workspace.Config.LockTimeout), allowChanged), console);
        await using var session = await workspace.ConnectAsync(CancellationToken.None);
        ReplicationNotes.BeforeApply(console, session, workspace);
        var applied = await workspace.CreateMigrator(session, graph, options).ApplyAsync(target, CancellationToken.None);
        console.Success(applied.Count == 0
            ? $"nothing to apply: {workspace.Target.Display} is at {target}"
            : $"applied {applied.Count} revision(s) to {workspace.Target.Display}");
        return 0;
    }
}

public static class LockTimeouts
{
    public static TimeSpan Parse(string? seconds, TimeSpan fallback)
    {
        if (seconds is null) return fallback;
        return int.TryParse(seconds, out var s) && s >= 0
            ? TimeSpan.FromSeconds(s)
            : throw new InputException($"--lock-timeout takes a whole number of seconds, not '{seconds}'");
    }
}
