namespace SchemaTool.Yaml.Reading;

/// <summary>
/// A map's entries as they are read, refusing a repeated scalar key (YAML forbids it, and the second would hide
/// the first). Small maps (a column's settings) are scanned; large ones (tables, columns) keep a set.
/// </summary>
internal sealed class MapEntries
{
    private const int ScanLimit = 32;
    private readonly List<KeyValuePair<YamlValue, YamlValue>> _entries = [];
    private HashSet<string>? _keys;

    /// <summary>Adds the entry, or returns the error for a repeated key (the caller throws it when it decides to).</summary>
    public YamlSyntaxException? Add(YamlValue key, YamlValue value)
    {
        if (key is YamlScalar scalar && !IsNew(scalar.Value))
            return new YamlSyntaxException(scalar.Line, scalar.Column, $"'{scalar.Value}' is declared twice in the same map; keep one");
        _entries.Add(new(key, value));
        return null;
    }

    public YamlMap Build(int line, int column) => new(_entries, line, column);

    private bool IsNew(string key)
    {
        if (_keys is not null) return _keys.Add(key);
        foreach (var entry in _entries)
            if (entry.Key is YamlScalar other && other.Value == key) return false;
        if (_entries.Count >= ScanLimit)
        {
            _keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in _entries)
                if (entry.Key is YamlScalar other) _keys.Add(other.Value);
            _keys.Add(key);
        }
        return true;
    }
}
