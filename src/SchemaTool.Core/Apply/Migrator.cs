using System.Data.Common;
using SchemaTool.Dialects;
using SchemaTool.Revisions;

namespace SchemaTool.Apply;

public sealed record MigratorOptions(
    TimeSpan LockTimeout,
    bool AllowChanged = false,
    Action<string>? Log = null,
    IProgress<StatementProgress>? Progress = null,
    IStepObserver? Observer = null,
    LockWait? LockWait = null);

/// <summary>
/// Runs revisions against one database under the migration lock, recording each in the history table.
/// Every decision (what is applied, what is pending) is made after the lock is taken.
/// </summary>
public sealed class Migrator(IDatabaseSession session, RevisionGraph graph, MigratorOptions options, string historyTable = HistoryTable.DefaultName)
{
    private readonly HistoryTable _history = new(session, historyTable);

    public HistoryTable History => _history;

    /// <summary>Applies pending revisions up to <paramref name="target"/>: head, a revision id, or +N.</summary>
    public async Task<IReadOnlyList<Revision>> ApplyAsync(string target, CancellationToken ct)
    {
        // A target that names nothing, or head with two heads, is refused before the lock and the history table.
        RevisionPlanner.Pending(graph, new HashSet<string>(), target);
        await using var _ = await session.AcquireLockAsync(options.LockTimeout, Log, ct);
        await PrepareHistoryAsync(ct);
        var state = await ReadStateAsync(ct);
        var steps = RevisionPlanner.Pending(graph, state.Applied, target);
        foreach (var revision in steps)
        {
            var partial = state.Partial.GetValueOrDefault(revision.Id);
            await RunAsync(revision, Direction.Up, partial, ct);
        }
        return steps;
    }

    /// <summary>Runs down files until <paramref name="target"/> is current: a revision id, base, or -N.</summary>
    public async Task<IReadOnlyList<Revision>> RollbackAsync(string target, CancellationToken ct)
    {
        if (target != "base" && !target.StartsWith('-')) graph.Resolve(target);
        await using var _ = await session.AcquireLockAsync(options.LockTimeout, Log, ct);
        await PrepareHistoryAsync(ct);
        var steps = ToUndo(await ReadStateAsync(ct), target);
        foreach (var revision in steps)
            await RunAsync(revision, Direction.Down, null, ct);
        return steps;
    }

    /// <summary>What <see cref="ApplyAsync"/> would run now; takes no lock and writes nothing.</summary>
    public async Task<IReadOnlyList<Revision>> PendingAsync(string target, CancellationToken ct) =>
        RevisionPlanner.Pending(graph, (await ReadStateAsync(ct)).Applied, target);

    /// <summary>What <see cref="RollbackAsync"/> would run now; takes no lock and writes nothing.</summary>
    public async Task<IReadOnlyList<Revision>> ToUndoAsync(string target, CancellationToken ct) =>
        ToUndo(await ReadStateAsync(ct), target);

    private IReadOnlyList<Revision> ToUndo(State state, string target)
    {
        if (state.Partial.Count > 0)
            throw new InputException(
                $"revision {state.Partial.Keys.First()} is half-applied; fix its up file and run `schematool apply` to finish it before rolling back");
        return RevisionPlanner.ToUndo(graph, state.Rows.Where(r => r.Complete).ToList(), target);
    }

    /// <summary>
    /// Records <paramref name="target"/> and its ancestors as applied without running SQL (adopting a database whose
    /// schema is already there); base clears the history. Returns the revisions now recorded.
    /// </summary>
    public async Task<IReadOnlyList<Revision>> StampAsync(string target, CancellationToken ct)
    {
        var revision = target switch
        {
            "base" => null,
            "head" => RevisionPlanner.SingleHead(graph) ?? throw new InputException("there are no revisions to stamp; `schematool plan` writes the first"),
            _ => graph.Resolve(target),
        };
        var keep = revision is null ? [] : graph.AncestorsOf(revision.Id);
        var recorded = graph.TopologicalOrder().Where(r => keep.Contains(r.Id)).ToList();

        await using var _ = await session.AcquireLockAsync(options.LockTimeout, Log, ct);
        await _history.EnsureAsync(ct);
        foreach (var row in await _history.ReadAsync(ct)) await _history.DeleteAsync(row.Revision, ct);
        foreach (var r in recorded)
        {
            var total = session.Dialect.SplitStatements(r.UpSql).Count;
            await _history.InsertAsync(r, total, total, complete: true, 0, ct);
        }
        return recorded;
    }

    /// <summary>
    /// Records the checksums of applied revisions' files as they are now, for files edited on purpose (a comment, a
    /// fixed down file): all changed ones, or <paramref name="target"/> alone. Returns those it recorded.
    /// </summary>
    public async Task<IReadOnlyList<ChangedRevision>> RehashAsync(string? target, CancellationToken ct)
    {
        var revision = target is null ? null : graph.Resolve(target);
        await using var _ = await session.AcquireLockAsync(options.LockTimeout, Log, ct);
        await _history.EnsureAsync(ct);
        var rows = await _history.ReadAsync(ct);
        if (revision is not null && rows.All(r => r.Revision != revision.Id || !r.Complete))
            throw new InputException(rows.Any(r => r.Revision == revision.Id)
                ? $"revision {revision.Id} is half-applied, not applied: `schematool apply` finishes it and records its files as they are then"
                : $"revision {revision.Id} is not applied, so there is no checksum to record; `schematool apply` runs it");
        var changed = ChangedRevision.Find(graph, rows).Where(c => !c.Missing && (revision is null || c.Row.Revision == revision.Id)).ToList();
        foreach (var c in changed)
            await _history.UpdateChecksumsAsync(c.Row.Revision, c.Revision!.Checksum, c.Revision.DownChecksum, ct);
        // Rows older than the down checksum column get it too, whatever else changed.
        foreach (var row in rows.Where(r => r.Complete && r.DownChecksum is null && changed.All(c => c.Row.Revision != r.Revision)))
            if (graph.Find(row.Revision) is { } r && (revision is null || r.Id == revision.Id))
                await _history.UpdateChecksumsAsync(row.Revision, r.Checksum, r.DownChecksum, ct);
        return changed;
    }

    public sealed record State(IReadOnlyList<HistoryRow> Rows, HashSet<string> Applied, Dictionary<string, HistoryRow> Partial);

    public async Task<State> ReadStateAsync(CancellationToken ct)
    {
        var rows = await _history.ReadAsync(ct);
        VerifyChecksums(rows);
        return new State(
            rows,
            rows.Where(r => r.Complete).Select(r => r.Revision).ToHashSet(StringComparer.Ordinal),
            rows.Where(r => !r.Complete).ToDictionary(r => r.Revision, StringComparer.Ordinal));
    }

    private void VerifyChecksums(IReadOnlyList<HistoryRow> rows)
    {
        if (options.AllowChanged) return;
        var changes = ChangedRevision.Find(graph, rows).ToList();
        if (changes.Count == 0) return;
        var problems = changes.Select(c => c.Missing
            ? $"revision {c.Row.Revision} ({c.Row.Message}) is applied but its files are gone from the migrations folder"
            : $"{RevisionFolder.Display(c.Path!)}: revision {c.Row.Revision} was edited after it was applied (its {c.Files} changed: checksum differs)").ToList();
        // rehash records the checksums of files that are there; a revision whose files are gone has none to record.
        var hints = new List<string>();
        // No revision files at all is more often a wrong folder than files deleted one by one.
        if (graph.Revisions.Count == 0)
            hints.Add("the migrations folder holds no revisions: check `migrations:` in schematool.yaml and --project before anything else");
        if (changes.Any(c => !c.Missing))
            hints.Add("restore the edited files; or, if the change is intended, record it with `schematool rehash` (or run with --allow-changed)");
        foreach (var gone in changes.Where(c => c.Missing))
            hints.Add($"restore the files of {gone.Row.Revision} from version control; or, to make the history forget it (what it did stays " +
                      $"in the database), run `schematool discard {gone.Row.Revision} --force`");
        throw new InputException(string.Join(Environment.NewLine, problems.Concat(hints)));
    }

    /// <summary>
    /// Under the lock, before anything runs: the history table exists with every column, rows written before the
    /// down checksum column existed get their down file's checksum as it is now (when their up file is unchanged),
    /// and with --allow-changed the edited files' new checksums are recorded, so that `check` agrees afterwards.
    /// </summary>
    private async Task PrepareHistoryAsync(CancellationToken ct)
    {
        await _history.EnsureAsync(ct);
        var rows = await _history.ReadAsync(ct);
        foreach (var row in rows.Where(r => r.Complete && r.DownChecksum is null))
            if (graph.Find(row.Revision) is { } revision && revision.Checksum == row.Checksum)
                await _history.UpdateChecksumsAsync(row.Revision, row.Checksum, revision.DownChecksum, ct);
        if (!options.AllowChanged) return;
        foreach (var changed in ChangedRevision.Find(graph, rows).Where(c => !c.Missing))
        {
            await _history.UpdateChecksumsAsync(changed.Row.Revision, changed.Revision!.Checksum, changed.Revision.DownChecksum, ct);
            Log($"recorded the new checksums of revision {changed.Row.Revision} ({changed.Files} changed after it was applied; --allow-changed)");
        }
    }

    private async Task RunAsync(Revision revision, Direction direction, HistoryRow? halfApplied, CancellationToken ct)
    {
        var dialect = session.Dialect;
        var statements = dialect.Classify(dialect.SplitStatements(direction == Direction.Up ? revision.UpSql : revision.DownSql));
        var startAt = halfApplied?.StatementsDone ?? 0;
        Log((direction == Direction.Up ? "applying " : "rolling back ") + $"{revision.Id} {revision.Message}" +
            (halfApplied is not null ? $" (resuming at statement {startAt + 1} of {statements.Count})" : ""));
        var upCount = direction == Direction.Down ? dialect.SplitStatements(revision.UpSql).Count : statements.Count;
        var step = new MigrationStep(revision, direction, statements, startAt, _history, options.Progress, options.Log, halfApplied, options.Observer, upCount)
        {
            LockWait = options.LockWait ?? LockWait.Default,
        };
        try
        {
            await new StepRunner(session).RunAsync(step, ct);
        }
        catch (DbException e)
        {
            throw new DatabaseException($"revision {revision.Id}: {e.Message}", e);
        }
    }

    private void Log(string message) => options.Log?.Invoke(message);
}
