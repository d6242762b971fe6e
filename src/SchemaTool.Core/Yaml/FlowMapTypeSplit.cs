using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml;

/// <summary>
/// `{ type: decimal(10,2) }` is, to YAML, the type `decimal(10` and a key `2)` without a value: a comma ends a
/// value in a flow map. Instead of an unknown type and an unknown key, the user is told to quote the type.
/// </summary>
internal static class FlowMapTypeSplit
{
    /// <summary>
    /// The column's map with the pieces of a split type taken out and the type left empty, after reporting it;
    /// the map itself when no type is split.
    /// </summary>
    public static YamlMap Rejoin(YamlMap map, string what, YamlNodes nodes)
    {
        var entries = map.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key is not YamlScalar { Value: "type" } || entries[i].Value is not YamlScalar { Plain: true } type) continue;
            var whole = type.Value;
            var depth = Depth(whole);
            var end = i + 1;
            while (depth > 0 && end < entries.Count && entries[end].Key is YamlScalar { Plain: true } piece && YamlNodes.IsNull(entries[end].Value))
            {
                whole += "," + piece.Value;
                depth = Depth(whole);
                end++;
            }
            if (end == i + 1 || depth != 0) return map;
            nodes.Error(type, $"{what}: the type was cut at its comma, since a comma ends a value inside {{ ... }}: quote the type, type: \"{whole}\"");
            var kept = new List<KeyValuePair<YamlValue, YamlValue>>(entries.Count);
            for (var j = 0; j < entries.Count; j++)
            {
                if (j == i) kept.Add(new(entries[j].Key, new YamlScalar("", false, type.Line, type.Column)));
                else if (j < i + 1 || j >= end) kept.Add(entries[j]);
            }
            return new YamlMap(kept, map.Line, map.Column);
        }
        return map;
    }

    private static int Depth(string text) => text.Count(c => c == '(') - text.Count(c => c == ')');
}
