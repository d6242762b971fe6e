using System.Text.Json;
using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

/// <summary>
/// `--all` with `--parallel N` and `--fail-fast`: runs a command on every target of the fleet, prints a line per
/// target and a summary (or one JSON object per target), and exits with the worst target's code.
/// </summary>
public sealed class FleetOptions
{
    public const int DefaultParallel = 4;

    private readonly CommandOption _all;
    private readonly CommandOption _parallel;
    private readonly CommandOption _failFast;

    public FleetOptions(CommandLineApplication command)
    {
        _all = command.Option("--all", "every target of the fleet named in schematool.yaml", CommandOptionType.NoValue);
        _parallel = command.Option("--parallel <N>", $"with --all, how many targets at once (default {DefaultParallel})", CommandOptionType.SingleValue);
        _failFast = command.Option("--fail-fast", "with --all, stop starting targets after the first failure", CommandOptionType.NoValue);
    }

    public bool All => _all.HasValue();

    /// <summary>
    /// apply and rollback print JSON only per target of a fleet; on one database --json would be ignored and a
    /// script would get text where it parses JSON, so it is refused.
    /// </summary>
    public static InputException JsonWithoutAll(string command) => new(
        $"{command} --json goes with --all (one JSON object per target); on one database {command} prints text. " +
        "`schematool status --json` and `schematool history --json` report the revisions as JSON");

    public async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, bool json,
        Func<Workspace, CancellationToken, Task<TargetResult>> run)
    {
        var config = common.LoadConfig();
        if (!FleetResolver.HasFleet(config))
            throw new InputException($"--all needs a fleet in {ProjectConfig.FileName}: `targets:`, `targets_file:`, `targets_glob:` or `targets_pattern:`");
        var parallel = _parallel.Value() is { } p
            ? int.TryParse(p, out var n) && n >= 1 ? n : throw new InputException($"--parallel takes a whole number of 1 or more, not '{p}'")
            : DefaultParallel;
        var targets = await FleetResolver.ResolveAsync(config, CancellationToken.None);
        var live = !json && console.IsTerminal;

        var results = await FleetRunner.RunAsync(targets,
            (target, ct) => run(Workspace.ForUrl(config, target.Url).ForTarget(target), ct),
            parallel, _failFast.HasValue(),
            onResult: r =>
            {
                if (json) console.Out.WriteLine(JsonSerializer.Serialize(ToJson(r)));
                else console.Line(Line(console, r));
            },
            onProgress: live ? p => console.Status($"{p.Done} done, {p.Failed} failed, {p.Pending} pending") : null);

        if (!json) PrintSummary(console, results);
        return FleetRunner.WorstExitCode(results);
    }

    private static object ToJson(TargetResult r) => new
    {
        target = r.Target,
        outcome = r.Outcome.ToString().ToLowerInvariant(),
        exit_code = r.ExitCode,
        message = r.Message,
        elapsed_ms = (long)r.Elapsed.TotalMilliseconds,
    };

    private static string Line(ConsoleOutput console, TargetResult r)
    {
        var (label, color) = r.Outcome switch
        {
            TargetOutcome.Failed => ("failed", "31"),
            TargetOutcome.Drifted or TargetOutcome.Behind => (r.Outcome.ToString().ToLowerInvariant(), "33"),
            TargetOutcome.NotRun => ("not run", "2"),
            _ => (r.Outcome switch { TargetOutcome.AtHead => "at head", TargetOutcome.RolledBack => "rolled back", _ => "applied" }, "32"),
        };
        return $"{r.Target}: {console.Paint(label, color)}{(r.Message.Length > 0 ? " - " + r.Message : "")} ({r.Elapsed.TotalSeconds:0.00} s)";
    }

    private static void PrintSummary(ConsoleOutput console, IReadOnlyList<TargetResult> results)
    {
        var counts = results.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key switch
        {
            TargetOutcome.AtHead => "at head",
            TargetOutcome.RolledBack => "rolled back",
            TargetOutcome.NotRun => "not run",
            var o => o.ToString().ToLowerInvariant(),
        }}");
        console.Line($"{results.Count} target(s): {string.Join(", ", counts)}");
    }
}
