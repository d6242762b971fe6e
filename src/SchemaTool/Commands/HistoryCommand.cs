using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Cli.Output;
using SchemaTool.Project;
using SchemaTool.Revisions;

namespace SchemaTool.Cli.Commands;

public static class HistoryCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("history", cmd =>
        {
            cmd.Description = "the revisions as a graph, newest first, with applied/pending and (head)/(current) marks";
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
        var byId = entries.ToDictionary(e => e.Revision.Id);
        foreach (var line in HistoryGraph.Render(entries.Select(e => e.Revision).ToList(), r => Describe(console, byId[r.Id])))
            console.Line(line);
        return 0;
    }

    private static string Describe(ConsoleOutput console, HistoryEntry e)
    {
        var marks = (e.IsHead ? " (head)" : "") + (e.IsCurrent ? " (current)" : "");
        var state = e.Applied ? console.Paint("applied", "32") : e.Row is not null ? console.Paint("half-applied", "31") : console.Paint("pending", "33");
        var merge = e.Revision.Parents.Count > 1 ? $" [merge of {string.Join(", ", e.Revision.Parents)}]" : "";
        var when = e.Row is { Complete: true } row
            ? $"applied {row.AppliedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z in {row.DurationMs} ms"
            : $"created {e.Revision.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
        return $"{e.Revision.Id}{marks} {state}, {e.Revision.Message}{merge} ({when})";
    }
}
