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
    string DownSql,
    IReadOnlyList<StatementJson> UpStatements,
    IReadOnlyList<StatementJson> DownStatements)
{
    public static PlanJson Of(Plan plan, bool dryRun, WrittenRevisionJson? revision)
    {
        var tables = TableChanges.Of(plan);
        var (created, altered, renamed, dropped) = TableChanges.Count(tables);
        return new PlanJson(!plan.IsEmpty, dryRun, revision, new PlanCountsJson(plan.Operations.Count, created, altered, renamed, dropped),
            tables.Select(t => new TableChangeJson(t.Table, TableChanges.Word(t.Kind), t.Changes, t.Warnings, t.Object.Word())).ToList(),
            OperationJson.Of(plan.Operations), plan.Warnings, plan.Notices, plan.UpScript, plan.DownScript,
            StatementJson.Of(plan.UpStatements), StatementJson.Of(plan.DownStatements));
    }
}

/// <summary>
/// One statement of the revision and what it does: the lock it takes (PostgreSQL's lock mode, MySQL's ALGORITHM and
/// LOCK), work on its table's rows (none, scan, rewrite, or null when not known), whether writes wait for the whole
/// statement, whether it runs in the revision's transaction or in one of its own, the table's row estimate, and whether
/// it is flagged (it blocks writes to a large table while it works). table_is_new: the table is created in this revision.
/// </summary>
public sealed record StatementJson(
    string Sql,
    string Table,
    bool TableIsNew,
    string? Lock,
    string? Work,
    bool BlocksWrites,
    bool InTransaction,
    bool OwnTransaction,
    long? Rows,
    bool Flagged,
    string? Effect)
{
    public static IReadOnlyList<StatementJson> Of(IEnumerable<PlannedStatement> statements) => statements.Select(s => new StatementJson(
        s.Statement.Text, s.Table, s.NewTable, s.Statement.Traits.Lock,
        s.Statement.Traits.Work == Apply.TableWork.Unknown ? null : s.Statement.Traits.Work.ToString().ToLowerInvariant(),
        s.Statement.Traits.BlocksWrites, s.Statement.RunsInTransaction, s.Statement.Traits.OwnTransaction, s.Rows, s.Flagged, s.Effect())).ToList();
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
