using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Apply;
using SchemaTool.Cli.Output;
using SchemaTool.Project;
using SchemaTool.Revisions;

namespace SchemaTool.Cli.Commands;

public static class RollbackCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("rollback", cmd =>
        {
            cmd.Description = "run down files until REV is the current revision (base undoes all, -N goes back N)";
            var target = cmd.Argument("rev", "a revision id, base, or -N");
            var back = cmd.Option("--back <N>", "go back N revisions (what -N means)", CommandOptionType.SingleValue);
            back.ShowInHelpText = false;
            var dryRun = cmd.Option("--dry-run", "print what would run, and run nothing", CommandOptionType.NoValue);
            var migration = new MigrationOptions(cmd);
            var fleet = new FleetOptions(cmd);
            var json = cmd.Option("--json", "with --all: one JSON object per target", CommandOptionType.NoValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() =>
            {
                var rev = target.Value ?? (back.HasValue() ? "-" + back.Value() : null)
                          ?? throw new InputException("rollback needs a target: a revision id, base, or -N (see `schematool history`)");
                if (fleet.All)
                {
                    if (dryRun.HasValue()) throw new InputException("--dry-run works on one database, not with --all; use --target NAME");
                    return fleet.RunAsync(common, console, json.HasValue(),
                        (workspace, ct) => FleetCommands.RollbackAsync(workspace, rev, migration.Quiet(workspace), ct)).GetAwaiter().GetResult();
                }
                if (json.HasValue()) throw FleetOptions.JsonWithoutAll("rollback");
                return RunAsync(common, console, migration, rev, dryRun.HasValue()).GetAwaiter().GetResult();
            });
        });

    /// <summary>
    /// `rollback -2` would parse as an unknown option -2, so a step count is rewritten into the hidden --back 2
    /// before parsing; then options after it (--dry-run) still parse.
    /// </summary>
    public static string[] RewriteStepCount(string[] args)
    {
        var command = Array.FindIndex(args, a => !a.StartsWith('-'));
        if (command < 0 || args[command] != "rollback") return args;
        return args.Take(command + 1)
            .Concat(args.Skip(command + 1).SelectMany(a => a.Length > 1 && a[0] == '-' && a[1..].All(char.IsAsciiDigit) ? ["--back", a[1..]] : new[] { a }))
            .ToArray();
    }

    /// <summary>Why a rollback found nothing to do: no revision applied at all, or the database already at the target.</summary>
    public static string NothingApplied(string database, string target) =>
        target == "base" || target.StartsWith('-') ? $"no revision is applied to {database} (it is at base)" : $"{database} is already at {target}";

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, MigrationOptions migration, string target, bool dryRun)
    {
        var workspace = common.OpenWorkspace();
        var graph = workspace.LoadRevisions();
        // A dry run reads only, so it creates no database; the real run creates a SQLite file that is not there yet.
        await using var session = dryRun ? await workspace.ConnectExistingAsync(CancellationToken.None) : await workspace.ConnectAsync(CancellationToken.None);
        var migrator = workspace.CreateMigrator(session, graph, migration.For(workspace, console));
        // The warnings of what is about to run come first; the rollback decides again under its lock.
        var toUndo = await migrator.ToUndoAsync(target, CancellationToken.None);
        foreach (var warning in RevisionWarnings.Of(toUndo, Direction.Down)) console.Warning(warning);
        if (dryRun)
        {
            console.Line($"dry run: {toUndo.Count} revision(s) would be rolled back on {workspace.Target.Display}; nothing runs");
            console.Out.Write(RevisionScript.Render(session.Dialect, toUndo, Direction.Down));
            return 0;
        }
        var undone = await migrator.RollbackAsync(target, CancellationToken.None);
        console.Success(undone.Count == 0
            ? $"nothing to roll back: {NothingApplied(workspace.Target.Display, target)}"
            : $"rolled back {undone.Count} revision(s) on {workspace.Target.Display}");
        return 0;
    }
}
