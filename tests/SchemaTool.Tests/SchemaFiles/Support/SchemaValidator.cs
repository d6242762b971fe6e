using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.SchemaFiles.Support;

public enum SchemaKind
{
    Model,
    Config,
}

/// <summary>Validates YAML text against the repository's JSON Schemas (schema/*.schema.json) with JsonSchema.Net.</summary>
public static class SchemaValidator
{
    public const string ModelFile = "schematool-model.schema.json";
    public const string ConfigFile = "schematool-config.schema.json";

    private static readonly Lazy<JsonSchema> Model = new(() => Build(ModelFile));
    private static readonly Lazy<JsonSchema> Config = new(() => Build(ConfigFile));

    public static string FileOf(SchemaKind kind) => kind == SchemaKind.Model ? ModelFile : ConfigFile;

    /// <summary>The errors of the YAML against the schema, one "location: message" each; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(SchemaKind kind, string yaml)
    {
        var json = YamlToJson.Convert(yaml);
        using var doc = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        var schema = kind == SchemaKind.Model ? Model.Value : Config.Value;
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")).ToList();
        return errors.Count == 0 ? ["invalid"] : errors;
    }

    /// <summary>Which schema a file follows: schematool.yaml (and config-*.yaml examples) the config one, anything else the model one.</summary>
    public static SchemaKind KindOf(string path)
    {
        var name = Path.GetFileName(path);
        return name == "schematool.yaml" || name.StartsWith("config-", StringComparison.Ordinal) || name.StartsWith("valid-config", StringComparison.Ordinal)
            ? SchemaKind.Config
            : SchemaKind.Model;
    }

    public static JsonObject SchemaJson(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Schemas, file)))!.AsObject();

    private static JsonSchema Build(string file) =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Schemas, file)), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
}
