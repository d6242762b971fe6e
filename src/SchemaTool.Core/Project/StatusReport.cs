using SchemaTool.Apply;
using SchemaTool.Diff;
using SchemaTool.Planning;
using SchemaTool.Revisions;

namespace SchemaTool.Project;

/// <summary>
/// Where a database stands: current revisions, pending ones, a half-applied one, drift from the model, and
/// applied revisions whose up or down file was edited after it ran, or whose files are gone.
/// </summary>
public sealed record StatusReport(
    string Database,
    IReadOnlyList<string> Current,
    IReadOnlyList<Revision> Pending,
    IReadOnlyList<HistoryRow> HalfApplied,
    IReadOnlyList<Revision> Heads,
    IReadOnlyList<Operation> Differences,
    IReadOnlyList<ChangedRevision> Edited,
    IReadOnlyList<HistoryRow> Missing)
{
    /// <summary>Half-applied rows whose revision's files are gone (a revision that failed and was deleted by hand): `discard` clears them.</summary>
    public IReadOnlyList<HistoryRow> HalfAppliedWithoutFiles { get; init; } = [];

    public bool AtHead => Pending.Count == 0 && HalfApplied.Count == 0;

    public bool MatchesModel => Differences.Count == 0;

    public static async Task<StatusReport> ReadAsync(Workspace workspace, CancellationToken ct)
    {
        var graph = workspace.LoadRevisions();
        await using var read = await workspace.ReadWithModelAsync(async session =>
        {
            var migrator = workspace.CreateMigrator(session, graph, new MigratorOptions(TimeSpan.Zero, AllowChanged: true));
            return (State: await migrator.ReadStateAsync(ct), Current: await workspace.IntrospectAsync(session, ct));
        }, ct, MissingDatabase.Refuse);
        var (model, session, (state, current)) = read;
        var pending = graph.TopologicalOrder().Where(r => !state.Applied.Contains(r.Id)).ToList();
        var plan = await Planner.CreateAsync(session, current, model, ct);
        var report = new StatusReport(workspace.Target.Display, RevisionPlanner.Current(graph, state.Applied, state.Rows), pending,
            state.Partial.Values.ToList(), graph.Heads, plan.Operations,
            ChangedRevision.Find(graph, state.Rows).Where(c => !c.Missing).ToList(),
            state.Rows.Where(r => r.Complete && graph.Find(r.Revision) is null).ToList());
        return report with { HalfAppliedWithoutFiles = state.Partial.Values.Where(r => graph.Find(r.Revision) is null).ToList() };
    }
}

/// <summary>One line of `history`: a revision with its marks, and what changed in its files since it was applied.</summary>
public sealed record HistoryEntry(Revision Revision, bool Applied, bool IsHead, bool IsCurrent, HistoryRow? Row, ChangedRevision? Changed = null);

/// <summary>
/// `history`: the revisions newest first, and the history rows that no revision file stands for (applied or
/// half-applied revisions whose files are gone), which the graph cannot place.
/// </summary>
public sealed record HistoryReport(IReadOnlyList<HistoryEntry> Entries, IReadOnlyList<HistoryRow> WithoutFiles)
{
    public static async Task<HistoryReport> ReadAsync(Workspace workspace, CancellationToken ct)
    {
        var graph = workspace.LoadRevisions();
        await using var session = await workspace.ConnectExistingAsync(ct);
        var migrator = workspace.CreateMigrator(session, graph, new MigratorOptions(TimeSpan.Zero, AllowChanged: true));
        var state = await migrator.ReadStateAsync(ct);
        var current = RevisionPlanner.Current(graph, state.Applied, state.Rows).ToHashSet();
        var heads = graph.Heads.Select(h => h.Id).ToHashSet();
        var rows = state.Rows.ToDictionary(r => r.Revision);
        var changed = ChangedRevision.Find(graph, state.Rows).Where(c => !c.Missing).ToDictionary(c => c.Row.Revision);
        var entries = graph.TopologicalOrder().Reverse()
            .Select(r => new HistoryEntry(r, state.Applied.Contains(r.Id), heads.Contains(r.Id), current.Contains(r.Id), rows.GetValueOrDefault(r.Id),
                changed.GetValueOrDefault(r.Id)))
            .ToList();
        return new HistoryReport(entries, state.Rows.Where(r => graph.Find(r.Revision) is null).ToList());
    }
}
