namespace SchemaTool.Model;

public sealed record Table(
    string Name,
    ValueList<Column> Columns,
    PrimaryKey? PrimaryKey = null,
    ValueList<TableIndex> Indexes = default,
    ValueList<ForeignKey> ForeignKeys = default,
    ValueList<Check> Checks = default,
    string? Comment = null,
    string? RenamedFrom = null)
{
    public Column? FindColumn(string name) => Columns.FirstOrDefault(c => c.Name == name);

    public TableIndex? FindIndex(string name) => Indexes.FirstOrDefault(i => i.Name == name);

    /// <summary>True when some unique key (primary key or unique index without predicate) covers exactly these columns.</summary>
    public bool HasUniqueKeyOn(IReadOnlyList<string> columns) =>
        (PrimaryKey is { } pk && pk.Columns.OrderBy(c => c).SequenceEqual(columns.OrderBy(c => c)))
        || Indexes.Any(i => i.Unique && i.Where is null && i.Parts.All(p => p.Column is not null)
                            && i.Parts.Select(p => p.Column!).OrderBy(c => c).SequenceEqual(columns.OrderBy(c => c)));
}

public sealed record PrimaryKey(ValueList<string> Columns, string? Name = null);

public sealed record Check(string Name, string Expression);
