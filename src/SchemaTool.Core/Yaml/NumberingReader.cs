using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml;

/// <summary>
/// `auto_increment:` as <c>true</c>/<c>false</c>, or as a map of how the column numbers itself:
/// <c>{ always: true, start: 1000, increment: 5, min: 1, max: 99999, cache: 20, cycle: true, sequence: t_id_seq }</c>.
/// </summary>
internal static class NumberingReader
{
    private static readonly string[] NumberingKeys = ["always", "sequence", "sequence_type", "start", "increment", "min", "max", "cache", "cycle", "unlogged"];

    public static (bool AutoIncrement, Numbering? Options) Read(YamlValue value, string what, YamlNodes nodes)
    {
        if (value is not YamlMap map) return (nodes.Bool(value, "auto_increment") ?? false, null);
        var options = Numbering.Default;
        foreach (var (key, v, _) in nodes.Entries(map, $"auto_increment of {what}", NumberingKeys))
        {
            options = key switch
            {
                "always" => options with { Always = nodes.Bool(v, "always") ?? false },
                "sequence" => options with { Sequence = nodes.String(v, "sequence") },
                "sequence_type" => options with { SequenceType = nodes.String(v, "sequence_type") },
                "start" => options with { Start = Long(v, "start", nodes) },
                "increment" => options with { Increment = Long(v, "increment", nodes) },
                "min" => options with { MinValue = Long(v, "min", nodes) },
                "max" => options with { MaxValue = Long(v, "max", nodes) },
                "cache" => options with { Cache = Long(v, "cache", nodes) },
                "unlogged" => options with { Unlogged = nodes.Bool(v, "unlogged") },
                _ => options with { Cycle = nodes.Bool(v, "cycle") ?? false },
            };
        }
        if (options.Increment == 0) nodes.Error(value, $"auto_increment of {what}: increment cannot be 0");
        if (options.Cache < 1) nodes.Error(value, $"auto_increment of {what}: cache must be 1 or more");
        return (true, options.IsDefault ? null : options);
    }

    private static long? Long(YamlValue node, string what, YamlNodes nodes)
    {
        if (node is YamlScalar { Plain: true, Value: var v }
            && long.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
            return n;
        nodes.Error(node, $"{what} must be a whole number");
        return null;
    }
}
