using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Project;

/// <summary>What `inspect` found: the schema, its model YAML, and the objects the model cannot express.</summary>
public sealed record Inspection(Schema Schema, string Yaml, IReadOnlyList<UnmanagedObject> LeftAlone)
{
    /// <summary>One line per object left alone, for stderr.</summary>
    public IEnumerable<string> Notices =>
        LeftAlone.Select(o => $"{ModelWriter.Describe(o)} is not in the model's scope and is left alone");
}

/// <summary>Reads a database into model YAML that `plan` against the same database finds nothing to change in.</summary>
public static class Inspector
{
    public static async Task<Inspection> InspectAsync(IDatabaseSession session, CancellationToken ct) =>
        await InspectAsync(session, Apply.HistoryTable.DefaultName, ct);

    private static async Task<Inspection> InspectAsync(IDatabaseSession session, string historyTable, CancellationToken ct)
    {
        var schema = await session.IntrospectAsync(historyTable, ct);
        var leftAlone = schema.Unmanaged
            .OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        return new Inspection(schema, ModelWriter.Write(schema), leftAlone);
    }

    public static async Task<Inspection> InspectAsync(Workspace workspace, CancellationToken ct)
    {
        await using var session = await workspace.ConnectExistingAsync(ct);
        return await InspectAsync(session, workspace.Config.HistoryTable, ct);
    }
}
