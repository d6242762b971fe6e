using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SchemaTool.Model;

/// <summary>An immutable list with value equality, so that records holding lists compare by content.</summary>
/// <remarks>
/// It is a read-only <see cref="IList{T}"/>, as <see cref="ImmutableArray{T}"/> is, so that LINQ knows its
/// length: `Select(...).ToValueList()` then fills one array of the right size instead of growing buffers,
/// which was most of what normalizing a schema allocated.
/// </remarks>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public readonly struct ValueList<T> : IReadOnlyList<T>, IList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;

    public ValueList(IEnumerable<T> items) => _items = items.ToImmutableArray();

    internal ValueList(ImmutableArray<T> items) => _items = items;

    public static ValueList<T> Empty => new(ImmutableArray<T>.Empty);

    private ImmutableArray<T> Items => _items.IsDefault ? ImmutableArray<T>.Empty : _items;

    public int Count => Items.Length;
    public T this[int index] => Items[index];

    T IList<T>.this[int index]
    {
        get => Items[index];
        set => throw new NotSupportedException();
    }

    bool ICollection<T>.IsReadOnly => true;
    int IList<T>.IndexOf(T item) => Items.IndexOf(item);
    bool ICollection<T>.Contains(T item) => Items.Contains(item);
    void ICollection<T>.CopyTo(T[] array, int arrayIndex) => Items.CopyTo(array, arrayIndex);
    void IList<T>.Insert(int index, T item) => throw new NotSupportedException();
    void IList<T>.RemoveAt(int index) => throw new NotSupportedException();
    void ICollection<T>.Add(T item) => throw new NotSupportedException();
    void ICollection<T>.Clear() => throw new NotSupportedException();
    bool ICollection<T>.Remove(T item) => throw new NotSupportedException();

    public bool Equals(ValueList<T> other)
    {
        var a = Items;
        var b = other.Items;
        if (a.Length != b.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
            if (!comparer.Equals(a[i], b[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }

    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    public ImmutableArray<T>.Enumerator GetEnumerator() => Items.GetEnumerator();
    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)Items).GetEnumerator();

    public override string ToString() => "[" + string.Join(", ", Items) + "]";

    public static implicit operator ValueList<T>(T[] items) => new(items);
    public static implicit operator ValueList<T>(List<T> items) => new(items);
}

public static class ValueList
{
    /// <summary>For collection expressions: `ValueList&lt;string&gt; names = ["a", "b"];`.</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);

    /// <summary>
    /// The items in ordinal order of <paramref name="key"/>, as a stable sort puts them; the list itself when it is
    /// in that order already, as the model's and the catalog's lists mostly are, so that normalizing copies nothing.
    /// </summary>
    public static ValueList<T> OrderedBy<T>(this ValueList<T> items, Func<T, string> key)
    {
        for (var i = 1; i < items.Count; i++)
            if (string.CompareOrdinal(key(items[i - 1]), key(items[i])) > 0)
                return items.OrderBy(key, StringComparer.Ordinal).ToValueList();
        return items;
    }

    /// <summary>
    /// Each item passed through <paramref name="map"/>; the list itself, with no copy made, when <paramref name="map"/>
    /// gave back every item unchanged (the same instance), as normalizing a catalog that is already canonical does.
    /// </summary>
    public static ValueList<T> MapShared<T>(this ValueList<T> items, Func<T, T> map) where T : class
    {
        T[]? mapped = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var result = map(item);
            if (mapped is null)
            {
                if (ReferenceEquals(result, item)) continue;
                mapped = new T[items.Count];
                for (var j = 0; j < i; j++) mapped[j] = items[j];
            }
            mapped[i] = result;
        }
        return mapped is null ? items : new ValueList<T>(ImmutableCollectionsMarshal.AsImmutableArray(mapped));
    }

    /// <summary><paramref name="original"/> when <paramref name="normalized"/> equals it, so equal copies are not kept.</summary>
    public static T SameIfEqual<T>(T original, T normalized) where T : class, IEquatable<T> =>
        normalized.Equals(original) ? original : normalized;
}
