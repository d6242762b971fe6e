using System.Globalization;
using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml.Objects;

/// <summary>`sequences:` — name → { type, start, increment, min, max, cache, cycle, owned_by, comment, renamed_from }.</summary>
internal static class SequenceReader
{
    private static readonly string[] SequenceKeys = ["type", "start", "increment", "min", "max", "cache", "cycle", "owned_by", "comment", "renamed_from"];

    public static void Read(string name, YamlValue node, YamlValue keyNode, YamlNodes nodes, ObjectDrafts drafts)
    {
        var what = $"sequence '{name}'";
        var sequence = new Sequence(name);
        if (YamlNodes.IsNull(node))
        {
            drafts.Sequences.Add((sequence, nodes.Where(keyNode)));
            return;
        }
        if (nodes.Map(node, what) is not { } map) return;
        foreach (var (key, value, _) in nodes.Entries(map, what, SequenceKeys))
        {
            sequence = key switch
            {
                "type" => sequence with { Type = nodes.String(value, "type") },
                "start" => sequence with { Start = Long(value, "start", nodes) },
                "increment" => sequence with { Increment = Long(value, "increment", nodes) },
                "min" => sequence with { Min = Long(value, "min", nodes) },
                "max" => sequence with { Max = Long(value, "max", nodes) },
                "cache" => sequence with { Cache = Long(value, "cache", nodes) },
                "cycle" => sequence with { Cycle = nodes.Bool(value, "cycle") ?? false },
                "owned_by" => sequence with { OwnedBy = nodes.String(value, "owned_by") },
                "comment" => sequence with { Comment = nodes.String(value, "comment") },
                _ => sequence with { RenamedFrom = nodes.String(value, "renamed_from") },
            };
        }
        if (sequence.Increment == 0) nodes.Error(keyNode, $"{what}: increment cannot be 0");
        if (sequence.OwnedBy is not null && sequence.Owner is null)
            nodes.Error(keyNode, $"{what}: owned_by must be written table.column, not '{sequence.OwnedBy}'");
        drafts.Sequences.Add((sequence, nodes.Where(keyNode)));
    }

    private static long? Long(YamlValue node, string what, YamlNodes nodes)
    {
        if (node is YamlScalar { Plain: true, Value: var v } && long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return n;
        nodes.Error(node, $"{what} must be a whole number");
        return null;
    }
}
