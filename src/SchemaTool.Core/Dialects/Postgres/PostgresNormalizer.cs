using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>Puts a schema (the model's or the catalog's) into the form the PostgreSQL dialect compares.</summary>
public static class PostgresNormalizer
{
    public static Schema Normalize(Schema schema) =>
        schema with { Tables = schema.Tables.MapShared(NormalizeTable) };

    public static Table NormalizeTable(Table table)
    {
        var keyColumns = table.PrimaryKey?.Columns.ToHashSet(StringComparer.Ordinal) ?? [];
        var textColumns = table.Columns.Where(c => IsTextType(PostgresTypes.Canonical(c.Type)))
            .Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return ValueList.SameIfEqual(table, table with
        {
            Columns = table.Columns.MapShared(c => NormalizeColumn(c, keyColumns.Contains(c.Name), textColumns)),
            Indexes = table.Indexes.MapShared(i => NormalizeIndex(i, textColumns)).OrderedBy(i => i.Name),
            ForeignKeys = table.ForeignKeys.OrderedBy(f => f.Name),
            Checks = table.Checks.MapShared(c => ValueList.SameIfEqual(c, c with { Expression = PostgresExpressions.Canonical(c.Expression, textColumns) }))
                .OrderedBy(c => c.Name),
            Comment = EmptyToNull(table.Comment),
        });
    }

    private static Column NormalizeColumn(Column column, bool inPrimaryKey, IReadOnlySet<string> textColumns)
    {
        var type = PostgresTypes.Canonical(column.Type);
        var serial = PostgresTypes.SerialBase(type) is not null;
        return ValueList.SameIfEqual(column, column with
        {
            Type = type,
            // A primary key column is NOT NULL whatever the model says, and so are identity columns.
            Nullable = column.Nullable && !inPrimaryKey && !column.AutoIncrement,
            Default = column.AutoIncrement || serial || column.Generated is not null ? null : PostgresDefaults.Canonical(column.Default, type),
            Collation = NormalizeName(column.Collation) is { } c && c != "default" ? c : null,
            Generated = column.Generated is { } g ? g with { Expression = PostgresExpressions.Canonical(g.Expression, textColumns) } : null,
            Comment = EmptyToNull(column.Comment),
        });
    }

    private static TableIndex NormalizeIndex(TableIndex index, IReadOnlySet<string> textColumns)
    {
        var method = index.Method?.Trim().ToLowerInvariant();
        return ValueList.SameIfEqual(index, index with
        {
            Method = method is null or "btree" ? null : method,
            Parts = index.Parts.MapShared(p => ValueList.SameIfEqual(p, p with
            {
                Expression = p.Expression is { } e ? PostgresExpressions.Canonical(e, textColumns) : null,
                OpClass = p.OpClass?.Trim().ToLowerInvariant(),
                Collation = NormalizeName(p.Collation),
            })),
            Where = index.Where is { } w ? PostgresExpressions.Canonical(w, textColumns) : null,
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
