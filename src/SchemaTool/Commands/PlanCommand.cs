using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Apply;
using SchemaTool.Cli.Output;
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
            var json = cmd.Option("--json", "print one JSON object (see README) instead of the summary", CommandOptionType.NoValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(common, console, message.Value(), dryRun.HasValue(), json.HasValue()).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, string? message, bool dryRun, bool json)
    {
        if (!dryRun && string.IsNullOrWhiteSpace(message))
            throw new InputException("plan needs a message: schematool plan -m \"add users\" (or --dry-run to only print the SQL)");
        var workspace = common.OpenWorkspace();
        var graph = workspace.LoadRevisions();
        var head = RevisionPlanner.SingleHead(graph);

        if (!json) console.Status($"reading {workspace.Target.Display} ...");
        await using var read = await workspace.ReadWithModelAsync(async session =>
        {
            var state = await workspace.CreateMigrator(session, graph, new MigratorOptions(TimeSpan.Zero)).ReadStateAsync(CancellationToken.None);
            var pending = graph.Revisions.Where(r => !state.Applied.Contains(r.Id)).ToList();
            if (pending.Count > 0)
                throw new InputException(
                    $"the database is not at head: {pending.Count} revision(s) not applied ({string.Join(", ", pending.Select(p => p.Id))}); " +
                    "run `schematool apply` first, so the new revision is planned from the schema the others make");
            return await session.IntrospectAsync(CancellationToken.None);
        }, CancellationToken.None);
        var (model, session, current) = read;

        var plan = await Planner.CreateAsync(session, current, model, CancellationToken.None);
        if (json && (plan.IsEmpty || dryRun))
        {
            Json.Write(console, PlanJson.Of(plan, dryRun, null));
            return 0;
        }
        foreach (var notice in plan.Notices) if (!json) console.Info("note: " + notice);
        if (plan.IsEmpty)
        {
            console.Line("no changes: the database matches the model; nothing written");
            return 0;
        }

        if (!json) PlanSummary.Print(console, plan);
        ReplicationNotes.ForPlan(console, session, plan, model); // warnings go to stderr, so --json stays clean
        if (dryRun)
        {
            console.Line();
            console.Out.Write(plan.UpScript);
            return 0;
        }

        var revision = RevisionFolder.Write(workspace.Config.MigrationsPath, RevisionFile.NewId(),
            head is null ? [] : [head.Id], message!.Trim(), DateTimeOffset.UtcNow, plan.UpScript, plan.DownScript);
        if (json)
        {
            Json.Write(console, PlanJson.Of(plan, dryRun, new WrittenRevisionJson(revision.Id, revision.Parents, revision.Message,
                RevisionFolder.Display(revision.UpPath), RevisionFolder.Display(revision.DownPath))));
            return 0;
        }
        console.Success($"wrote revision {revision.Id}: {message}");
        console.Line("  " + RevisionFolder.Display(revision.UpPath));
        console.Line("  " + RevisionFolder.Display(revision.DownPath));
        console.Line("review it, then run `schematool apply`");
        return 0;
    }
}
