using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Apply;
using SchemaTool.Project;
using SchemaTool.Revisions;

namespace SchemaTool.Cli.Commands;

public static class ApplyCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("apply", cmd =>
        {
            cmd.Description = "apply pending revisions up to TARGET (head, a revision id, or +N)";
            var target = cmd.Argument("target", "head (default), a revision id (one branch), or +N");
            var dryRun = cmd.Option("--dry-run", "print what would run, and run nothing", CommandOptionType.NoValue);
            var sql = cmd.Option("--sql", "print the script of the pending revisions and touch nothing (offline)", CommandOptionType.NoValue);
            var from = cmd.Option("--from <REV>", "with --sql: start after REV (or base) instead of the database's history", CommandOptionType.SingleValue);
            var migration = new MigrationOptions(cmd);
            var fleet = new FleetOptions(cmd);
            var json = cmd.Option("--json", "with --all: one JSON object per target", CommandOptionType.NoValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() =>
            {
                var goal = target.Value ?? "head";
                if (fleet.All)
                {
                    if (sql.HasValue() || dryRun.HasValue()) throw new InputException("--sql and --dry-run work on one database, not with --all; use --target NAME");
                    return fleet.RunAsync(common, console, json.HasValue(),
                        (workspace, ct) => FleetCommands.ApplyAsync(workspace, goal, migration.Quiet(workspace), ct)).GetAwaiter().GetResult();
                }
                if (json.HasValue()) throw FleetOptions.JsonWithoutAll("apply");
                if (from.HasValue() && !sql.HasValue()) throw new InputException("--from goes with --sql; see `schematool apply --help`");
                if (sql.HasValue()) return PrintScriptAsync(common, console, goal, from.Value()).GetAwaiter().GetResult();
                return RunAsync(common, console, migration, goal, dryRun.HasValue()).GetAwaiter().GetResult();
            });
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, MigrationOptions migration, string target, bool dryRun)
    {
        var workspace = common.OpenWorkspace();
        var graph = workspace.LoadRevisions();
        // A dry run reads only, so it creates no database; the real run creates a SQLite file that is not there yet.
        await using var session = dryRun ? await workspace.ConnectExistingAsync(CancellationToken.None) : await workspace.ConnectAsync(CancellationToken.None);
        var migrator = workspace.CreateMigrator(session, graph, migration.For(workspace, console));
        // The warnings of what is about to run come first; the apply decides again under its lock.
        var pending = await migrator.PendingAsync(target, CancellationToken.None);
        foreach (var warning in RevisionWarnings.Of(pending, Direction.Up)) console.Warning(warning);
        if (dryRun)
        {
            console.Line($"dry run: {pending.Count} revision(s) would be applied to {workspace.Target.Display}; nothing runs");
            console.Out.Write(RevisionScript.Render(session.Dialect, pending, Direction.Up));
            return 0;
        }
        ReplicationNotes.BeforeApply(console, session, workspace);
        var applied = await migrator.ApplyAsync(target, CancellationToken.None);
        console.Success(applied.Count == 0
            ? $"nothing to apply: {workspace.Target.Display} is at {target}"
            : $"applied {applied.Count} revision(s) to {workspace.Target.Display}");
        return 0;
    }

    private static async Task<int> PrintScriptAsync(CommonOptions common, ConsoleOutput console, string target, string? from)
    {
        var workspace = common.OpenWorkspace();
        var script = await OfflineScript.CreateAsync(workspace, target, from, console.Note, CancellationToken.None);
        console.Out.Write(script.Script);
        return 0;
    }
}
