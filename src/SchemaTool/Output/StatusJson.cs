using SchemaTool.Project;

namespace SchemaTool.Cli.Output;

/// <summary>`status --json`.</summary>
public sealed record StatusJson(
    string Database,
    IReadOnlyList<string> Current,
    IReadOnlyList<string> Heads,
    bool AtHead,
    IReadOnlyList<RevisionJson> Pending,
    IReadOnlyList<HalfAppliedJson> HalfApplied,
    bool MatchesModel,
    IReadOnlyList<OperationJson> Differences)
{
    public static StatusJson Of(StatusReport report) => new(
        report.Database,
        report.Current,
        report.Heads.Select(h => h.Id).ToList(),
        report.AtHead,
        report.Pending.Select(RevisionJson.Of).ToList(),
        report.HalfApplied.Select(HalfAppliedJson.Of).ToList(),
        report.MatchesModel,
        OperationJson.Of(report.Differences));
}
