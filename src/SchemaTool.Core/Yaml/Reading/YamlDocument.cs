namespace SchemaTool.Yaml.Reading;

/// <summary>Reads a model file's first document: the fast subset reader when the file stays inside it, else the full parser.</summary>
internal static class YamlDocument
{
    /// <summary>
    /// How deep collections may nest. A model nests six levels and a config four; the readers recurse per level,
    /// so without a limit a file of nested brackets overflows the stack and kills the process.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>The longest key written without `? ` that YAML allows, counted from the key's start to its colon.</summary>
    public const int MaxImplicitKeyLength = 1024;

    /// <summary>The root node, or null for a file with no document; throws <see cref="YamlSyntaxException"/>.</summary>
    public static YamlValue? Read(string text) =>
        SubsetYamlReader.TryRead(text, out var root) ? root : FullYamlReader.Read(text);
}
