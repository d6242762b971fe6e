using SchemaTool.Project;

namespace SchemaTool.Cli.Output;

/// <summary>
/// `history --json`: the revisions, newest first; files_gone lists the history rows whose revision files are gone
/// (state applied or half_applied).
/// </summary>
public sealed record HistoryJson(string Database, IReadOnlyList<HistoryEntryJson> Revisions, IReadOnlyList<RowWithoutFilesJson> FilesGone)
{
    public static HistoryJson Of(string database, HistoryReport report) =>
        new(database, report.Entries.Select(HistoryEntryJson.Of).ToList(), report.WithoutFiles.Select(RowWithoutFilesJson.Of).ToList());
}

public sealed record RowWithoutFilesJson(string Id, string Message, string State, int StatementsDone, int StatementsTotal)
{
    public static RowWithoutFilesJson Of(Apply.HistoryRow row) =>
        new(row.Revision, row.Message, row.Complete ? "applied" : "half_applied", row.StatementsDone, row.StatementsTotal);
}

/// <summary>
/// One revision: state is applied, pending or half_applied; applied_at and duration_ms are null unless applied;
/// edited is true when an applied revision's up or down file changed since it was applied.
/// </summary>
public sealed record HistoryEntryJson(
    string Id,
    IReadOnlyList<string> Parents,
    string Message,
    string Created,
    string State,
    bool Head,
    bool Current,
    string? AppliedAt,
    long? DurationMs,
    bool Edited)
{
    public static HistoryEntryJson Of(HistoryEntry e) => new(
        e.Revision.Id,
        e.Revision.Parents,
        e.Revision.Message,
        Json.Time(e.Revision.Created),
        e.Applied ? "applied" : e.Row is not null ? "half_applied" : "pending",
        e.IsHead,
        e.IsCurrent,
        e.Row is { Complete: true } applied ? Json.Time(applied.AppliedAt) : null,
        e.Row is { Complete: true } done ? done.DurationMs : null,
        e.Changed is not null);
}
