namespace SchemaTool.Dialects;

/// <summary>
/// One string per distinct value read from a catalog. A driver returns a new string for every field, and a
/// large schema repeats a few dozen types, defaults and column names thousands of times: pooled, the
/// introspected schema takes a third less memory (10,000 tables, bench/RESULTS.md).
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string Get(string value)
    {
        if (_strings.TryGetValue(value, out var pooled)) return pooled;
        _strings.Add(value, value);
        return value;
    }

    public string? GetOrNull(string? value) => value is null ? null : Get(value);
}
