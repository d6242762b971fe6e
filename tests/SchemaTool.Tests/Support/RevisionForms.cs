using SchemaTool.Dialects;
using SchemaTool.Diff;
using SchemaTool.Planning;

namespace SchemaTool.Tests.Support;

/// <summary>
/// A golden file's text for operations on a table that exists: the online forms `plan` writes by default, then,
/// where they differ, the plain forms of `online: false` below a marker line, so that both are reviewed side by side.
/// Each form is checked to split back into exactly its statements.
/// </summary>
public static class RevisionForms
{
    public const string PlainMarker = "-- ==== plain forms (online: false) ====\n\n";

    public static string Of(IDialect dialect, IReadOnlyList<Operation> operations)
    {
        var online = PlannedStatements.Render(dialect, operations, PlanSettings.Default);
        var plain = PlannedStatements.Render(dialect, operations, new PlanSettings(Online: false));
        return online == plain ? online : online + PlainMarker + plain;
    }
}
