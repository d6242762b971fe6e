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

    /// <summary>
    /// Writes inspected YAML to a model file. A file the user wrote is never replaced unless <paramref name="force"/>
    /// says so (a hand-written model is lost otherwise); an absent or empty file, the example `init` wrote, and a
    /// file that already says the same are replaced. The text goes to a temporary file first and is moved into
    /// place, so a crash leaves the old file or the new one, never half of one.
    /// </summary>
    public static void WriteModelFile(string path, string yaml, bool force, string shownAs)
    {
        if (Directory.Exists(path))
            throw new InputException($"-o {shownAs} is a folder; name the file to write, e.g. -o schema/tables.yaml");
        if (!force && File.Exists(path))
        {
            var existing = File.ReadAllText(path);
            if (existing.Trim().Length > 0 && !ProjectInitializer.IsUntouchedExample(existing) && existing != yaml)
                throw new InputException($"-o {shownAs} exists and is not the example `init` wrote; inspect does not overwrite a model: " +
                                         "write to another file and compare, or add --force to replace it");
        }
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var temporary = path + $".{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, yaml);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
