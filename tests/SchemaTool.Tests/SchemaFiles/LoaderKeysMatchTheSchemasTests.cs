using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SchemaTool.Tests.SchemaFiles.Support;
using SchemaTool.Tests.Ux.Support;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.SchemaFiles;

/// <summary>
/// The keys the loaders accept and the properties the JSON Schemas describe are the same sets, place by place,
/// so neither can change without the other. The key lists are the loaders' own arrays (read by reflection),
/// plus the short lists written inline in their Entries(...) calls (read from the source).
/// </summary>
public sealed partial class LoaderKeysMatchTheSchemasTests
{
    private const string Model = SchemaValidator.ModelFile;
    private const string Config = SchemaValidator.ConfigFile;

    /// <summary>Loader key array (type, field) → where the schema describes those keys.</summary>
    public static TheoryData<string, string, string, string> NamedKeyLists() => new()
    {
        { "SchemaTool.Yaml.ModelLoader", "TopKeys", Model, "/properties" },
        { "SchemaTool.Yaml.ModelLoader", "TableKeys", Model, "/$defs/table/properties" },
        { "SchemaTool.Yaml.ModelLoader", "ColumnKeys", Model, "/$defs/column/properties" },
        { "SchemaTool.Yaml.IndexReader", "IndexKeys", Model, "/$defs/index/properties" },
        { "SchemaTool.Yaml.IndexReader", "PartKeys", Model, "/$defs/indexColumn/oneOf/1/properties" },
        { "SchemaTool.Yaml.ForeignKeyReader", "Keys", Model, "/$defs/foreignKey/properties" },
        { "SchemaTool.Yaml.ExclusionReader", "Keys", Model, "/$defs/exclusion/properties" },
        { "SchemaTool.Yaml.ExclusionReader", "ElementKeys", Model, "/$defs/exclusionElement/properties" },
        { "SchemaTool.Yaml.NumberingReader", "NumberingKeys", Model, "/$defs/column/properties/auto_increment/oneOf/1/properties" },
        { "SchemaTool.Yaml.TableOptionsReader", "PrimaryKeyKeys", Model, "/$defs/table/properties/primary_key/oneOf/1/properties" },
        { "SchemaTool.Yaml.TableOptionsReader", "CheckKeys", Model, "/$defs/check/oneOf/1/properties" },
        { "SchemaTool.Yaml.TableOptionsReader", "PartitionKeys", Model, "/$defs/partition/oneOf/1/properties" },
        { "SchemaTool.Yaml.Objects.ViewReader", "ViewKeys", Model, "/$defs/view/properties" },
        { "SchemaTool.Yaml.Objects.TriggerReader", "TriggerKeys", Model, "/$defs/trigger/properties" },
        { "SchemaTool.Yaml.Objects.RoutineReader", "RoutineKeys", Model, "/$defs/routine/properties" },
        { "SchemaTool.Yaml.Objects.TypeReader", "TypeKeys", Model, "/$defs/type/properties" },
        { "SchemaTool.Yaml.Objects.TypeReader", "EnumValueKeys", Model, "/$defs/enumValue/oneOf/1/properties" },
        { "SchemaTool.Yaml.Objects.TypeReader", "AttributeKeys", Model, "/$defs/compositeAttribute/oneOf/1/properties" },
        { "SchemaTool.Yaml.Objects.SequenceReader", "SequenceKeys", Model, "/$defs/sequence/properties" },
        { "SchemaTool.Yaml.Objects.NamespaceReader", "ExtensionKeys", Model, "/$defs/extension/properties" },
        { "SchemaTool.Yaml.Objects.NamespaceReader", "NamespaceKeys", Model, "/$defs/namespace/properties" },
        { "SchemaTool.Yaml.Objects.EventReader", "EventKeys", Model, "/$defs/event/properties" },
        { "SchemaTool.Project.ConfigLoader", "Keys", Config, "/properties" },
    };

    /// <summary>Inline key lists (by their first key) → where the schema describes them.</summary>
    private static readonly Dictionary<string, (string File, string Pointer)> InlineKeyLists = new()
    {
        ["table"] = (Model, "/$defs/foreignKey/properties/references/properties"),
        ["expression"] = (Model, "/$defs/column/properties/generated/properties"),
        ["server"] = (Config, "/properties/targets_pattern/properties"),
    };

    private static readonly string[] LoaderSources =
    [
        "src/SchemaTool.Core/Yaml/ModelLoader.cs", "src/SchemaTool.Core/Yaml/IndexReader.cs",
        "src/SchemaTool.Core/Yaml/ForeignKeyReader.cs", "src/SchemaTool.Core/Project/ConfigLoader.cs",
        .. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src/SchemaTool.Core/Yaml/Objects"), "*Reader.cs")
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f)).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(NamedKeyLists))]
    public void A_loader_key_list_is_exactly_what_the_schema_describes(string type, string field, string schemaFile, string pointer)
    {
        var owner = typeof(ModelLoader).Assembly.GetType(type) ?? throw new InvalidOperationException($"no type {type}");
        var keys = (string[])(owner.GetField(field, BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
                              ?? throw new InvalidOperationException($"{type}.{field} is gone; update this test's map"));
        AssertSameKeys(keys, schemaFile, pointer, $"{type}.{field}");
    }

    [Fact]
    public void Every_inline_key_list_of_the_loaders_is_described_too()
    {
        var found = LoaderSources
            .SelectMany(file => InlineList().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, file))))
            .Select(m => Quoted().Matches(m.Groups["keys"].Value).Select(q => q.Groups[1].Value).ToArray())
            .Where(keys => keys.Length > 0)
            .ToList();
        Assert.NotEmpty(found);
        foreach (var keys in found)
        {
            Assert.True(InlineKeyLists.TryGetValue(keys[0], out var place),
                $"a loader accepts the keys [{string.Join(", ", keys)}], which this test does not map to the schema; add them to InlineKeyLists");
            AssertSameKeys(keys, place.File, place.Pointer, $"[{string.Join(", ", keys)}]");
        }
        Assert.Equal(InlineKeyLists.Count, found.Count);
    }

    [Theory]
    [InlineData(Model)]
    [InlineData(Config)]
    public void Every_described_property_has_a_description(string schemaFile)
    {
        var missing = new List<string>();
        Walk(SchemaValidator.SchemaJson(schemaFile), "", missing);
        Assert.True(missing.Count == 0, $"{schemaFile}: properties without a description:\n{string.Join("\n", missing)}");
    }

    private static void AssertSameKeys(IEnumerable<string> keys, string schemaFile, string pointer, string what)
    {
        var properties = Resolve(SchemaValidator.SchemaJson(schemaFile), pointer).AsObject().Select(p => p.Key).ToHashSet();
        var accepted = keys.ToHashSet();
        var undescribed = accepted.Except(properties).Order().ToList();
        var unaccepted = properties.Except(accepted).Order().ToList();
        Assert.True(undescribed.Count == 0, $"{what} accepts {string.Join(", ", undescribed)}, which {schemaFile} does not describe at {pointer}");
        Assert.True(unaccepted.Count == 0, $"{schemaFile} describes {string.Join(", ", unaccepted)} at {pointer}, which {what} does not accept");
    }

    private static JsonNode Resolve(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = (node is JsonArray array ? array[int.Parse(part)] : node[part])
                   ?? throw new InvalidOperationException($"{pointer}: no '{part}' in the schema");
        return node;
    }

    private static void Walk(JsonNode? node, string path, List<string> missing)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject properties)
                    foreach (var (name, value) in properties)
                        if (value is JsonObject p && p["description"] is null) missing.Add($"{path}/properties/{name}");
                // Conditions (if/then/else, dependentSchemas) restate properties described elsewhere.
                foreach (var (name, value) in obj.Where(e => e.Key is not ("if" or "then" or "else" or "dependentSchemas")))
                    Walk(value, $"{path}/{name}", missing);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}/{i}", missing);
                break;
        }
    }

    [GeneratedRegex(@"Entries\([^;]*?,\s*\[(?<keys>[^\]]*)\]\)")]
    private static partial Regex InlineList();

    [GeneratedRegex("\"([a-z_]+)\"")]
    private static partial Regex Quoted();
}
