using System.Text.RegularExpressions;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// The canonical form of a schema on SQLite. SQLite keeps a column's declared type verbatim, so types are
/// compared as written (upper case, spacing folded); portable names map to the declared type written for them.
/// </summary>
internal static partial class SqliteNormalizer
{
    public static Schema Normalize(Schema schema) =>
        schema.Views.Count == 0 && schema.Triggers.Count == 0
            ? schema with { Tables = schema.Tables.MapShared(Normalize) }
            : schema with { Tables = schema.Tables.MapShared(Normalize), Views = schema.Views.MapShared(Normalize), Triggers = schema.Triggers.MapShared(Normalize) };

    // SQLite keeps no comments; a view's query and a trigger's parts are compared as the CREATE text holds them.
    private static View Normalize(View view) => ValueList.SameIfEqual(view, view with
    {
        Sql = SqliteObjectText.Trim(view.Sql),
        Comment = null,
    });

    private static Trigger Normalize(Trigger trigger) => ValueList.SameIfEqual(trigger, trigger with
    {
        Body = trigger.Body is { } body ? SqliteObjectText.TrimBody(body) : null,
        When = trigger.When is { } when ? SqliteObjectText.Trim(when) : null,
        Comment = null,
    });

    private static Table Normalize(Table table) => ValueList.SameIfEqual(table, table with
    {
        Columns = table.Columns.MapShared(Normalize),
        PrimaryKey = table.PrimaryKey is { } pk ? ValueList.SameIfEqual(pk, pk with { Name = null }) : null,
        Indexes = table.Indexes.MapShared(i => ValueList.SameIfEqual(i, i with
        {
            Comment = null,
            Where = i.Where?.Trim(),
            Parts = i.Parts.MapShared(p => ValueList.SameIfEqual(p,
                p with { Collation = IndexCollation(p.Collation, p.Column is null ? null : table.FindColumn(p.Column)?.Collation) })),
        })),
        Checks = table.Checks.MapShared(c => ValueList.SameIfEqual(c, c with { Expression = c.Expression.Trim() })),
        Comment = null,
    });

    private static Column Normalize(Column column) => ValueList.SameIfEqual(column, column with
    {
        Type = column.AutoIncrement ? "INTEGER" : Type(column.Type),
        Default = Default(column.Default),
        Comment = null,
        Generated = column.Generated is { } g ? g with { Expression = g.Expression.Trim() } : null,
    });

    /// <summary>
    /// An index part's collation, or null when it is the one the part gets anyway: the column's own collation
    /// (BINARY when the column names none). pragma_index_xinfo reports the effective collation of every part,
    /// so `CREATE INDEX ix ON t (c)` on a `c TEXT COLLATE NOCASE` column reads back as NOCASE.
    /// </summary>
    public static string? IndexCollation(string? part, string? column) =>
        part is null || part.Equals(column ?? "BINARY", StringComparison.OrdinalIgnoreCase) ? null : part;

    private static readonly Memo<string, string> Types = new(TypeOnce);
    private static readonly Memo<ColumnDefault, ColumnDefault?> Defaults = new(DefaultOnce);

    public static string Type(string type) => Types[type];

    private static string TypeOnce(string type)
    {
        var t = Spacing().Replace(type.Trim(), " ");
        t = t.Replace(" (", "(").Replace("( ", "(").Replace(" )", ")").Replace(", ", ",").Replace(" ,", ",");
        var m = Portable().Match(t);
        if (!m.Success) return t.ToUpperInvariant();
        var args = m.Groups[2].Success ? m.Groups[2].Value : "";
        return m.Groups[1].Value.ToLowerInvariant() switch
        {
            "int" => "INTEGER",
            "double" => "DOUBLE",
            "decimal" => "DECIMAL" + args,
            "binary" => "BLOB",
            "bool" => "BOOLEAN",
            var other => other.ToUpperInvariant() + args,
        };
    }

    public static ColumnDefault? Default(ColumnDefault? value) => value is null ? null : Defaults[value];

    private static ColumnDefault? DefaultOnce(ColumnDefault value)
    {
        if (value.Kind == DefaultKind.Boolean) return ColumnDefault.Number(value.Text == "true" ? "1" : "0");
        if (value.Kind != DefaultKind.Sql) return value;
        var literal = SqlLiterals.TryParseLiteral(value.Text, out var isNull);
        if (isNull) return null;
        if (literal is not null) return Default(literal);
        var text = value.Text.Trim();
        while (text.StartsWith('(') && text.EndsWith(')')) text = text[1..^1].Trim();
        return text.ToUpperInvariant() is "CURRENT_TIMESTAMP" or "CURRENT_DATE" or "CURRENT_TIME"
            ? ColumnDefault.Sql(text.ToUpperInvariant())
            : ColumnDefault.Sql(text);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spacing();

    [GeneratedRegex(@"^(smallint|int|bigint|boolean|bool|varchar|char|text|decimal|real|double|date|time|timestamp|timestamptz|uuid|json|binary)(\(\d+(?:,\d+)?\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Portable();
}
