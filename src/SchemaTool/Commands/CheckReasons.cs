using SchemaTool.Cli.Output;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

/// <summary>What `check` holds against a database: everything that keeps it from being at head and matching the model.</summary>
public static class CheckReasons
{
    public static IReadOnlyList<CheckReason> Of(StatusReport report)
    {
        var reasons = new List<CheckReason>();
        if (report.Heads.Count > 1)
            reasons.Add(new("multiple_heads", null,
                $"the revisions have {report.Heads.Count} heads ({string.Join(", ", report.Heads.Select(h => h.Id))}); join them with `schematool merge`"));
        foreach (var row in report.HalfApplied)
            reasons.Add(new("half_applied", row.Revision, report.HalfAppliedWithoutFiles.Contains(row)
                ? $"revision {row.Revision} is half-applied ({row.StatementsDone} of {row.StatementsTotal} statements) but its files are gone; " +
                  $"`schematool discard {row.Revision}{(row.StatementsDone == 0 ? "" : " --force")}` clears the row"
                : $"revision {row.Revision} is half-applied ({row.StatementsDone} of {row.StatementsTotal} statements); fix it and run `schematool apply`"));
        foreach (var changed in report.Edited)
            reasons.Add(new("edited", changed.Row.Revision,
                $"revision {changed.Row.Revision} ({changed.Row.Message}) was edited after it was applied (its {changed.Files} changed); " +
                $"restore it, or record the change with `schematool rehash {changed.Row.Revision}`"));
        foreach (var row in report.Missing)
            reasons.Add(new("missing", row.Revision, $"revision {row.Revision} ({row.Message}) is applied but its files are gone"));
        foreach (var revision in report.Pending.Where(p => report.HalfApplied.All(h => h.Revision != p.Id)))
            reasons.Add(new("pending", revision.Id, $"revision {revision.Id} ({revision.Message}) is not applied; run `schematool apply`"));
        foreach (var op in report.Differences)
            reasons.Add(new("difference", null, $"the database differs from the model: {op.Describe()}"));
        return reasons;
    }
}
