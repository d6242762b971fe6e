using SchemaTool.Project;

namespace SchemaTool.Cli.Output;

/// <summary>`history --json`: the revisions, newest first.</summary>
public sealed record HistoryJson(string Database, IReadOnlyList<HistoryEntryJson> Revisions)
{
    public static HistoryJson Of(string database, IReadOnlyList<HistoryEntry> entries) =>
        new(database, entries.Select(HistoryEntryJson.Of).ToList());
}

/// <summary>One revision: state is applied, pending or half_applied; applied_at and duration_ms are null unless applied.</summary>
public sealed record HistoryEntryJson(
    string Id,
    IReadOnlyList<string> Parents,
    string Message,
    string Created,
    string State,
    bool Head,
    bool Current,
    string? AppliedAt,
    long? DurationMs)
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
        e.Row is { Complete: true } done ? done.DurationMs : null);
}
