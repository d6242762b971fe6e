using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml.Objects;

/// <summary>`views:` — name → { sql, materialized, columns, indexes, comment, with, algorithm, security }.</summary>
internal static class ViewReader
{
    private static readonly string[] ViewKeys = ["sql", "materialized", "columns", "indexes", "comment", "with", "algorithm", "security", "cluster_on"];

    public static void Read(string name, YamlValue node, YamlValue keyNode, YamlNodes nodes, ObjectDrafts drafts)
    {
        var what = $"view '{name}'";
        if (nodes.Map(node, what) is not { } map) return;
        string? sql = null, comment = null, algorithm = null, clusterOn = null;
        YamlValue? clusterOnNode = null;
        var invoker = false;
        var materialized = false;
        List<string> columns = [];
        var indexes = new TableDraft(name, nodes.Where(keyNode), nodes);
        YamlValue? indexesNode = null;
        List<(string Name, string Value, YamlValue Node)> with = [];
        foreach (var (key, value, _) in nodes.Entries(map, what, ViewKeys))
        {
            switch (key)
            {
                case "sql": sql = nodes.Sql(value, $"sql of {what}", SqlChecks.Statement); break;
                case "materialized": materialized = nodes.Bool(value, "materialized") ?? false; break;
                case "columns": columns = ModelLoader.ReadNameList(value, $"columns of {what}", nodes); break;
                case "comment": comment = nodes.String(value, "comment"); break;
                case "with": with = StorageParameterReader.ReadEntries(value, what, nodes); break;
                case "algorithm": algorithm = Word(value, what, "algorithm", ["undefined", "merge", "temptable"], nodes) is { } a and not "undefined" ? a : null; break;
                case "cluster_on": (clusterOn, clusterOnNode) = (nodes.String(value, key), value); break;
                case "security": invoker = Word(value, what, "security", ["definer", "invoker"], nodes) == "invoker"; break;
                case "indexes":
                    indexesNode = value;
                    if (nodes.Map(value, $"indexes of {what}") is { } indexMap)
                        foreach (var (index, indexNode, indexKey) in nodes.Entries(indexMap, $"indexes of {what}", []))
                            IndexReader.Read(indexes, index, indexNode, indexKey, nodes);
                    break;
            }
        }
        if (string.IsNullOrWhiteSpace(sql)) nodes.Error(keyNode, $"{what} has no query: add `sql:` (the SELECT)");
        if (indexesNode is not null && !materialized)
            nodes.Error(indexesNode, $"{what}: only a materialized view has indexes (add `materialized: true`)");
        var indexNames = indexes.Indexes.Select(i => i.Index.Name).ToList();
        if (clusterOn is not null && !indexNames.Contains(clusterOn))
            nodes.Error(clusterOnNode!, $"{what}: `cluster_on:` names no index of the materialized view: {clusterOn}" +
                                        (indexNames.Count == 0 ? "" : $" (its indexes: {string.Join(", ", indexNames)})"));
        var view = new View(name, sql ?? "", materialized, columns.ToValueList(),
            indexes.Indexes.Select(i => i.Index).OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList(), comment,
            StorageParameterReader.ForView(with, materialized, what, nodes), algorithm, invoker, clusterOn);
        drafts.Views.Add((view, nodes.Where(keyNode)));
    }

    /// <summary>One of <paramref name="words"/>, in lower case; null (and an error at its place) for anything else.</summary>
    private static string? Word(YamlValue value, string what, string key, string[] words, YamlNodes nodes)
    {
        var word = nodes.String(value, key)?.Trim().ToLowerInvariant();
        if (word is null || words.Contains(word)) return word;
        nodes.Error(value, $"{what}: `{key}:` must be one of {string.Join(", ", words)}, not {word}");
        return null;
    }
}
