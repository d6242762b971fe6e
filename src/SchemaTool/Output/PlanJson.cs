using SchemaTool.Model;
using SchemaTool.Planning;

namespace SchemaTool.Cli.Output;

/// <summary>
/// `plan --json`: changed is false when the database matches the model (nothing written); revision is null
/// then, and with --dry-run.
/// </summary>
public sealed record PlanJson(
    bool Changed,
    bool DryRun,
    WrittenRevisionJson? Revision,
    PlanCountsJson Summary,
    IReadOnlyList<TableChangeJson> Tables,
    IReadOnlyList<OperationJson> Operations,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Notices,
    string UpSql,
    string DownSql)
{
    public static PlanJson Of(Plan plan, bool dryRun, WrittenRevisionJson? revision)
    {
        var tables = TableChanges.Of(plan);
        var (created, altered, renamed, dropped) = TableChanges.Count(tables);
        return new PlanJson(!plan.IsEmpty, dryRun, revision, new PlanCountsJson(plan.Operations.Count, created, altered, renamed, dropped),
            tables.Select(t => new TableChangeJson(t.Table, TableChanges.Word(t.Kind), t.Changes, t.Warnings, t.Object.Word())).ToList(),
            OperationJson.Of(plan.Operations), plan.Warnings, plan.Notices, plan.UpScript, plan.DownScript);
    }
}

/// <summary>How many operations, and how many tables each way.</summary>
public sealed record PlanCountsJson(int Operations, int Created, int Altered, int Renamed, int Dropped);

/// <summary>
/// One table of the plan, or another object (<paramref name="Kind"/>: view, sequence...): change is created, altered,
/// renamed or dropped.
/// </summary>
public sealed record TableChangeJson(string Table, string Change, IReadOnlyList<string> Details, IReadOnlyList<string> Warnings, string Kind);

/// <summary>The revision files plan wrote, paths relative to the current folder.</summary>
public sealed record WrittenRevisionJson(string Id, IReadOnlyList<string> Parents, string Message, string UpPath, string DownPath);
