using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

/// <summary>`discard [REV] [--force]`: drops an unapplied revision (its files, and a half-applied row where nothing of it ran).</summary>
public static class DiscardCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("discard", cmd =>
        {
            cmd.Description = "remove a revision that is not applied (default: the head): its files, and a half-applied row where none of its statements ran";
            var target = cmd.Argument("rev", "the revision (an id or prefix; also a history row whose files are gone); default: the one head");
            var force = cmd.Option("--force", "also clear a half-applied row whose statements are in place, or an applied row whose files are gone (the database keeps what ran)",
                CommandOptionType.NoValue);
            var migration = new MigrationOptions(cmd);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(cmd, common, console, migration, target.Value, force.HasValue()).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommandLineApplication cmd, CommonOptions common, ConsoleOutput console, MigrationOptions migration,
                                            string? target, bool force)
    {
        var config = common.LoadConfig();
        var choseOne = cmd.GetOptions().Any(o => o.LongName is "database" or "target" && o.HasValue()) ||
                       !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("SCHEMATOOL_DATABASE"));
        var databases = await RevisionDiscard.DatabasesAsync(config, common.OpenWorkspace, choseOne, CancellationToken.None);
        var options = databases.Count > 0 ? migration.For(databases[0], console) : new Apply.MigratorOptions(TimeSpan.FromSeconds(60));
        var result = await RevisionDiscard.RunAsync(config, databases, target, force, options, CancellationToken.None);
        foreach (var database in result.ClearedOn) console.Line($"cleared the half-applied row of {result.Revision} on {database}");
        foreach (var file in result.RemovedFiles) console.Line($"removed {file}");
        console.Success(result.RemovedFiles.Count > 0
            ? $"discarded revision {result.Revision} ({result.Message})"
            : $"cleared revision {result.Revision} ({result.Message}) from the history; it had no files");
        return 0;
    }
}
