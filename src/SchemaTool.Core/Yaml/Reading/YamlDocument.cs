namespace SchemaTool.Yaml.Reading;

/// <summary>Reads a model file's first document: the fast subset reader when the file stays inside it, else the full parser.</summary>
internal static class YamlDocument
{
    /// <summary>The root node, or null for a file with no document; throws <see cref="YamlSyntaxException"/>.</summary>
    public static YamlValue? Read(string text) =>
        SubsetYamlReader.TryRead(text, out var root) ? root : FullYamlReader.Read(text);
}
