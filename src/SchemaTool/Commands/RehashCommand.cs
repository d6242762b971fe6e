using McMaster.Extensions.CommandLineUtils;

namespace SchemaTool.Cli.Commands;

/// <summary>`rehash [REV]`: records the checksums of applied revisions' files edited on purpose, as Atlas's `migrate hash` does.</summary>
public static class RehashCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("rehash", cmd =>
        {
            cmd.Description = "record the current checksums of applied revisions whose files were edited on purpose (all, or REV); runs no SQL of theirs";
            var target = cmd.Argument("rev", "one applied revision (an id or prefix); default: every edited one");
            var migration = new MigrationOptions(cmd);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(common, console, migration, target.Value).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, MigrationOptions migration, string? target)
    {
        var workspace = common.OpenWorkspace();
        var graph = workspace.LoadRevisions();
        await using var session = await workspace.ConnectAsync(CancellationToken.None);
        var recorded = await workspace.CreateMigrator(session, graph, migration.For(workspace, console)).RehashAsync(target, CancellationToken.None);
        foreach (var changed in recorded)
            console.Line($"recorded {changed.Row.Revision} ({changed.Row.Message}): its {changed.Files} changed since it was applied");
        console.Success(recorded.Count == 0
            ? $"nothing to record: the files of {(target is null ? "every applied revision" : "revision " + target)} match the history of {workspace.Target.Display}"
            : $"recorded the new checksums of {recorded.Count} revision(s) on {workspace.Target.Display}; no SQL ran");
        return 0;
    }
}
