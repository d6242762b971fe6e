using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Apply;
using SchemaTool.Cli.Output;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

/// <summary>The options of the commands that take the migration lock and check checksums: apply, rollback, stamp.</summary>
public sealed class MigrationOptions(CommandLineApplication command)
{
    private readonly CommandOption _allowChanged =
        command.Option("--allow-changed", "run even though an applied revision's file was edited or removed", CommandOptionType.NoValue);

    private readonly CommandOption _lockTimeout =
        command.Option("--lock-timeout <SECONDS>", "how long to wait for another run's lock (default: lock_timeout, else 60)", CommandOptionType.SingleValue);

    /// <summary>The migrator's options, with progress shown as revisions and statements run.</summary>
    public MigratorOptions For(Workspace workspace, ConsoleOutput console) => MigrationProgress.Attach(Quiet(workspace), console);

    /// <summary>The migrator's options without progress lines, for fleets (one result line per target instead).</summary>
    public MigratorOptions Quiet(Workspace workspace) =>
        new(LockTimeout(_lockTimeout.Value(), workspace.Config.LockTimeout), _allowChanged.HasValue(), LockWait: workspace.Config.LockWait);

    private static TimeSpan LockTimeout(string? seconds, TimeSpan fallback)
    {
        if (seconds is null) return fallback;
        return int.TryParse(seconds, out var s) && s >= 0
            ? TimeSpan.FromSeconds(s)
            : throw new InputException($"--lock-timeout takes a whole number of seconds, not '{seconds}'");
    }
}
