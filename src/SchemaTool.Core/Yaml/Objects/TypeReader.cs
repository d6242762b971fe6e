using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml.Objects;

/// <summary>
/// `types:` — name → { enum: [values] } or { domain: base type, nullable, default | default_sql, check, checks,
/// collation }, both with comment and renamed_from, or { composite: { attribute: type | { type, collation } }, comment }.
/// An enum value is a name or { value, renamed_from }.
/// </summary>
internal static class TypeReader
{
    private static readonly string[] TypeKeys =
        ["enum", "domain", "composite", "nullable", "default", "default_sql", "check", "checks", "collation", "comment", "renamed_from"];
    private static readonly string[] EnumValueKeys = ["value", "renamed_from"];
    private static readonly string[] DomainOnly = ["nullable", "default", "default_sql", "check", "checks", "collation"];
    private static readonly string[] AttributeKeys = ["type", "collation"];

    public static void Read(string name, YamlValue node, YamlValue keyNode, YamlNodes nodes, ObjectDrafts drafts)
    {
        var what = $"type '{name}'";
        if (nodes.Map(node, what) is not { } map) return;
        List<string>? values = null;
        var renamedValues = new List<EnumValueRename>();
        string? baseType = null, collation = null, comment = null, renamedFrom = null;
        List<CompositeAttribute>? attributes = null;
        var nullable = true;
        ColumnDefault? literal = null, sql = null;
        var checks = new List<Check>();
        var keys = new List<(string Key, YamlValue Node)>();
        foreach (var (key, value, k) in nodes.Entries(map, what, TypeKeys))
        {
            keys.Add((key, k));
            switch (key)
            {
                case "enum": values = ReadValues(value, what, nodes, renamedValues); break;
                case "domain":
                    baseType = nodes.String(value, $"domain of {what}");
                    // The base type goes into CREATE DOMAIN as words: it must have the shape of a type, as a column's must.
                    if (baseType is not null && TypeName.Parse(baseType, out var problem) is null)
                        nodes.Error(value, $"domain of {what}: '{PrintableText.Escape(baseType)}' is not a type: {problem}");
                    break;
                case "composite": attributes = ReadAttributes(value, what, nodes); break;
                case "nullable": nullable = nodes.Bool(value, "nullable") ?? true; break;
                case "default": literal = ModelLoader.ReadDefault(value); break;
                case "default_sql": if (nodes.Sql(value, $"default_sql of {what}") is { } d) sql = ColumnDefault.Sql(d); break;
                case "check": if (nodes.Sql(value, $"check of {what}") is { } c) checks.Add(new Check(Names.Fit(name + "_check"), c)); break;
                case "checks":
                    if (nodes.Map(value, $"checks of {what}") is { } checkMap)
                        foreach (var (check, checkNode, _) in nodes.Entries(checkMap, $"checks of {what}", []))
                            if (nodes.Sql(checkNode, $"check '{check}' of {what}") is { } expression) checks.Add(new Check(check, expression));
                    break;
                case "collation": collation = nodes.String(value, "collation"); break;
                case "comment": comment = nodes.String(value, "comment"); break;
                case "renamed_from": renamedFrom = nodes.String(value, "renamed_from"); break;
            }
        }
        var where = nodes.Where(keyNode);
        if ((values is null ? 0 : 1) + (baseType is null ? 0 : 1) + (attributes is null ? 0 : 1) != 1)
        {
            nodes.Error(keyNode, $"{what} needs exactly one of `enum:` (its values), `domain:` (its base type) or `composite:` (its attributes)");
            return;
        }
        if (attributes is not null)
        {
            foreach (var (key, k) in keys.Where(k => DomainOnly.Contains(k.Key) || k.Key == "renamed_from"))
                nodes.Error(k, $"{what} is a composite type: `{key}` does not belong to one");
            drafts.Composites.Add((new CompositeType(name, attributes.ToValueList(), comment), where));
            return;
        }
        if (values is not null)
        {
            foreach (var (key, k) in keys.Where(k => DomainOnly.Contains(k.Key)))
                nodes.Error(k, $"{what} is an enum: `{key}` belongs to a domain");
            if (values.Count == 0) nodes.Error(keyNode, $"{what} has no values");
            foreach (var repeated in values.GroupBy(v => v).Where(g => g.Count() > 1))
                nodes.Error(keyNode, $"{what} has the value '{repeated.Key}' twice");
            drafts.Enums.Add((new EnumType(name, values.ToValueList(), comment, renamedFrom, renamedValues.ToValueList()), where));
            return;
        }
        if (literal is not null && sql is not null) nodes.Error(keyNode, $"{what} has both `default` and `default_sql`: keep one");
        drafts.Domains.Add((new DomainType(name, baseType!, nullable, literal ?? sql, checks.OrderBy(c => c.Name, StringComparer.Ordinal).ToValueList(),
            collation, comment, renamedFrom), where));
    }

    /// <summary>Attributes in the order written: name → type, or name → { type, collation }.</summary>
    private static List<CompositeAttribute> ReadAttributes(YamlValue node, string what, YamlNodes nodes)
    {
        var attributes = new List<CompositeAttribute>();
        if (nodes.Map(node, $"composite of {what}") is not { } map) return attributes;
        foreach (var (attribute, value, k) in nodes.Entries(map, $"composite of {what}", []))
        {
            var of = $"attribute '{attribute}' of {what}";
            if (value is YamlScalar)
            {
                if (nodes.String(value, of) is { } type) attributes.Add(new CompositeAttribute(attribute, type));
                continue;
            }
            if (nodes.Map(value, of) is not { } details) continue;
            string? attributeType = null, collation = null;
            foreach (var (key, v, _) in nodes.Entries(details, of, AttributeKeys))
            {
                if (key == "type") attributeType = nodes.String(v, $"type of {of}");
                else collation = nodes.String(v, $"collation of {of}");
            }
            if (attributeType is null) nodes.Error(k, $"{of} needs `type:`");
            else attributes.Add(new CompositeAttribute(attribute, attributeType, collation));
        }
        return attributes;
    }

    private static List<string> ReadValues(YamlValue node, string what, YamlNodes nodes, List<EnumValueRename> renames)
    {
        var values = new List<string>();
        if (nodes.List(node, $"enum of {what}") is not { } list) return values;
        foreach (var item in list.Items)
        {
            if (item is YamlScalar)
            {
                if (nodes.String(item, $"a value of {what}") is { } v) values.Add(v);
                continue;
            }
            if (nodes.Map(item, $"a value of {what}") is not { } map) continue;
            string? value = null, from = null;
            foreach (var (key, v, _) in nodes.Entries(map, $"a value of {what}", EnumValueKeys))
            {
                if (key == "value") value = nodes.String(v, "value");
                else from = nodes.String(v, "renamed_from");
            }
            if (value is null) { nodes.Error(item, $"a value of {what} needs `value:`"); continue; }
            values.Add(value);
            if (from is not null) renames.Add(new EnumValueRename(from, value));
        }
        return values;
    }
}
