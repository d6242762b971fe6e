using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SchemaTool.Yaml;

/// <summary>Typed reads of YAML nodes that record errors with file:line:column instead of throwing.</summary>
internal sealed class YamlNodes(string file)
{
    public List<string> Errors { get; } = [];

    public string File => file;

    public string Where(YamlNode node) => Where(node.Start);

    public string Where(Mark mark) => $"{file}:{mark.Line}:{mark.Column}";

    public void Error(YamlNode node, string message) => Errors.Add($"{Where(node)}: {message}");

    public YamlMappingNode? Map(YamlNode node, string what)
    {
        if (node is YamlMappingNode map) return map;
        Error(node, $"{what} must be a map (key: value)");
        return null;
    }

    public YamlSequenceNode? List(YamlNode node, string what)
    {
        if (node is YamlSequenceNode seq) return seq;
        Error(node, $"{what} must be a list");
        return null;
    }

    public string? String(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value }) return value;
        Error(node, $"{what} must be a text value");
        return null;
    }

    public bool? Bool(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v })
        {
            if (v is "true" or "True" or "TRUE") return true;
            if (v is "false" or "False" or "FALSE") return false;
        }
        Error(node, $"{what} must be true or false");
        return null;
    }

    public int? Int(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v }
            && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            return n;
        Error(node, $"{what} must be a whole number");
        return null;
    }

    /// <summary>Walks a map's entries, reporting keys that are not in <paramref name="allowed"/>.</summary>
    public IEnumerable<(string Key, YamlNode Value, YamlNode KeyNode)> Entries(YamlMappingNode map, string what, IReadOnlyCollection<string> allowed)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, $"{what}: keys must be text");
                continue;
            }
            if (allowed.Count > 0 && !allowed.Contains(key))
            {
                Error(keyNode, $"unknown key '{key}' in {what}; expected one of: {string.Join(", ", allowed)}");
                continue;
            }
            yield return (key, value, keyNode);
        }
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "Null" or "NULL" or "" };
}
