using SchemaTool.Model;

namespace SchemaTool.Yaml;

/// <summary>A table as read from YAML, before the shorthands are expanded; keeps positions for errors.</summary>
internal sealed class TableDraft(string name, string where, YamlNodes nodes)
{
    public string Name { get; } = name;
    public string Where { get; } = where;
    public YamlNodes Nodes { get; } = nodes;
    public List<ColumnDraft> Columns { get; } = [];
    public List<string>? TableKey { get; set; }
    public string? TableKeyWhere { get; set; }
    public Deferrability TableKeyDeferrable { get; set; }
    public string? TableKeyName { get; set; }
    public string? PartitionBy { get; set; }
    public ValueList<Partition> Partitions { get; set; }
    public string? PartitionsWhere { get; set; }
    public List<(TableIndex Index, string Where)> Indexes { get; } = [];
    public List<(ForeignKey Key, string Where)> ForeignKeys { get; } = [];
    public List<(Check Check, string Where)> Checks { get; } = [];
    public List<(Exclusion Exclusion, string Where)> Exclusions { get; } = [];
    public string? Comment { get; set; }
    public string? RenamedFrom { get; set; }
    public TableOptions Options { get; set; } = new();
    public string? ClusterOn { get; set; }

    /// <summary>The table-level primary_key, else the columns marked primary_key in order, else null.</summary>
    public IReadOnlyList<string>? PrimaryKeyColumns
    {
        get
        {
            if (TableKey is not null) return TableKey;
            List<string>? marked = null;
            foreach (var column in Columns)
                if (column.PrimaryKey) (marked ??= []).Add(column.Name);
            return marked;
        }
    }

    public IEnumerable<TableIndex> AllIndexes() => PlacedIndexes().Select(i => i.Index);

    /// <summary>Every index with where it is declared: its key under `indexes:`, or the column whose shorthand makes it.</summary>
    public IEnumerable<(TableIndex Index, string Where)> PlacedIndexes()
    {
        foreach (var placed in Indexes) yield return placed;
        foreach (var c in Columns.Where(c => c.Unique || c.Index))
        {
            var name = Names.Generated(c.Index ? "ix" : "uq", Name, c.Name);
            yield return (new TableIndex(name, new[] { IndexPart.Of(c.Name) }, Unique: c.Unique), c.Where);
        }
    }

    public IEnumerable<ForeignKey> AllForeignKeys()
    {
        foreach (var (fk, _) in ForeignKeys) yield return fk;
        // A malformed `references:` is reported by the validator; it makes no foreign key here.
        foreach (var c in Columns.Where(c => c.ReferenceParts is not null))
        {
            var (table, column) = c.ReferenceParts!.Value;
            yield return new ForeignKey(Names.Generated("fk", Name, c.Name), new[] { c.Name }, table, new[] { column },
                c.OnDelete ?? ReferentialAction.NoAction, c.OnUpdate ?? ReferentialAction.NoAction);
        }
    }

    public Table Build() => new(
        Name,
        Columns.Select(c => c.Build()).ToValueList(),
        PrimaryKeyColumns is { } pk ? new PrimaryKey(pk.ToValueList(), TableKeyName, TableKeyDeferrable) : null,
        AllIndexes().OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList(),
        AllForeignKeys().OrderBy(f => f.Name, StringComparer.Ordinal).ToValueList(),
        Checks.Select(c => c.Check).OrderBy(c => c.Name, StringComparer.Ordinal).ToValueList(),
        Comment,
        RenamedFrom,
        PartitionBy is null ? null : new Partitioning(PartitionBy, Partitions),
        TableOptions.OrNull(Options),
        Exclusions: Exclusions.Select(e => e.Exclusion).OrderBy(e => e.Name, StringComparer.Ordinal).ToValueList(),
        ClusterOn: ClusterOn);

    /// <summary>The names of the table's indexes as the server will have them: its own, its unique constraints', its primary key's.</summary>
    public IEnumerable<string> IndexNames() =>
        (PrimaryKeyColumns is null ? [] : new[] { TableKeyName ?? QualifiedName.LocalOf(Name) + "_pkey" }).Concat(AllIndexes().Select(i => i.Name));
}

internal sealed class ColumnDraft(string name, string where)
{
    public string Name { get; } = name;
    public string Where { get; } = where;
    public string? Type { get; set; }
    public bool DeclaredType { get; set; }
    public bool Nullable { get; set; }
    public ColumnDefault? Default { get; set; }
    public string? DefaultWhere { get; set; }
    public ColumnDefault? DefaultSql { get; set; }
    public string? DefaultSqlWhere { get; set; }
    public bool PrimaryKey { get; set; }
    public bool AutoIncrement { get; set; }
    public bool Unique { get; set; }
    public bool Index { get; set; }
    public string? References { get; set; }
    public string? ReferencesWhere { get; set; }
    public ReferentialAction? OnDelete { get; set; }
    public ReferentialAction? OnUpdate { get; set; }
    public string? RenamedFrom { get; set; }
    public string? Comment { get; set; }
    public string? Collation { get; set; }
    public GeneratedColumn? Generated { get; set; }
    public Numbering? Numbering { get; set; }
    public string? Check { get; set; }
    public int? Statistics { get; set; }

    public (string Table, string Column)? ReferenceParts
    {
        get
        {
            var dot = References?.LastIndexOf('.') ?? -1;
            return dot <= 0 || dot == References!.Length - 1 ? null : (References[..dot], References[(dot + 1)..]);
        }
    }

    public Column Build() => new(Name, Type ?? "", Nullable, Default ?? DefaultSql, AutoIncrement, Comment, Collation, Generated, RenamedFrom, Numbering, DeclaredType, Check, Statistics);
}
