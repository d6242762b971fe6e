using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml.Objects;

/// <summary>`views:` — name → { sql, materialized, columns, indexes, comment, with }.</summary>
internal static class ViewReader
{
    private static readonly string[] ViewKeys = ["sql", "materialized", "columns", "indexes", "comment", "with"];

    public static void Read(string name, YamlValue node, YamlValue keyNode, YamlNodes nodes, ObjectDrafts drafts)
    {
        var what = $"view '{name}'";
        if (nodes.Map(node, what) is not { } map) return;
        string? sql = null, comment = null;
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
        var view = new View(name, sql ?? "", materialized, columns.ToValueList(),
            indexes.Indexes.Select(i => i.Index).OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList(), comment,
            StorageParameterReader.ForView(with, materialized, what, nodes));
        drafts.Views.Add((view, nodes.Where(keyNode)));
    }
}
