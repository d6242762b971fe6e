namespace SchemaTool.Model;

public sealed record Table(
    string Name,
    ValueList<Column> Columns,
    PrimaryKey? PrimaryKey = null,
    ValueList<TableIndex> Indexes = default,
    ValueList<ForeignKey> ForeignKeys = default,
    ValueList<Check> Checks = default,
    string? Comment = null,
    string? RenamedFrom = null,
    Partitioning? Partitioning = null,
    TableOptions? Options = null,
    ValueList<Exclusion> Exclusions = default,
    string? ClusterOn = null)
{
    // Loops rather than LINQ: the differ and the normalizers call these per column, and a lambda and a boxed
    // enumerator per call were a good part of what a no-op plan allocated.
    public Column? FindColumn(string name)
    {
        foreach (var column in Columns)
            if (column.Name == name) return column;
        return null;
    }

    public TableIndex? FindIndex(string name)
    {
        foreach (var index in Indexes)
            if (index.Name == name) return index;
        return null;
    }

    /// <summary>True when some unique key (primary key or unique index without predicate) covers exactly these columns.</summary>
    public bool HasUniqueKeyOn(IReadOnlyList<string> columns) =>
        (PrimaryKey is { } pk && pk.Columns.OrderBy(c => c).SequenceEqual(columns.OrderBy(c => c)))
        || Indexes.Any(i => i.Unique && i.Where is null && i.Parts.All(p => p.Column is not null)
                            && i.Parts.Select(p => p.Column!).OrderBy(c => c).SequenceEqual(columns.OrderBy(c => c)));
}

public sealed record PrimaryKey(ValueList<string> Columns, string? Name = null, Deferrability Deferrable = Deferrability.NotDeferrable);

/// <summary>A CHECK constraint; <paramref name="NotValid"/>: PostgreSQL's NOT VALID, existing rows never checked against it.</summary>
public sealed record Check(string Name, string Expression, bool NoInherit = false, bool NotValid = false)
{
    /// <summary>The condition as written, when a dialect compares another spelling of it; the generated SQL repeats it. Not compared.</summary>
    public string? Written { get; init; }

    public bool Equals(Check? other) => other is not null && Name == other.Name && Expression == other.Expression && NoInherit == other.NoInherit && NotValid == other.NotValid;

    public override int GetHashCode() => HashCode.Combine(Name, Expression, NoInherit, NotValid);
}

/// <summary>A partitioned table's key (<c>range (created_at)</c>) and its partitions (PostgreSQL).</summary>
public sealed record Partitioning(string By, ValueList<Partition> Partitions = default);

/// <summary>One partition: its bound (<c>FOR VALUES FROM (...) TO (...)</c>, <c>DEFAULT</c>), and its own partitions when it is partitioned too.</summary>
public sealed record Partition(string Name, string Bound, Partitioning? Partitioning = null);
