using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml;

/// <summary>
/// The table keys beyond columns and their objects: `primary_key:` in its map form, checks in their map form,
/// `partition_by:` and `partitions:` (PostgreSQL).
/// </summary>
internal static class TableOptionsReader
{
    private static readonly string[] PrimaryKeyKeys = ["columns", "name", "deferrable"];
    private static readonly string[] CheckKeys = ["expression", "no_inherit", "not_valid"];
    private static readonly string[] PartitionKeys = ["bound", "partition_by", "partitions"];

    /// <summary>`primary_key: [a, b]`, `primary_key: a`, or `primary_key: { columns: [a, b], name: pk_t, deferrable: initially deferred }`.</summary>
    public static (List<string> Columns, string? Name, Deferrability Deferrable) ReadPrimaryKey(YamlValue value, string what, YamlNodes nodes)
    {
        if (value is not YamlMap map) return (ModelLoader.ReadNameList(value, what, nodes), null, Deferrability.NotDeferrable);
        List<string>? columns = null;
        string? name = null;
        var deferrable = Deferrability.NotDeferrable;
        foreach (var (key, v, _) in nodes.Entries(map, what, PrimaryKeyKeys))
        {
            switch (key)
            {
                case "columns": columns = ModelLoader.ReadNameList(v, what, nodes); break;
                case "name": name = nodes.String(v, "name"); break;
                default: deferrable = ForeignKeyReader.ReadDeferrable(v, nodes); break;
            }
        }
        if (columns is null) nodes.Error(value, $"{what} needs `columns:`");
        return (columns ?? [], name, deferrable);
    }

    /// <summary>A check: its condition, or `{ expression: ..., no_inherit: true, not_valid: true }`.</summary>
    public static Check? ReadCheck(string name, string table, YamlValue value, YamlNodes nodes)
    {
        if (value is not YamlMap map) return nodes.Sql(value, $"check '{name}' of table '{table}'") is { } text ? new Check(name, text) : null;
        string? expression = null;
        bool noInherit = false, notValid = false;
        foreach (var (key, v, _) in nodes.Entries(map, $"check '{name}'", CheckKeys))
        {
            if (key == "expression") expression = nodes.Sql(v, $"check '{name}' of table '{table}'");
            else if (key == "not_valid") notValid = nodes.Bool(v, "not_valid") ?? false;
            else noInherit = nodes.Bool(v, "no_inherit") ?? false;
        }
        if (expression is null) nodes.Error(value, $"check '{name}' needs `expression:`");
        return expression is null ? null : new Check(name, expression, noInherit, notValid);
    }

    /// <summary>`partitions:` under a `partition_by:`: name → bound, or name → `{ bound, partition_by, partitions }`.</summary>
    public static ValueList<Partition> ReadPartitions(YamlValue value, string what, YamlNodes nodes)
    {
        if (nodes.Map(value, $"partitions of {what}") is not { } map) return ValueList<Partition>.Empty;
        var partitions = new List<Partition>();
        foreach (var (name, node, keyNode) in nodes.Entries(map, $"partitions of {what}", []))
            if (ReadPartition(name, node, keyNode, nodes) is { } partition) partitions.Add(partition);
        return partitions.ToValueList();
    }

    private static Partition? ReadPartition(string name, YamlValue node, YamlValue keyNode, YamlNodes nodes)
    {
        var what = $"partition '{name}'";
        if (node is not YamlMap map) return nodes.Sql(node, $"bound of {what}") is { } bound ? new Partition(name, bound) : null;
        string? boundText = null, by = null;
        YamlValue? partitionsNode = null;
        foreach (var (key, v, _) in nodes.Entries(map, what, PartitionKeys))
        {
            switch (key)
            {
                case "bound": boundText = nodes.Sql(v, $"bound of {what}"); break;
                case "partition_by": by = nodes.Sql(v, $"partition_by of {what}"); break;
                default: partitionsNode = v; break;
            }
        }
        if (boundText is null) nodes.Error(keyNode, $"{what} needs `bound:` (e.g. \"FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')\" or DEFAULT)");
        if (partitionsNode is not null && by is null) nodes.Error(keyNode, $"{what} has `partitions:` without `partition_by:`");
        if (boundText is null) return null;
        var partitioning = by is null ? null : new Partitioning(by, partitionsNode is null ? ValueList<Partition>.Empty : ReadPartitions(partitionsNode, what, nodes));
        return new Partition(name, boundText, partitioning);
    }
}
