namespace SchemaTool.Model;

/// <summary>
/// One storage parameter of a PostgreSQL table or index (`WITH (fillfactor = 70)`): its name in lower case, as the
/// server stores it, and its value in its canonical spelling (<c>'70'</c> and <c>70</c> are 70, <c>on</c> and
/// <c>true</c> are true), which is what the differ compares.
/// </summary>
public sealed record StorageParameter(string Name, string Value)
{
    /// <summary>
    /// The value as the model or the server spells it, when that is not the canonical one (<c>on</c>): the SQL
    /// repeats it, so that a copy stores the same text as the original. Not compared.
    /// </summary>
    public string? Written { get; init; }

    /// <summary>The value as SQL writes it.</summary>
    public string Text => Written ?? Value;

    public bool Equals(StorageParameter? other) => other is not null && Name == other.Name && Value == other.Value;

    public override int GetHashCode() => HashCode.Combine(Name, Value);

    public override string ToString() => $"{Name}={Text}";

    /// <summary>A parameter whose value <paramref name="text"/> has the canonical spelling <paramref name="canonical"/>.</summary>
    public static StorageParameter Of(string name, string canonical, string text) =>
        new(name, canonical) { Written = text == canonical ? null : text };
}

/// <summary>
/// A table's or an index's storage parameters, in the order they were written (the server keeps that order, and a
/// copy should too), compared as a set: the same parameters in another order are no change.
/// </summary>
public sealed class StorageParameters : IEquatable<StorageParameters>
{
    private StorageParameters(ValueList<StorageParameter> items) => Items = items;

    public ValueList<StorageParameter> Items { get; }

    public int Count => Items.Count;

    /// <summary>The parameters, or null for none: a table or index without parameters has one form.</summary>
    public static StorageParameters? Of(IEnumerable<StorageParameter> parameters)
    {
        var items = parameters.ToValueList();
        return items.Count == 0 ? null : new StorageParameters(items);
    }

    public StorageParameter? Find(string name) => Items.FirstOrDefault(p => p.Name == name);

    /// <summary>`fillfactor=70, deduplicate_items=true`, or `(none)`.</summary>
    public static string Describe(StorageParameters? parameters) =>
        parameters is null ? "(none)" : string.Join(", ", parameters.Items);

    public bool Equals(StorageParameters? other) =>
        other is not null && Count == other.Count && Items.All(p => other.Find(p.Name) is { } o && o.Equals(p));

    public override bool Equals(object? obj) => Equals(obj as StorageParameters);

    // Order-independent, as Equals is.
    public override int GetHashCode() => Items.Aggregate(Count, (hash, p) => hash ^ p.GetHashCode());

    public override string ToString() => Describe(this);

    public static bool operator ==(StorageParameters? a, StorageParameters? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(StorageParameters? a, StorageParameters? b) => !(a == b);
}
