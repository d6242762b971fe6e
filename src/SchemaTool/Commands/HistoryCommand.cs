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
        var report = await HistoryReport.ReadAsync(workspace, CancellationToken.None);
        var entries = report.Entries;
        if (json)
        {
            Json.Write(console, HistoryJson.Of(workspace.Target.Display, report));
            return 0;
        }
        foreach (var row in report.WithoutFiles) console.Line(DescribeWithoutFiles(console, row));
        if (entries.Count == 0 && report.WithoutFiles.Count == 0) console.Line("no revisions yet: run `schematool plan -m \"...\"`");
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
        var edited = e.Changed is { } c ? console.Paint($" [{c.Files} edited since; `schematool rehash {e.Revision.Id}` records it]", "31") : "";
        return $"{e.Revision.Id}{marks} {state}, {e.Revision.Message}{merge} ({when}){edited}";
    }

    /// <summary>A history row no revision file stands for: the graph cannot place it, so it is listed first, with what to do.</summary>
    private static string DescribeWithoutFiles(ConsoleOutput console, Apply.HistoryRow row) => row.Complete
        ? $"! {row.Revision} {console.Paint("applied, files gone", "31")}, {row.Message} (applied {row.AppliedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z): " +
          "restore its files from version control to roll it back"
        : $"! {row.Revision} {console.Paint("half-applied, files gone", "31")}, {row.Message} ({row.StatementsDone} of {row.StatementsTotal} statements ran): " +
          $"`schematool discard {row.Revision}{(row.StatementsDone == 0 ? "" : " --force")}` clears the row";
}
