using System.Text.Json;
using SchemaTool.Diff;

namespace SchemaTool.Cli.Output;

/// <summary>One schema change: kind (create_table, add_column, ...), table, object (column, index... or ""), description, warning.</summary>
public sealed record OperationJson(string Kind, string Table, string Object, string Description, string? Warning)
{
    public static OperationJson Of(Operation op) =>
        new(JsonNamingPolicy.SnakeCaseLower.ConvertName(op.GetType().Name), op.TableName, op.ObjectName, op.Describe(), op.Warning);

    public static IReadOnlyList<OperationJson> Of(IEnumerable<Operation> ops) => ops.Select(Of).ToList();
}

/// <summary>A revision as the JSON outputs name it.</summary>
public sealed record RevisionJson(string Id, IReadOnlyList<string> Parents, string Message, string Created)
{
    public static RevisionJson Of(Revisions.Revision r) => new(r.Id, r.Parents, r.Message, Json.Time(r.Created));
}

/// <summary>A revision that ran only partly (MySQL: DDL commits per statement); apply resumes it.</summary>
public sealed record HalfAppliedJson(string Revision, int StatementsDone, int StatementsTotal)
{
    public static HalfAppliedJson Of(Apply.HistoryRow row) => new(row.Revision, row.StatementsDone, row.StatementsTotal);
}
