using System.Text;
using SchemaTool.Model;

namespace SchemaTool.Yaml;

public static partial class ModelWriter
{
    private static void WriteExclusions(StringBuilder text, Table table)
    {
        if (table.Exclusions.Count == 0) return;
        text.Append("    exclusions:\n");
        foreach (var exclusion in table.Exclusions.OrderBy(e => e.Name, StringComparer.Ordinal))
            text.Append("      ").Append(YamlText.Key(exclusion.Name)).Append(": ").Append(ExclusionMap(exclusion)).Append('\n');
    }

    private static string ExclusionMap(Exclusion exclusion)
    {
        var entries = new List<string>();
        if (exclusion.Method is { } method) entries.Add("using: " + YamlText.Scalar(method));
        entries.Add("elements: " + YamlText.List(exclusion.Elements.Select(ElementText)));
        if (exclusion.Where is { } where) entries.Add("where: " + YamlText.Quoted(where));
        if (exclusion.Deferrable != Deferrability.NotDeferrable) entries.Add("deferrable: " + DeferrableText(exclusion.Deferrable));
        if (exclusion.Comment is { } comment) entries.Add("comment: " + YamlText.Quoted(comment));
        return "{ " + string.Join(", ", entries) + " }";
    }

    private static string ElementText(ExclusionElement element)
    {
        var part = element.Part;
        var entries = new List<string>
        {
            part.Column is { } column ? "column: " + YamlText.Scalar(column) : "expression: " + YamlText.Quoted(part.Expression ?? ""),
            "with: " + YamlText.Quoted(element.Operator),
        };
        if (part.Descending) entries.Add("order: desc");
        if (part.Nulls is { } nulls) entries.Add("nulls: " + (nulls == NullsOrder.First ? "first" : "last"));
        if (part.OpClass is { } opclass) entries.Add("opclass: " + YamlText.Scalar(opclass));
        if (part.Collation is { } collation) entries.Add("collation: " + YamlText.Scalar(collation));
        return "{ " + string.Join(", ", entries) + " }";
    }
}
