namespace SchemaTool.Model;

public sealed record TableIndex(
    string Name,
    ValueList<IndexPart> Parts,
    bool Unique = false,
    string? Method = null,
    string? Where = null,
    bool Constraint = false,
    string? Comment = null,
    ValueList<string> Include = default,
    bool NullsNotDistinct = false,
    Deferrability Deferrable = Deferrability.NotDeferrable,
    StorageParameters? With = null)
{
    /// <summary>The plain column names, or null when some part is an expression.</summary>
    public IReadOnlyList<string>? ColumnNames =>
        Parts.All(p => p.Column is not null) ? Parts.Select(p => p.Column!).ToList() : null;

    /// <summary>The table's columns the index uses: its key columns and its INCLUDE columns.</summary>
    public IEnumerable<string> ReferencedColumns => Parts.Where(p => p.Column is not null).Select(p => p.Column!).Concat(Include);
}

/// <summary>One key part of an index: a column or an expression, with its options.</summary>
public sealed record IndexPart(
    string? Column,
    string? Expression = null,
    bool Descending = false,
    string? OpClass = null,
    string? Collation = null,
    int? Length = null,
    NullsOrder? Nulls = null)
{
    public static IndexPart Of(string column) => new(column);

    public override string ToString() => Column ?? $"({Expression})";
}

/// <summary>Where an index column puts NULLs, when the model says so (PostgreSQL; the default follows the order).</summary>
public enum NullsOrder
{
    First,
    Last,
}
