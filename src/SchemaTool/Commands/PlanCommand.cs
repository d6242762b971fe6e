using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Apply;
using SchemaTool.Planning;
using SchemaTool.Revisions;

namespace SchemaTool.Cli.Commands;

public static class PlanCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("plan", cmd =>
        {
            cmd.Description = "compare the model with the database and write a revision (up and down SQL)";
            var message = cmd.Option("-m|--message <MSG>", "what the revision does", CommandOptionType.SingleValue);
            var dryRun = cmd.Option("--dry-run", "print the SQL and write nothing", CommandOptionType.NoValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(common, console, message.Value(), dryRun.HasValue()).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, string? message, bool dryRun)
    {
        if (!dryRun && string.IsNullOrWhiteSpace(message))
            throw new InputException("plan needs a message: schematool plan -m \"add users\" (or --dry-run to only print the SQL)");
        var workspace = common.OpenWorkspace();
        var graph = workspace.LoadRevisions();
        var model = workspace.LoadModel();
        var head = RevisionPlanner.SingleHead(graph);

        await using var session = await workspace.ConnectAsync(CancellationToken.None);
        var state = await workspace.CreateMigrator(session, graph, new MigratorOptions(TimeSpan.Zero)).ReadStateAsync(CancellationToken.None);
        var pending = graph.Revisions.Where(r => !state.Applied.Contains(r.Id)).ToList();
        if (pending.Count > 0)
            throw new InputException(
                $"the database is not at head: {pending.Count} revision(s) not applied ({string.Join(", ", pending.Select(p => p.Id))}); " +
                "run `schematool apply` first, so the new revision is planned from the schema the others make");

        var plan = Planner.Create(session.Dialect, await session.IntrospectAsync(CancellationToken.None), model);
        foreach (var notice in plan.Notices) console.Info("note: " + notice);
        if (plan.IsEmpty)
        {
            console.Line("no changes: the database matches the model; nothing written");
            return 0;
        }

        PlanSummary.Print(console, plan);
        ReplicationNotes.ForPlan(console, session, plan, model);
        if (dryRun)
        {
            console.Line();
            console.Out.Write(plan.UpScript);
            return 0;
        }

        var revision = RevisionFolder.Write(workspace.Config.MigrationsPath, RevisionFile.NewId(),
            head is null ? [] : [head.Id], message!.Trim(), DateTimeOffset.UtcNow, plan.UpScript, plan.DownScript);
        console.Success($"wrote revision {revision.Id}: {message}");
        console.Line("  " + RevisionFolder.Display(revision.UpPath));
        console.Line("  " + RevisionFolder.Display(revision.DownPath));
        console.Line("review it, then run `schematool apply`");
        return 0;
    }
}
