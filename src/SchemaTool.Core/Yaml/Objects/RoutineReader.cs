using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml.Objects;

/// <summary>`functions:`, `procedures:` and `aggregates:` — name → { definition, comment }, the definition the whole CREATE statement.</summary>
internal static class RoutineReader
{
    private static readonly string[] RoutineKeys = ["definition", "comment"];

    public static void Read(RoutineKind kind, string name, YamlValue node, YamlValue keyNode, YamlNodes nodes, ObjectDrafts drafts)
    {
        var what = $"{kind.ToString().ToLowerInvariant()} '{name}'";
        if (nodes.Map(node, what) is not { } map) return;
        string? definition = null, comment = null;
        foreach (var (key, value, _) in nodes.Entries(map, what, RoutineKeys))
        {
            if (key == "definition") definition = nodes.Sql(value, $"definition of {what}", SqlChecks.Creates(Keyword(kind)));
            else comment = nodes.String(value, "comment");
        }
        if (string.IsNullOrWhiteSpace(definition)) nodes.Error(keyNode, $"{what} has no `definition:` (its whole CREATE statement)");
        drafts.Routines.Add((new Routine(name, kind, definition ?? "", comment), nodes.Where(keyNode)));
    }

    /// <summary>The word a routine's CREATE statement names its kind by.</summary>
    public static string Keyword(RoutineKind kind) => kind switch
    {
        RoutineKind.Procedure => "PROCEDURE",
        RoutineKind.Aggregate => "AGGREGATE",
        _ => "FUNCTION",
    };
}
