using SchemaTool.Revisions;

namespace SchemaTool.Apply;

/// <summary>
/// An applied revision whose files are not what the history recorded: its up file or its down file edited since (the
/// down file is what `rollback` runs), or both files gone. A row whose down checksum was never recorded (a history
/// table older than the column) is judged by its up file alone.
/// </summary>
public sealed record ChangedRevision(HistoryRow Row, Revision? Revision, bool UpEdited, bool DownEdited)
{
    public bool Missing => Revision is null;

    /// <summary>"up file", "down file" or "up and down files".</summary>
    public string Files => (UpEdited, DownEdited) switch
    {
        (true, true) => "up and down files",
        (true, false) => "up file",
        _ => "down file",
    };

    /// <summary>The edited file to name in a message: the up file when it changed, else the down file.</summary>
    public string? Path => Revision is null ? null : UpEdited ? Revision.UpPath : Revision.DownPath;

    /// <summary>The applied revisions among <paramref name="rows"/> whose files changed or are gone, in history order.</summary>
    public static IReadOnlyList<ChangedRevision> Find(RevisionGraph graph, IReadOnlyList<HistoryRow> rows)
    {
        var changed = new List<ChangedRevision>();
        foreach (var row in rows.Where(r => r.Complete))
        {
            var revision = graph.Find(row.Revision);
            if (revision is null)
            {
                changed.Add(new ChangedRevision(row, null, false, false));
                continue;
            }
            var up = revision.Checksum != row.Checksum;
            var down = row.DownChecksum is { } recorded && recorded != revision.DownChecksum;
            if (up || down) changed.Add(new ChangedRevision(row, revision, up, down));
        }
        return changed;
    }
}
