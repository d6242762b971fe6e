using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>Puts a schema (the model's or the catalog's) into the form the PostgreSQL dialect compares.</summary>
public static class PostgresNormalizer
{
    public static Schema Normalize(Schema schema) =>
        PostgresTypeNormalizer.Normalize(schema with { Tables = schema.Tables.MapShared(NormalizeTable) });

    public static Table NormalizeTable(Table table)
    {
        var keyColumns = table.PrimaryKey?.Columns.ToHashSet(StringComparer.Ordinal) ?? [];
        var textColumns = table.Columns.Where(c => IsTextType(PostgresTypes.Canonical(c.Type)))
            .Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var columnTypes = table.Columns.ToDictionary(c => c.Name, c => PostgresTypes.Canonical(c.Type), StringComparer.Ordinal);
        return ValueList.SameIfEqual(table, table with
        {
            Columns = table.Columns.MapShared(c => SequenceOfItsTable(table, NormalizeColumn(table.Name, c, keyColumns.Contains(c.Name), textColumns))),
            Indexes = table.Indexes.MapShared(i => NormalizeIndex(i, textColumns, columnTypes)).OrderedBy(i => i.Name),
            ForeignKeys = table.ForeignKeys.OrderedBy(f => f.Name),
            Checks = table.Checks.MapShared(c => ValueList.SameIfEqual(c, c with
                {
                    Expression = PostgresExpressions.Canonical(c.Expression, textColumns, columnTypes),
                    Written = c.Written ?? c.Expression,
                }))
                .OrderedBy(c => c.Name),
            Exclusions = table.Exclusions.MapShared(e => PostgresExclusions.Normalize(e, textColumns, columnTypes)).OrderedBy(e => e.Name),
            Comment = EmptyToNull(table.Comment),
            Partitioning = table.Partitioning is { } p ? NormalizePartitioning(p) : null,
            // The name PostgreSQL gives a primary key is no name of the model's.
            PrimaryKey = table.PrimaryKey is { Name: { } name } key && name == PostgresSqlGenerator.DefaultPrimaryKeyName(table.Name) ? key with { Name = null } : table.PrimaryKey,
        });
    }

    /// <summary>A sequence's `unlogged:` that says what its table is says nothing.</summary>
    private static Column SequenceOfItsTable(Table table, Column column) =>
        column.Numbering is { Unlogged: { } unlogged } n && unlogged == (table.Options?.Unlogged ?? false)
            ? column with { Numbering = n with { Unlogged = null } is { IsDefault: false } rest ? rest : null }
            : column;

    private static Partitioning NormalizePartitioning(Partitioning partitioning) => ValueList.SameIfEqual(partitioning, partitioning with
    {
        By = PostgresExpressions.CaseFolded(partitioning.By),
        Partitions = partitioning.Partitions.MapShared(p => ValueList.SameIfEqual(p, p with
        {
            Bound = PostgresExpressions.CaseFolded(p.Bound),
            Partitioning = p.Partitioning is { } sub ? NormalizePartitioning(sub) : null,
        })).OrderedBy(p => p.Name),
    });

    private static Column NormalizeColumn(string table, Column column, bool inPrimaryKey, IReadOnlySet<string> textColumns)
    {
        var type = PostgresTypes.Canonical(column.Type);
        var serial = PostgresTypes.SerialBase(type) is not null;
        var numbered = column.AutoIncrement || serial;
        return ValueList.SameIfEqual(column, column with
        {
            Type = type,
            // A primary key column is NOT NULL whatever the model says, and so are identity columns.
            Nullable = column.Nullable && !inPrimaryKey && !column.AutoIncrement,
            Default = column.AutoIncrement || serial || column.Generated is not null ? null : CanonicalDefault(column.Default, type),
            // On a serial, `auto_increment:` only carries its sequence's options: the serial is the numbering.
            AutoIncrement = column.AutoIncrement && !serial,
            Numbering = numbered && column.Numbering is { } n ? PostgresNumbering.WithoutDefaults(n, table, column.Name, type) : null,
            Collation = NormalizeName(column.Collation) is { } c && c != "default" ? c : null,
            Generated = column.Generated is { } g ? g with { Expression = PostgresExpressions.Canonical(g.Expression, textColumns) } : null,
            Comment = EmptyToNull(column.Comment),
        });
    }

    /// <summary>The default in the form compared, remembering the SQL it was written as so that a copy repeats it.</summary>
    private static ColumnDefault? CanonicalDefault(ColumnDefault? value, string type)
    {
        if (PostgresDefaults.Canonical(value, type) is not { } canonical) return null;
        var written = value!.Written ?? (value.Kind == DefaultKind.Sql ? value.Text : null);
        return written is null || canonical.Written == written ? canonical : canonical with { Written = written };
    }

    internal static TableIndex NormalizeIndex(TableIndex index, IReadOnlySet<string> textColumns, IReadOnlyDictionary<string, string>? columnTypes = null)
    {
        var method = index.Method?.Trim().ToLowerInvariant();
        return ValueList.SameIfEqual(index, index with
        {
            Method = method is null or "btree" ? null : method,
            Parts = index.Parts.MapShared(p => ValueList.SameIfEqual(p, p with
            {
                Expression = p.Expression is { } e ? PostgresExpressions.Canonical(e, textColumns, columnTypes) : null,
                OpClass = p.OpClass?.Trim().ToLowerInvariant(),
                Collation = NormalizeName(p.Collation),
                // ASC puts NULLs last and DESC first unless told otherwise.
                Nulls = p.Nulls == (p.Descending ? NullsOrder.First : NullsOrder.Last) ? null : p.Nulls,
            })),
            Where = index.Where is { } w ? PostgresExpressions.Canonical(w, textColumns, columnTypes) : null,
            Comment = EmptyToNull(index.Comment),
        });
    }

    public static bool IsTextType(string canonicalType) =>
        canonicalType == "text" || canonicalType.StartsWith("character", StringComparison.Ordinal) && !canonicalType.EndsWith("[]", StringComparison.Ordinal);

    /// <summary>A collation or similar name without the double quotes the model may write around it.</summary>
    private static string? NormalizeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var text = name.Trim();
        return text.Length > 1 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\"\"", "\"") : text;
    }

    private static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
