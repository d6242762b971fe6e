using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Cli.Output;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

public static class HistoryCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("history", cmd =>
        {
            cmd.Description = "the revisions, newest first, with applied/pending and (head)/(current) marks";
            var json = cmd.Option("--json", "print one JSON object (see README)", CommandOptionType.NoValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(common, console, json.HasValue()).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, bool json)
    {
        var workspace = common.OpenWorkspace();
        var entries = await HistoryReport.ReadAsync(workspace, CancellationToken.None);
        if (json)
        {
            Json.Write(console, HistoryJson.Of(workspace.Target.Display, entries));
            return 0;
        }
        if (entries.Count == 0) console.Line("no revisions yet: run `schematool plan -m \"...\"`");
        foreach (var e in entries)
        {
            var marks = (e.IsHead ? " (head)" : "") + (e.IsCurrent ? " (current)" : "");
            var state = e.Applied ? console.Paint("applied", "32") : e.Row is not null ? console.Paint("half-applied", "31") : console.Paint("pending", "33");
            var parents = e.Revision.Parents.Count == 0 ? "<base>" : string.Join(", ", e.Revision.Parents);
            console.Line($"{parents} -> {e.Revision.Id}{marks}, {e.Revision.Message}");
            console.Line($"    {state}, created {e.Revision.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" +
                         (e.Row is { Complete: true } row ? $", applied {row.AppliedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z in {row.DurationMs} ms" : ""));
        }
        return 0;
    }
}
