using McMaster.Extensions.CommandLineUtils;
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
            var allowEmpty = cmd.Option("--allow-empty-model", "let a model with no tables drop every table of the database", CommandOptionType.NoValue);
            var offline = cmd.Option("--offline", "write the plain forms for this revision (no CONCURRENTLY, NOT VALID or ALGORITHM clauses), as `online: false` does",
                CommandOptionType.NoValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(common, console, message.Value(), dryRun.HasValue(), json.HasValue(),
                new PlanOptions(AllowEmptyModel: allowEmpty.HasValue(), Offline: offline.HasValue())).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, string? message, bool dryRun, bool json, PlanOptions options)
    {
        if (!dryRun && string.IsNullOrWhiteSpace(message))
            throw new InputException("plan needs a message: schematool plan -m \"add users\" (or --dry-run to only print the SQL)");
        var workspace = common.OpenWorkspace();
        if (!json) console.Status($"reading {workspace.Target.Display} ...");
        await using var planned = await RevisionPlanning.PlanAsync(workspace, options, CancellationToken.None);
        var (plan, session, model) = (planned.Plan, planned.Session, planned.Model);

        if (!json && !workspace.DatabaseExists)
            console.Note($"{workspace.Target.Display} does not exist yet: planned against an empty database (`schematool apply` creates it)");
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
        foreach (var warning in await planned.ServerLimitWarningsAsync(CancellationToken.None)) console.Warning(warning);
        if (dryRun)
        {
            console.Line();
            console.Out.Write(plan.UpScript);
            return 0;
        }

        var revision = planned.Write(message!, DateTimeOffset.UtcNow);
        if (json)
        {
            Json.Write(console, PlanJson.Of(plan, dryRun, new WrittenRevisionJson(revision.Id, revision.Parents, revision.Message,
                RevisionFolder.Display(revision.UpPath), RevisionFolder.Display(revision.DownPath))));
            return 0;
        }
        console.Success($"wrote revision {revision.Id}: {revision.Message}");
        console.Line("  " + RevisionFolder.Display(revision.UpPath));
        console.Line("  " + RevisionFolder.Display(revision.DownPath));
        console.Line("review it, then run `schematool apply`");
        return 0;
    }
}
