using SchemaTool.Apply;

namespace SchemaTool.Revisions;

/// <summary>
/// The `-- WARNING:` lines of the files a run is about to execute: plan writes one above each statement that can
/// lose data (in the down file too, where undoing an added column drops it), and a person may add their own.
/// </summary>
public static class RevisionWarnings
{
    private const string Marker = "-- WARNING:";

    /// <summary>"applying REV (message): drops column users.email and its data", one per warning line, in file order.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<Revision> revisions, Direction direction) =>
        revisions.SelectMany(r =>
        {
            var verb = direction == Direction.Up ? "applying" : "rolling back";
            var sql = direction == Direction.Up ? r.UpSql : r.DownSql;
            return sql.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.StartsWith(Marker, StringComparison.Ordinal))
                .Select(line => $"{verb} {r.Id} ({r.Message}): {line[Marker.Length..].Trim()}");
        }).ToList();
}
