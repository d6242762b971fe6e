using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Apply;
using SchemaTool.Cli.Output;

namespace SchemaTool.Cli.Commands;

public static class RollbackCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("rollback", cmd =>
        {
            cmd.Description = "run down files until REV is the current revision (base undoes all, -N goes back N)";
            cmd.ThrowOnUnexpectedArgument = false;
            var target = cmd.Argument("rev", "a revision id, base, or -N");
            var allowChanged = cmd.Option("--allow-changed", "run even though an applied revision's file was edited", CommandOptionType.NoValue);
            var lockTimeout = cmd.Option("--lock-timeout <SECONDS>", "how long to wait for another run's lock", CommandOptionType.SingleValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() =>
            {
                var steps = cmd.RemainingArguments.FirstOrDefault(a => a.Length > 1 && a[0] == '-' && a[1..].All(char.IsDigit));
                var unknown = cmd.RemainingArguments.Where(a => a != steps).ToList();
                if (unknown.Count > 0) throw new InputException($"unknown argument(s) {string.Join(" ", unknown)}; see `schematool rollback --help`");
                var rev = target.Value ?? steps
                          ?? throw new InputException("rollback needs a target: a revision id, base, or -N (see `schematool history`)");
                return RunAsync(common, console, rev, allowChanged.HasValue(), lockTimeout.Value()).GetAwaiter().GetResult();
            });
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, string target, bool allowChanged, string? lockTimeout)
    {
        var workspace = common.OpenWorkspace();
        var graph = workspace.LoadRevisions();
        var options = MigrationProgress.Attach(new MigratorOptions(LockTimeouts.Parse(lockTimeout, workspace.Config.LockTimeout), allowChanged), console);
        await using var session = await workspace.ConnectAsync(CancellationToken.None);
        var undone = await workspace.CreateMigrator(session, graph, options).RollbackAsync(target, CancellationToken.None);
        console.Success(undone.Count == 0
            ? $"nothing to roll back: {workspace.Target.Display} is at {target}"
            : $"rolled back {undone.Count} revision(s) on {workspace.Target.Display}");
        return 0;
    }
}
