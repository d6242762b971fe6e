using McMaster.Extensions.CommandLineUtils;

namespace SchemaTool.Cli.Commands;

public static class StampCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("stamp", cmd =>
        {
            cmd.Description = "record REV (and its ancestors) as applied without running SQL, to adopt an existing database; base clears the history";
            var target = cmd.Argument("rev", "a revision id, head, or base");
            var migration = new MigrationOptions(cmd);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(common, console, migration,
                target.Value ?? throw new InputException("stamp needs a revision: an id, head, or base")).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, MigrationOptions migration, string target)
    {
        var workspace = common.OpenWorkspace();
        var graph = workspace.LoadRevisions();
        await using var session = await workspace.ConnectAsync(CancellationToken.None);
        var recorded = await workspace.CreateMigrator(session, graph, migration.For(workspace, console)).StampAsync(target, CancellationToken.None);
        console.Success(recorded.Count == 0
            ? $"cleared the history of {workspace.Target.Display}: it is at base; no SQL ran"
            : $"stamped {workspace.Target.Display} at {recorded[^1].Id}: {recorded.Count} revision(s) recorded as applied; no SQL ran");
        return 0;
    }
}
