using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Cli.Output;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

public static class StatusCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("status", cmd =>
        {
            cmd.Description = "the database's current revision, pending revisions, and whether its schema matches the model";
            var json = cmd.Option("--json", "print one JSON object (see README)", CommandOptionType.NoValue);
            var common = new CommonOptions(cmd, console);
            var fleet = new FleetOptions(cmd);
            cmd.OnExecute(() => (fleet.All
                ? fleet.RunAsync(common, console, json.HasValue(), (workspace, ct) => FleetCommands.StatusAsync(workspace, failWhenOutOfDate: false, ct))
                : RunAsync(common, console, json.HasValue())).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, bool json)
    {
        var workspace = common.OpenWorkspace();
        if (!json) console.Status($"reading {workspace.Target.Display} ...");
        var report = await StatusReport.ReadAsync(workspace, CancellationToken.None);
        if (json)
        {
            Json.Write(console, StatusJson.Of(report));
            return 0;
        }
        console.Line($"database: {report.Database}");
        console.Line($"current:  {(report.Current.Count == 0 ? "<base>" : string.Join(", ", report.Current))}");
        console.Line($"head:     {(report.Heads.Count == 0 ? "<none>" : string.Join(", ", report.Heads.Select(h => h.Id)))}");
        foreach (var changed in report.Edited)
            console.Warning($"revision {changed.Row.Revision} was edited after it was applied (its {changed.Files} changed: checksum differs); " +
                            $"restore it, or record the change with `schematool rehash {changed.Row.Revision}`");
        foreach (var row in report.Missing)
            console.Warning($"revision {row.Revision} is applied but its files are gone from the migrations folder");
        foreach (var row in report.HalfApplied)
            console.Warning(report.HalfAppliedWithoutFiles.Contains(row)
                ? $"revision {row.Revision} is half-applied ({row.StatementsDone} of {row.StatementsTotal} statements ran) but its files are gone from the migrations folder; " +
                  $"`schematool discard {row.Revision}{(row.StatementsDone == 0 ? "" : " --force")}` clears the row"
                : $"revision {row.Revision} is half-applied: {row.StatementsDone} of {row.StatementsTotal} statements ran; fix it and run `schematool apply` to resume");
        console.Line("pending:  " + (report.Pending.Count == 0
            ? console.Paint("none", ConsoleOutput.Green)
            : console.Paint($"{report.Pending.Count} ({string.Join(", ", report.Pending.Select(p => $"{p.Id} {p.Message}"))})", ConsoleOutput.Yellow)));
        if (report.MatchesModel) console.Line("schema:   " + console.Paint("matches the model", ConsoleOutput.Green));
        else
        {
            console.Line("schema:   " + console.Paint($"differs from the model ({report.Differences.Count} change(s)):", ConsoleOutput.Yellow));
            foreach (var op in report.Differences) console.Line("  " + op.Describe());
            console.Line(console.Paint("  (`schematool diff` shows them as YAML with the SQL)", ConsoleOutput.Dim));
        }
        return 0;
    }
}
