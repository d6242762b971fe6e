using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml.Objects;

/// <summary>
/// `extensions:` and `schemas:` — a list of names, or a map of name → options (an extension's version and schema,
/// a schema's comment).
/// </summary>
internal static class NamespaceReader
{
    private static readonly string[] ExtensionKeys = ["version", "schema"];
    private static readonly string[] NamespaceKeys = ["comment"];

    public static void ReadExtensions(YamlValue node, YamlNodes nodes, ObjectDrafts drafts)
    {
        foreach (var (name, options, where) in NamesOrMap(node, "extensions", nodes))
        {
            var extension = new Extension(name);
            if (options is not null && nodes.Map(options, $"extension '{name}'") is { } map)
                foreach (var (key, value, _) in nodes.Entries(map, $"extension '{name}'", ExtensionKeys))
                    extension = key == "version"
                        ? extension with { Version = nodes.String(value, "version") }
                        : extension with { Schema = nodes.String(value, "schema") };
            drafts.Extensions.Add((extension, where));
        }
    }

    public static void ReadNamespaces(YamlValue node, YamlNodes nodes, ObjectDrafts drafts)
    {
        foreach (var (name, options, where) in NamesOrMap(node, "schemas", nodes))
        {
            var ns = new Namespace(name);
            if (options is not null && nodes.Map(options, $"schema '{name}'") is { } map)
                foreach (var (_, value, _) in nodes.Entries(map, $"schema '{name}'", NamespaceKeys))
                    ns = ns with { Comment = nodes.String(value, "comment") };
            drafts.Namespaces.Add((ns, where));
        }
    }

    /// <summary>Each name with its options (null for a plain name or an empty entry) and where it stands.</summary>
    private static IEnumerable<(string Name, YamlValue? Options, string Where)> NamesOrMap(YamlValue node, string what, YamlNodes nodes)
    {
        if (node is YamlList list)
        {
            foreach (var item in list.Items)
                if (nodes.String(item, $"a name in {what}") is { } name) yield return (name, null, nodes.Where(item));
            yield break;
        }
        if (nodes.Map(node, $"{what} (a list of names, or a map of name → options)") is not { } map) yield break;
        foreach (var (name, value, key) in nodes.Entries(map, what, []))
            yield return (name, YamlNodes.IsNull(value) ? null : value, nodes.Where(key));
    }
}
