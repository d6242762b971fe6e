using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml;

internal static class IndexReader
{
    private static readonly string[] IndexKeys =
        ["columns", "unique", "using", "where", "comment", "constraint", "include", "nulls_not_distinct", "deferrable", "with"];
    private static readonly string[] PartKeys = ["column", "expression", "order", "opclass", "collation", "length", "nulls"];

    public static void Read(TableDraft table, string name, YamlValue node, YamlValue keyNode, YamlNodes nodes)
    {
        var what = $"index '{name}' of '{table.Name}'";
        if (nodes.Map(node, what) is not { } map) return;
        var parts = new List<IndexPart>();
        bool unique = false, constraint = false, sawColumns = false, nullsNotDistinct = false;
        List<string> include = [];
        var deferrable = Deferrability.NotDeferrable;
        string? method = null, where = null, comment = null;
        List<(string Name, string Value, YamlValue Node)> with = [];
        foreach (var (key, value, _) in nodes.Entries(map, what, IndexKeys))
        {
            switch (key)
            {
                case "columns":
                    sawColumns = true;
                    if (nodes.List(value, $"columns of {what}") is { } list)
                    {
                        parts.AddRange(list.Items.Select(c => ReadPart(c, what, nodes)).OfType<IndexPart>());
                        if (list.Items.Count == 0) nodes.Error(value, $"{what} needs at least one column");
                    }
                    break;
                case "unique": unique = nodes.Bool(value, "unique") ?? false; break;
                case "constraint": constraint = nodes.Bool(value, "constraint") ?? false; break;
                case "using": method = nodes.String(value, "using")?.ToLowerInvariant(); break;
                case "where": where = nodes.Sql(value, $"where of {what}"); break;
                case "comment": comment = nodes.String(value, "comment"); break;
                case "include": include = ModelLoader.ReadNameList(value, $"include of {what}", nodes); break;
                case "nulls_not_distinct": nullsNotDistinct = nodes.Bool(value, "nulls_not_distinct") ?? false; break;
                case "deferrable": deferrable = ForeignKeyReader.ReadDeferrable(value, nodes); break;
                case "with": with = StorageParameterReader.ReadEntries(value, what, nodes); break;
            }
        }
        if (!sawColumns) nodes.Error(keyNode, $"{what} has no `columns:` list");
        if (constraint && !unique) nodes.Error(keyNode, $"{what}: `constraint: true` needs `unique: true`");
        if (nullsNotDistinct && !unique) nodes.Error(keyNode, $"{what}: `nulls_not_distinct: true` needs `unique: true`");
        if (deferrable != Deferrability.NotDeferrable && !constraint)
            nodes.Error(keyNode, $"{what}: `deferrable:` needs `constraint: true` (only a UNIQUE constraint can be deferred, not an index)");
        table.Indexes.Add((new TableIndex(name, parts.ToValueList(), unique, method, where, constraint, comment,
            include.ToValueList(), nullsNotDistinct, deferrable, StorageParameterReader.ForIndex(with, method, what, nodes)), nodes.Where(keyNode)));
    }

    /// <param name="keys">The keys a part's map may have (an exclusion element's add `with:`); <paramref name="other"/> reads those this method does not.</param>
    internal static IndexPart? ReadPart(YamlValue node, string what, YamlNodes nodes, IReadOnlyCollection<string>? keys = null,
        Action<string, YamlValue>? other = null)
    {
        if (node is YamlScalar) return nodes.String(node, $"a column of {what}") is { } c ? IndexPart.Of(c) : null;
        if (nodes.Map(node, $"a column of {what}") is not { } map) return null;
        string? column = null, expression = null, opclass = null, collation = null;
        var descending = false;
        int? length = null;
        NullsOrder? nulls = null;
        foreach (var (key, value, _) in nodes.Entries(map, $"a column of {what}", keys ?? PartKeys))
        {
            switch (key)
            {
                default: other?.Invoke(key, value); break;
                case "column": column = nodes.String(value, "column"); break;
                case "expression": expression = nodes.Sql(value, $"expression of a column of {what}"); break;
                case "opclass": opclass = nodes.String(value, "opclass"); break;
                case "collation": collation = nodes.String(value, "collation"); break;
                case "length":
                    length = nodes.Int(value, "length");
                    if (length < 1) nodes.Error(value, "length must be 1 or more");
                    break;
                case "nulls":
                    var placed = nodes.String(value, "nulls")?.ToLowerInvariant();
                    if (placed is not ("first" or "last")) nodes.Error(value, "nulls must be first or last");
                    nulls = placed switch { "first" => NullsOrder.First, "last" => NullsOrder.Last, _ => null };
                    break;
                case "order":
                    var order = nodes.String(value, "order")?.ToLowerInvariant();
                    if (order is not ("asc" or "desc")) nodes.Error(value, "order must be asc or desc");
                    descending = order == "desc";
                    break;
            }
        }
        if ((column is null) == (expression is null))
        {
            nodes.Error(node, $"a column of {what} needs exactly one of `column:` or `expression:`");
            return null;
        }
        return new IndexPart(column, expression, descending, opclass, collation, length, nulls);
    }
}
