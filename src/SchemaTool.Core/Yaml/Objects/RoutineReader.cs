using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml.Objects;

/// <summary>
/// `functions:`, `procedures:` and `aggregates:` — key → { name, definition, comment }, the definition the whole
/// CREATE statement. The key is the model's name of the routine; `name:` its name on the server where it differs
/// (PostgreSQL overloads share one: `pick_int: { name: pick, ... }`).
/// </summary>
internal static class RoutineReader
{
    private static readonly string[] RoutineKeys = ["name", "definition", "comment"];

    public static void Read(RoutineKind kind, string key, YamlValue node, YamlValue keyNode, YamlNodes nodes, ObjectDrafts drafts)
    {
        var what = $"{kind.ToString().ToLowerInvariant()} '{key}'";
        if (nodes.Map(node, what) is not { } map) return;
        var entries = nodes.Entries(map, what, RoutineKeys).ToList();
        var name = ServerName(entries, what, nodes) ?? key;
        string? definition = null, comment = null;
        foreach (var (entry, value, _) in entries)
        {
            if (entry == "definition") definition = nodes.Sql(value, $"definition of {what}", SqlChecks.Creates(Keyword(kind), name));
            else if (entry == "comment") comment = nodes.String(value, "comment");
        }
        if (string.IsNullOrWhiteSpace(definition)) nodes.Error(keyNode, $"{what} has no `definition:` (its whole CREATE statement)");
        drafts.Routines.Add((new Routine(name, kind, definition ?? "", comment) { Key = name == key ? null : key }, nodes.Where(keyNode)));
    }

    /// <summary>`name:`, the routine's name on the server, where it is not the key; null where it is not given.</summary>
    private static string? ServerName(List<(string Key, YamlValue Value, YamlValue KeyNode)> entries, string what, YamlNodes nodes) =>
        entries.FirstOrDefault(e => e.Key == "name") is { Value: { } value } ? Objects.ServerName.Read(value, what, nodes) : null;

    /// <summary>The word a routine's CREATE statement names its kind by.</summary>
    public static string Keyword(RoutineKind kind) => kind switch
    {
        RoutineKind.Procedure => "PROCEDURE",
        RoutineKind.Aggregate => "AGGREGATE",
        _ => "FUNCTION",
    };
}
