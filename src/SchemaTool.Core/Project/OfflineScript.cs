using System.Data.Common;
using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Revisions;

namespace SchemaTool.Project;

/// <summary>
/// `apply --sql`: the script of the pending revisions, for a person to run by hand. It starts after --from REV,
/// else after what the database's history records, else (no database reachable) at base. It never writes.
/// </summary>
public static class OfflineScript
{
    public sealed record Result(string Script, string From, IReadOnlyList<Revision> Revisions);

    public static async Task<Result> CreateAsync(Workspace workspace, string target, string? from, Action<string> note, CancellationToken ct)
    {
        var graph = workspace.LoadRevisions();
        var (applied, start) = from is not null
            ? FromRevision(graph, from)
            : await FromHistoryAsync(workspace, graph, note, ct);
        var revisions = RevisionPlanner.Pending(graph, applied, target);
        var goal = revisions.Count > 0 ? revisions[^1].Id : target;
        var header =
            $"-- schematool apply --sql: {workspace.Dialect.Name}, from {start} to {target}, {revisions.Count} revision(s)\n" +
            $"-- this script does not write {workspace.Config.HistoryTable}: after running it, run `schematool stamp {goal}`\n\n";
        return new Result(header + RevisionScript.Render(workspace.Dialect, revisions, Direction.Up), start, revisions);
    }

    private static (IReadOnlySet<string>, string) FromRevision(RevisionGraph graph, string from)
    {
        if (from == "base") return (new HashSet<string>(), "base");
        var revision = graph.Resolve(from);
        return (graph.AncestorsOf(revision.Id), revision.Id);
    }

    private static async Task<(IReadOnlySet<string>, string)> FromHistoryAsync(Workspace workspace, RevisionGraph graph, Action<string> note, CancellationToken ct)
    {
        try
        {
            await using var session = await workspace.Dialect.OpenExistingAsync(workspace.Target, ct);
            var state = await workspace.CreateMigrator(session, graph, new MigratorOptions(TimeSpan.Zero)).ReadStateAsync(ct);
            var current = RevisionPlanner.Current(graph, state.Applied, state.Rows);
            return (state.Applied, current.Count == 0 ? "base" : string.Join("+", current));
        }
        catch (Exception e) when (e is DatabaseException or DbException or TimeoutException)
        {
            note($"{workspace.Target.Display} is not reachable, so the script starts at base ({e.Message})");
            return (new HashSet<string>(), "base");
        }
    }
}
