namespace SchemaTool.Yaml.Reading;

/// <summary>
/// One node of a model file, with the position of its first character (1-based, as YAML parsers report it).
/// The loader needs only this much of YAML: maps in order, lists, and scalars that know whether they were plain.
/// </summary>
internal abstract class YamlValue(int line, int column)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>A scalar: <see cref="Plain"/> is false for quoted and block scalars, which are always text.</summary>
internal sealed class YamlScalar(string value, bool plain, int line, int column) : YamlValue(line, column)
{
    public string Value { get; } = value;
    public bool Plain { get; } = plain;
}

/// <summary>A map's entries in file order; keys are unique (readers report a repeated key before building one).</summary>
internal sealed class YamlMap(List<KeyValuePair<YamlValue, YamlValue>> entries, int line, int column) : YamlValue(line, column)
{
    public IReadOnlyList<KeyValuePair<YamlValue, YamlValue>> Entries { get; } = entries;
}

internal sealed class YamlList(List<YamlValue> items, int line, int column) : YamlValue(line, column)
{
    public IReadOnlyList<YamlValue> Items { get; } = items;
}

/// <summary>Why a file could not be read as YAML, at a position; the loader turns it into a model error.</summary>
internal sealed class YamlSyntaxException(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}
