using SchemaTool.Apply;
using SchemaTool.Revisions;

namespace SchemaTool.Project;

/// <summary>What `discard` did: the files it removed and the databases whose half-applied row of the revision it cleared.</summary>
public sealed record DiscardResult(string Revision, string Message, IReadOnlyList<string> RemovedFiles, IReadOnlyList<string> ClearedOn);

/// <summary>
/// `discard [REV] [--force]`: drops a revision that is not applied, as `dotnet ef migrations remove` does: its files,
/// and a half-applied row it left where nothing of it ran (statements_done = 0), or, with force, a row whose
/// statements are in place (they stay in the database). A revision applied anywhere, or with children, is refused,
/// saying why. REV may also name a history row whose files are gone (a revision that failed, then was deleted by
/// hand): the row is cleared on the same terms. Without REV, the one head. With a fleet in the config and no single
/// database chosen, every target is checked before anything is removed.
/// </summary>
public static class RevisionDiscard
{
    /// <summary>
    /// The databases a revision's files are shared by: <paramref name="chosen"/> when the user named one (--database,
    /// --target, SCHEMATOOL_DATABASE), else every target of the fleet and `database:`, else `database:`.
    /// </summary>
    public static async Task<IReadOnlyList<Workspace>> DatabasesAsync(ProjectConfig config, Func<Workspace> chosen, bool userChoseOne, CancellationToken ct)
    {
        if (userChoseOne || !FleetResolver.HasFleet(config)) return [chosen()];
        var targets = await FleetResolver.ResolveAsync(config, ct);
        var all = targets.Select(t => Workspace.ForUrl(config, t.Url).ForTarget(t)).ToList();
        if (config.Database is not null) all.Insert(0, chosen());
        return all;
    }

    public static async Task<DiscardResult> RunAsync(ProjectConfig config, IReadOnlyList<Workspace> databases, string? target, bool force,
                                                     MigratorOptions options, CancellationToken ct)
    {
        var graph = RevisionFolder.Load(config.MigrationsPath);
        var revision = target is null
            ? RevisionPlanner.SingleHead(graph) ?? throw new InputException("there are no revisions to discard")
            : Find(graph, target);
        var id = revision?.Id;
        if (revision is not null && graph.Children(revision.Id) is { Count: > 0 } children)
            throw new InputException($"revision {revision.Id} ({revision.Message}) is not a head: {string.Join(", ", children)} build(s) on it; discard those first");

        // Refusals first, on every database, so that nothing is removed when one of them says no.
        var rows = new List<(Workspace Database, HistoryRow Row)>();
        foreach (var database in databases)
        {
            await using var session = await database.ConnectAsync(ct);
            var found = await FindRowAsync(database, session, graph, revision, target, ct);
            if (found is null) continue;
            id ??= found.Revision;
            Refuse(database, found, revision, force);
            rows.Add((database, found));
        }
        if (id is null)
            throw new InputException($"no revision {target} in the migrations folder, nor in the history of {string.Join(", ", databases.Select(d => d.Target.Display))}");

        var cleared = new List<string>();
        foreach (var (database, _) in rows)
        {
            await using var session = await database.ConnectAsync(ct);
            var history = new HistoryTable(session, database.Config.HistoryTable);
            await using var held = await session.AcquireLockAsync(options.LockTimeout, options.Log ?? (_ => { }), ct);
            // Read again under the lock: an apply may have moved the row since.
            var row = (await history.ReadAsync(ct)).FirstOrDefault(r => r.Revision == id);
            if (row is null) continue;
            Refuse(database, row, revision, force);
            await history.DeleteAsync(id, ct);
            cleared.Add(database.Target.Display);
        }

        var removed = new List<string>();
        if (revision is not null)
        {
            foreach (var path in new[] { revision.UpPath, revision.DownPath })
            {
                File.Delete(path);
                removed.Add(RevisionFolder.Display(path));
            }
        }
        return new DiscardResult(id, revision?.Message ?? rows[0].Row.Message, removed, cleared);
    }

    /// <summary>The revision <paramref name="target"/> names; null when no file does (it may name a history row whose files are gone).</summary>
    private static Revision? Find(RevisionGraph graph, string target) =>
        graph.Revisions.Any(r => r.Id.StartsWith(target, StringComparison.Ordinal)) ? graph.Resolve(target) : null;

    private static async Task<HistoryRow?> FindRowAsync(Workspace database, Dialects.IDatabaseSession session, RevisionGraph graph, Revision? revision,
                                                        string? target, CancellationToken ct)
    {
        var rows = await new HistoryTable(session, database.Config.HistoryTable).ReadAsync(ct);
        if (revision is not null) return rows.FirstOrDefault(r => r.Revision == revision.Id);
        var matches = rows.Where(r => graph.Find(r.Revision) is null && r.Revision.StartsWith(target!, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new InputException($"revision prefix {target} matches {string.Join(", ", matches.Select(m => m.Revision))} in the history; give more digits"),
        };
    }

    private static void Refuse(Workspace database, HistoryRow row, Revision? revision, bool force)
    {
        var db = database.Target.Display;
        if (row.Complete)
        {
            if (revision is not null)
                throw new InputException(
                    $"revision {row.Revision} ({row.Message}) is applied to {db}; roll it back first " +
                    $"({(revision.Parents.Count == 1 ? $"`schematool rollback {revision.Parents[0]}`" : revision.Parents.Count == 0 ? "`schematool rollback base`" : "to one of its parents")}), then discard it");
            if (!force)
                throw new InputException(
                    $"revision {row.Revision} ({row.Message}) is applied to {db}, but its files are gone: restore them to roll it back, or run " +
                    $"`schematool discard {row.Revision} --force` to make the history forget it (what it did stays in the database)");
        }
        else if (row.StatementsDone > 0 && !force)
        {
            throw new InputException(
                $"revision {row.Revision} is half-applied on {db}: statements 1 to {row.StatementsDone} of {row.StatementsTotal} are in place. " +
                (revision is not null ? "Finish it with `schematool apply` and roll it back, or undo" : "Undo") +
                $" those statements by hand and run `schematool discard {row.Revision} --force`");
        }
    }
}
