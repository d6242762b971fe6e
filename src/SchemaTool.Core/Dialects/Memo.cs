using System.Collections.Concurrent;

namespace SchemaTool.Dialects;

/// <summary>
/// Remembers the results of a pure function of a text: a schema spells the same few types and defaults on
/// thousands of columns, and canonicalizing them with regular expressions each time was most of the
/// normalization's cost. Safe for concurrent use; forgets everything once it holds <see cref="Capacity"/> entries,
/// so a long-lived process that sees many schemas does not grow without bound.
/// </summary>
internal sealed class Memo<TKey, TValue>(Func<TKey, TValue> compute) where TKey : notnull
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<TKey, TValue> _results = new();

    public TValue this[TKey key]
    {
        get
        {
            if (_results.TryGetValue(key, out var value)) return value;
            if (_results.Count >= Capacity) _results.Clear();
            return _results.GetOrAdd(key, compute);
        }
    }
}
