using System.Text.RegularExpressions;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// The canonical form of a schema on SQLite. SQLite keeps a column's declared type as written, and so does the
/// canonical form: a model's portable names map to the type written for them (int → INTEGER, the rowid's type;
/// bool → BOOLEAN; binary → BLOB), every other type stays as the model spells it, and a declared type
/// (<see cref="Column.DeclaredType"/>, what inspect reads) is never mapped. Spellings that mean the same type
/// compare equal (<see cref="Compared"/>).
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
        Options = table.Options is { Virtual: { } module } options ? options with { Virtual = VirtualModule(module) } : table.Options,
    });

    /// <summary>A virtual table's module and arguments with runs of spacing outside quotes made one space: a change there re-creates the table.</summary>
    private static string VirtualModule(string module)
    {
        var text = new System.Text.StringBuilder(module.Length);
        char? quote = null;
        foreach (var c in module.Trim())
        {
            if (quote is null && char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] != ' ') text.Append(' ');
                continue;
            }
            if (quote == c) quote = null;
            else if (quote is null && c is '\'' or '"' or '`' or '[') quote = c == '[' ? ']' : c;
            text.Append(c);
        }
        return text.ToString();
    }

    private static Column Normalize(Column column)
    {
        var type = DeclaredTypeOf(column);
        return ValueList.SameIfEqual(column, column with
        {
            Type = type,
            DeclaredType = NeedsDeclaredType(type),
            Default = Default(column.Default),
            Comment = null,
            Generated = column.Generated is { } g ? g with { Expression = g.Expression.Trim() } : null,
        });
    }

    /// <summary>
    /// The type SQLite is given for the column: the declared type as written, or the portable name mapped; an
    /// AUTOINCREMENT column is INTEGER whatever the model says, as SQLite allows it on no other type.
    /// </summary>
    public static string DeclaredTypeOf(Column column)
    {
        var type = column.DeclaredType ? column.Type : Type(column.Type);
        return column.AutoIncrement && !type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase) ? "INTEGER" : type;
    }

    /// <summary>
    /// Whether <paramref name="type"/>, read as a model's type, would be written otherwise (`int` is INTEGER) or
    /// refused as a type plan does not know (`BIGINT UNSIGNED`): inspect then writes it as declared_type.
    /// </summary>
    public static bool NeedsDeclaredType(string type) => DeclaredTypeNeeds[type];

    private static bool NeedsDeclaredTypeOnce(string type) =>
        !Type(type).Equals(type, StringComparison.Ordinal) || type.Length > 0 && SqliteTypeCatalog.Instance.Problem(new Column("", type)) is not null;

    /// <summary>
    /// The column as plan compares it: the type in one spelling for all that mean the same type (upper case,
    /// spacing folded, int and INTEGER, bool and BOOLEAN, binary and BLOB), as plan compared types before declared
    /// types were kept. Whether an INTEGER column is the table's rowid is compared apart, by the rewriter. The
    /// rowid never holds NULL, whether NOT NULL is written or not.
    /// </summary>
    public static Column Compared(Table table, Column column)
    {
        var type = ComparedType(column.AutoIncrement ? "INTEGER" : column.Type);
        var nullable = column.Nullable && !IsRowIdAlias(table, column);
        var value = column.Default is { } d && BooleanKeyword(d) is { } b ? ColumnDefault.Number(b ? "1" : "0") : column.Default;
        return type == column.Type && !column.DeclaredType && nullable == column.Nullable && value == column.Default
            ? column : column with { Type = type, DeclaredType = false, Nullable = nullable, Default = value };
    }

    /// <summary>The value of a `true` / `false` SQL default (SQLite stores 1 / 0), or null for any other default.</summary>
    private static bool? BooleanKeyword(ColumnDefault value) =>
        value.Kind != DefaultKind.Sql ? null : value.Text.Trim().ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };

    /// <summary>Whether the column is the table's rowid: the one column of its primary key, declared INTEGER.</summary>
    public static bool IsRowIdAlias(Table table, Column column) =>
        table.Options?.WithoutRowId != true && table.PrimaryKey is { Columns.Count: 1 } key && key.Columns[0] == column.Name
        && DeclaredTypeOf(column).Equals("INTEGER", StringComparison.OrdinalIgnoreCase);

    /// <summary>The table's rowid column, if its primary key is one.</summary>
    public static string? RowIdAlias(Table table) =>
        table.PrimaryKey is { Columns.Count: 1 } key && table.FindColumn(key.Columns[0]) is { } column && IsRowIdAlias(table, column)
            ? column.Name : null;

    /// <summary>
    /// An index part's collation, or null when it is the one the part gets anyway: the column's own collation
    /// (BINARY when the column names none). pragma_index_xinfo reports the effective collation of every part,
    /// so `CREATE INDEX ix ON t (c)` on a `c TEXT COLLATE NOCASE` column reads back as NOCASE.
    /// </summary>
    public static string? IndexCollation(string? part, string? column) =>
        part is null || part.Equals(column ?? "BINARY", StringComparison.OrdinalIgnoreCase) ? null : part;

    private static readonly Memo<string, string> Types = new(TypeOnce);
    private static readonly Memo<string, string> ComparedTypes = new(ComparedTypeOnce);
    private static readonly Memo<string, bool> DeclaredTypeNeeds = new(NeedsDeclaredTypeOnce);
    private static readonly Memo<ColumnDefault, ColumnDefault?> Defaults = new(DefaultOnce);

    /// <summary>A model's type as SQLite is given it: the portable names whose meaning differs mapped, the rest as written.</summary>
    public static string Type(string type) => Types[type];

    private static string TypeOnce(string type)
    {
        var t = type.Trim();
        var m = Remapped().Match(t);
        if (!m.Success) return t;
        return m.Groups[1].Value.ToLowerInvariant() switch
        {
            "int" => "INTEGER",
            "bool" => "BOOLEAN",
            _ => "BLOB",
        };
    }

    private static string ComparedType(string type) => ComparedTypes[type];

    private static string ComparedTypeOnce(string type)
    {
        var t = Spacing().Replace(type.Trim(), " ");
        t = t.Replace(" (", "(").Replace("( ", "(").Replace(" )", ")").Replace(", ", ",").Replace(" ,", ",");
        var m = Portable().Match(t);
        if (!m.Success) return t.ToUpperInvariant();
        var args = m.Groups[2].Success ? m.Groups[2].Value : "";
        return m.Groups[1].Value.ToLowerInvariant() switch
        {
            "int" => "INTEGER",
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
        // SQLite keeps `DEFAULT false` as written; it is the 0 it stores only when compared (BooleanKeyword).
        if (BooleanKeyword(value) is not null) return ColumnDefault.Sql(value.Text.Trim());
        var literal = SqlLiterals.TryParseLiteral(value.Text, out var isNull);
        if (isNull) return null;
        if (literal is not null) return Default(literal);
        var text = value.Text.Trim();
        while (WrappedInParentheses(text)) text = text[1..^1].Trim();
        return text.ToUpperInvariant() is "CURRENT_TIMESTAMP" or "CURRENT_DATE" or "CURRENT_TIME"
            ? ColumnDefault.Sql(text.ToUpperInvariant())
            : ColumnDefault.Sql(text);
    }

    /// <summary>(a + b) is, (a) + (b) is not: the first parenthesis closes at the end.</summary>
    private static bool WrappedInParentheses(string text)
    {
        var depth = 0;
        foreach (var token in SqliteLexer.Instance.Tokens(text))
        {
            if (token.Kind == Lexing.SqlTokenKind.Comment) continue;
            if (depth == 0 && token.Start > 0) return false;
            if (token.IsPunctuation('(')) depth++;
            else if (token.IsPunctuation(')') && --depth == 0) return token.End == text.Length;
            if (depth == 0) return false;
        }
        return false;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spacing();

    [GeneratedRegex(@"^(smallint|int|bigint|boolean|bool|varchar|char|text|decimal|real|double|date|time|timestamp|timestamptz|uuid|json|binary)(\(\d+(?:,\d+)?\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Portable();

    // The portable names SQLite would read otherwise: `int` is no rowid, `binary` has NUMERIC affinity.
    [GeneratedRegex(@"^(int|bool|binary)\s*(?:\(\s*\d+\s*(?:,\s*\d+\s*)?\))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Remapped();
}
