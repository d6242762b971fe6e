namespace SchemaTool.Revisions;

/// <summary>A revision: the pair of up/down SQL files and the header that links it to its parents.</summary>
public sealed record Revision(
    string Id,
    IReadOnlyList<string> Parents,
    string Message,
    DateTimeOffset Created,
    string UpPath,
    string DownPath,
    string UpSql,
    string DownSql)
{
    /// <summary>SHA-256 of the up file with line endings made \n, so a checkout on Windows does not count as an edit.</summary>
    public string Checksum => RevisionFile.Checksum(UpSql);
}
