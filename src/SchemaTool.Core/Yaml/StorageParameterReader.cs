using System.Text.RegularExpressions;
using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml;

/// <summary>
/// `with: { fillfactor: 70, autovacuum_enabled: false }` of a table or an index (PostgreSQL's storage parameters):
/// each name one the server has for the table or the index's method, each value of its kind, compared in its
/// canonical spelling (<see cref="PostgresStorageParameters"/>).
/// </summary>
internal static partial class StorageParameterReader
{
    /// <summary>The raw entries, read before the index's method is known.</summary>
    public static List<(string Name, string Value, YamlValue Node)> ReadEntries(YamlValue value, string what, YamlNodes nodes)
    {
        var entries = new List<(string, string, YamlValue)>();
        if (nodes.Map(value, $"with of {what}") is not { } map) return entries;
        foreach (var (name, node, keyNode) in nodes.Entries(map, $"with of {what}", []))
        {
            if (!ParameterName().IsMatch(name))
            {
                nodes.Error(keyNode, name.StartsWith("toast.", StringComparison.OrdinalIgnoreCase)
                    ? $"{what}: the TOAST table's parameters (`{name}`) are not modelled"
                    : $"{what}: storage parameter '{name}' must be a lower-case name (letters, digits, _)");
                continue;
            }
            if (node is not YamlScalar { Value: var text } || text.Length == 0)
            {
                nodes.Error(node, $"{what}: storage parameter '{name}' needs a value (a number, true/false or a word)");
                continue;
            }
            entries.Add((name, text, keyNode));
        }
        return entries;
    }

    public static StorageParameters? ForTable(List<(string Name, string Value, YamlValue Node)> entries, string what, YamlNodes nodes) =>
        Canonical(entries, what, nodes, PostgresStorageParameters.TableNames, PostgresStorageParameters.TableValue, "a table");

    /// <summary>A view's options, or a materialized view's storage parameters (a table's).</summary>
    public static StorageParameters? ForView(List<(string Name, string Value, YamlValue Node)> entries, bool materialized, string what, YamlNodes nodes) =>
        materialized
            ? Canonical(entries, what, nodes, PostgresStorageParameters.TableNames, PostgresStorageParameters.TableValue, "a materialized view")
            : Canonical(entries, what, nodes, PostgresStorageParameters.ViewNames, PostgresStorageParameters.ViewValue, "a view");

    public static StorageParameters? ForIndex(List<(string Name, string Value, YamlValue Node)> entries, string? method, string what, YamlNodes nodes) =>
        Canonical(entries, what, nodes, PostgresStorageParameters.IndexNames(method),
            (name, value) => PostgresStorageParameters.IndexValue(method, name, value), $"a {method ?? "btree"} index");

    private static StorageParameters? Canonical(List<(string Name, string Value, YamlValue Node)> entries, string what, YamlNodes nodes,
        IReadOnlyCollection<string>? known, Func<string, string, (string? Value, string? Problem)> canonical, string kind)
    {
        var parameters = new List<StorageParameter>();
        foreach (var (name, text, node) in entries)
        {
            if (known is not null && !known.Contains(name))
            {
                var hint = Spelling.Nearest(name, known, limit: 2) is { } near ? $"did you mean {near}? " : "";
                nodes.Error(node, $"{what}: PostgreSQL has no storage parameter '{name}' for {kind}; {hint}expected one of: {string.Join(", ", known)}");
                continue;
            }
            var (value, problem) = canonical(name, text);
            if (problem is not null) nodes.Error(node, $"{what}: storage parameter '{name}' {problem}, not {text}");
            else parameters.Add(StorageParameter.Of(name, value!, text));
        }
        return StorageParameters.Of(parameters);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex ParameterName();
}
