using System.Text.RegularExpressions;
using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml;

/// <summary>
/// A table's `exclusions:` (PostgreSQL exclusion constraints): each a map of `using:`, `elements:` (index parts,
/// each with the operator of `with:`), `where:`, `deferrable:` and `comment:`.
/// </summary>
internal static partial class ExclusionReader
{
    private static readonly string[] Keys = ["using", "elements", "where", "deferrable", "comment"];
    private static readonly string[] ElementKeys = ["column", "expression", "with", "order", "opclass", "collation", "nulls"];

    public static void Read(TableDraft table, YamlValue value, YamlNodes nodes)
    {
        if (nodes.Map(value, $"exclusions of '{table.Name}'") is not { } map) return;
        foreach (var (name, node, keyNode) in nodes.Entries(map, $"exclusions of '{table.Name}'", []))
            if (ReadOne(table.Name, name, node, keyNode, nodes) is { } exclusion)
                table.Exclusions.Add((exclusion, nodes.Where(keyNode)));
    }

    private static Exclusion? ReadOne(string table, string name, YamlValue node, YamlValue keyNode, YamlNodes nodes)
    {
        var what = $"exclusion constraint '{name}' of '{table}'";
        if (nodes.Map(node, what) is not { } map) return null;
        var elements = new List<ExclusionElement>();
        var sawElements = false;
        string? method = null, where = null, comment = null;
        var deferrable = Deferrability.NotDeferrable;
        foreach (var (key, value, _) in nodes.Entries(map, what, Keys))
        {
            switch (key)
            {
                case "using": method = nodes.String(value, "using")?.Trim().ToLowerInvariant(); break;
                case "where": where = nodes.Sql(value, $"where of {what}"); break;
                case "comment": comment = nodes.String(value, "comment"); break;
                case "deferrable": deferrable = ForeignKeyReader.ReadDeferrable(value, nodes); break;
                case "elements":
                    sawElements = true;
                    if (nodes.List(value, $"elements of {what}") is not { } list) break;
                    if (list.Items.Count == 0) nodes.Error(value, $"{what} needs at least one element");
                    elements.AddRange(list.Items.Select(e => ReadElement(e, what, nodes)).OfType<ExclusionElement>());
                    break;
            }
        }
        if (!sawElements) nodes.Error(keyNode, $"{what} has no `elements:` list");
        if (method is not null && !MethodName().IsMatch(method)) nodes.Error(keyNode, $"{what}: `using: {method}` is not an index method name (gist, btree, spgist, hash)");
        return new Exclusion(name, elements.ToValueList(), method, where, deferrable, comment);
    }

    private static ExclusionElement? ReadElement(YamlValue node, string what, YamlNodes nodes)
    {
        if (node is not YamlMap)
        {
            nodes.Error(node, $"an element of {what} is a map: {{ column: room, with: \"=\" }} or {{ expression: \"lower(name)\", with: \"=\" }}");
            return null;
        }
        string? op = null;
        YamlValue? withNode = null;
        var part = IndexReader.ReadPart(node, what, nodes, ElementKeys, (key, value) =>
        {
            if (key != "with") return;
            withNode = value;
            op = nodes.String(value, "with")?.Trim();
        });
        if (withNode is null)
        {
            nodes.Error(node, $"an element of {what} needs `with:`, the operator two rows are compared with (=, &&)");
            return null;
        }
        if (op is null || !Operator().IsMatch(op))
        {
            nodes.Error(withNode, $"`with:` of an element of {what} must be an operator such as = or && (or OPERATOR(schema.op))");
            return null;
        }
        return part is null ? null : new ExclusionElement(part, op);
    }

    [GeneratedRegex(@"^[a-z_][a-z0-9_]*$")]
    private static partial Regex MethodName();

    // PostgreSQL's operator characters, or an operator named with its schema.
    [GeneratedRegex(@"^([-+*/<>=~!@#%^&|`?]{1,63}|OPERATOR\(\s*[A-Za-z_][A-Za-z0-9_]*\s*\.\s*[-+*/<>=~!@#%^&|`?]{1,63}\s*\))$")]
    private static partial Regex Operator();
}
