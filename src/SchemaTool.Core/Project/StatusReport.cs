using SchemaTool.Apply;
using SchemaTool.Diff;
using SchemaTool.Planning;
using SchemaTool.Revisions;

namespace SchemaTool.Project;

/// <summary>
/// Where a database stands: current revisions, pending ones, a half-applied one, drift from the model, and
/// applied revisions whose up file was edited after it ran or is gone.
/// </summary>
public sealed record StatusReport(
    string Database,
    IReadOnlyList<string> Current,
    IReadOnlyList<Revision> Pending,
    IReadOnlyList<HistoryRow> HalfApplied,
    IReadOnlyList<Revision> Heads,
    IReadOnlyList<Operation> Differences,
    IReadOnlyList<HistoryRow> Edited,
    IReadOnlyList<HistoryRow> Missing)
{
    public bool AtHead => Pending.Count == 0 && HalfApplied.Count == 0;

    public bool MatchesModel => Differences.Count == 0;

    public static async Task<StatusReport> ReadAsync(Workspace workspace, CancellationToken ct)
    {
        var graph = workspace.LoadRevisions();
        await using var read = await workspace.ReadWithModelAsync(async session =>
        {
            var migrator = workspace.CreateMigrator(session, graph, new MigratorOptions(TimeSpan.Zero, AllowChanged: true));
            return (State: await migrator.ReadStateAsync(ct), Current: await session.IntrospectAsync(ct));
        }, ct);
        var (model, session, (state, current)) = read;
        var pending = graph.TopologicalOrder().Where(r => !state.Applied.Contains(r.Id)).ToList();
        var plan = await Planner.CreateAsync(session, current, model, ct);
        return new StatusReport(workspace.Target.Display, RevisionPlanner.Current(graph, state.Applied), pending,
            state.Partial.Values.ToList(), graph.Heads, plan.Operations,
            state.Rows.Where(r => r.Complete && graph.Find(r.Revision) is { } f && f.Checksum != r.Checksum).ToList(),
            state.Rows.Where(r => r.Complete && graph.Find(r.Revision) is null).ToList());
    }
}

/// <summary>One line of `history`: a revision with its marks.</summary>
public sealed record HistoryEntry(Revision Revision, bool Applied, bool IsHead, bool IsCurrent, HistoryRow? Row);

public static class HistoryReport
{
    /// <summary>Newest first. Without a database (unreachable or not given), nothing is marked applied.</summary>
    public static async Task<IReadOnlyList<HistoryEntry>> ReadAsync(Workspace workspace, CancellationToken ct)
    {
        var graph = workspace.LoadRevisions();
        await using var session = await workspace.ConnectAsync(ct);
        var migrator = workspace.CreateMigrator(session, graph, new MigratorOptions(TimeSpan.Zero, AllowChanged: true));
        var state = await migrator.ReadStateAsync(ct);
        var current = RevisionPlanner.Current(graph, state.Applied).ToHashSet();
        var heads = graph.Heads.Select(h => h.Id).ToHashSet();
        var rows = state.Rows.ToDictionary(r => r.Revision);
        return graph.TopologicalOrder().Reverse()
            .Select(r => new HistoryEntry(r, state.Applied.Contains(r.Id), heads.Contains(r.Id), current.Contains(r.Id), rows.GetValueOrDefault(r.Id)))
            .ToList();
    }
}
