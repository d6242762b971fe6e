using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Cli.Output;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

/// <summary>For CI: exit 0 when the database is at head and matches the model, 1 otherwise, with the reasons.</summary>
public static class CheckCommand
{
    public const int OutOfDate = 1;

    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("check", cmd =>
        {
            cmd.Description = "for CI: exit 0 when the database is at head and matches the model, 1 when not, with the reasons";
            var json = cmd.Option("--json", "print one JSON object (see README)", CommandOptionType.NoValue);
            var common = new CommonOptions(cmd, console);
            var fleet = new FleetOptions(cmd);
            cmd.OnExecute(() => (fleet.All
                ? fleet.RunAsync(common, console, json.HasValue(), (workspace, ct) => FleetCommands.StatusAsync(workspace, failWhenOutOfDate: true, ct))
                : RunAsync(common, console, json.HasValue())).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, bool json)
    {
        var workspace = common.OpenWorkspace();
        if (!json) console.Status($"reading {workspace.Target.Display} ...");
        var report = await StatusReport.ReadAsync(workspace, CancellationToken.None);
        var reasons = CheckReasons.Of(report);
        var code = reasons.Count == 0 ? 0 : OutOfDate;
        if (json)
        {
            Json.Write(console, new CheckJson(code == 0, report.Database, report.Current, report.Heads.Select(h => h.Id).ToList(), reasons));
            return code;
        }
        if (code == 0)
        {
            var at = report.Current.Count == 0 ? "<base>" : string.Join(", ", report.Current);
            console.Success($"ok: {report.Database} is at head ({at}) and matches the model");
            return 0;
        }
        console.Line(console.Paint($"out of date: {report.Database} ({reasons.Count} reason(s))", ConsoleOutput.Red));
        foreach (var reason in reasons) console.Line("  - " + reason.Message);
        return code;
    }
}
