using System.Diagnostics;
using SchemaTool.Apply;

namespace SchemaTool.Project;

/// <summary>The per-target bodies of the fleet commands: each turns one command's work into a <see cref="TargetResult"/>.</summary>
public static class FleetCommands
{
    public static async Task<TargetResult> ApplyAsync(Workspace workspace, string target, MigratorOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var graph = workspace.LoadRevisions();
        await using var session = await workspace.ConnectAsync(ct);
        var warnings = ReplicationPreflight.BeforeApply(session, workspace);
        var applied = await workspace.CreateMigrator(session, graph, options).ApplyAsync(target, ct);
        var warned = string.Concat(warnings.Select(w => "; warning: " + w));
        return applied.Count == 0
            ? new TargetResult(workspace.Target.Display, TargetOutcome.AtHead, 0, warned.TrimStart(';', ' '), clock.Elapsed)
            : new TargetResult(workspace.Target.Display, TargetOutcome.Applied, 0, $"{applied.Count} revision(s): {string.Join(", ", applied.Select(r => r.Id))}{warned}", clock.Elapsed);
    }

    public static async Task<TargetResult> RollbackAsync(Workspace workspace, string target, MigratorOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var graph = workspace.LoadRevisions();
        await using var session = await workspace.ConnectAsync(ct);
        var undone = await workspace.CreateMigrator(session, graph, options).RollbackAsync(target, ct);
        return undone.Count == 0
            ? new TargetResult(workspace.Target.Display, TargetOutcome.AtHead, 0,
                target == "base" || target.StartsWith('-') ? "no revision applied" : $"already at {target}", clock.Elapsed)
            : new TargetResult(workspace.Target.Display, TargetOutcome.RolledBack, 0, $"{undone.Count} revision(s): {string.Join(", ", undone.Select(r => r.Id))}", clock.Elapsed);
    }

    /// <summary>Status of one target; with <paramref name="failWhenOutOfDate"/> (check) a target behind or drifted exits 1.</summary>
    public static async Task<TargetResult> StatusAsync(Workspace workspace, bool failWhenOutOfDate, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var report = await StatusReport.ReadAsync(workspace, ct);
        var code = failWhenOutOfDate ? 1 : 0;
        if (report.HalfApplied.Count > 0)
            return new TargetResult(report.Database, TargetOutcome.Behind, code,
                $"revision {report.HalfApplied[0].Revision} is half-applied ({report.HalfApplied[0].StatementsDone} of {report.HalfApplied[0].StatementsTotal} statements)", clock.Elapsed);
        if (report.Pending.Count > 0)
            return new TargetResult(report.Database, TargetOutcome.Behind, code,
                $"{report.Pending.Count} pending revision(s): {string.Join(", ", report.Pending.Select(p => p.Id))}", clock.Elapsed);
        if (!report.MatchesModel)
            return new TargetResult(report.Database, TargetOutcome.Drifted, code,
                "schema differs from the model: " + string.Join("; ", report.Differences.Take(5).Select(d => d.Describe())) +
                (report.Differences.Count > 5 ? $"; and {report.Differences.Count - 5} more" : ""), clock.Elapsed);
        return new TargetResult(report.Database, TargetOutcome.AtHead, 0, "", clock.Elapsed);
    }
}
