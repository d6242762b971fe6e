using System.Globalization;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>Column defaults in one canonical form, from the model's YAML and from either server's catalog.</summary>
public static partial class MySqlDefaults
{
    /// <summary>
    /// The canonical default for a column of <paramref name="canonicalType"/>: a literal typed as the column
    /// stores it (the catalog cannot tell <c>default: 5</c> from <c>default: "5"</c>, nor true from 1),
    /// CURRENT_TIMESTAMP in all its spellings as <c>current_timestamp()</c>, other expressions canonical.
    /// </summary>
    private static readonly Memo<(ColumnDefault Value, string Type), ColumnDefault?> Canonicals =
        new(key => CanonicalOnce(key.Value, key.Type));

    public static ColumnDefault? Canonical(ColumnDefault? value, string canonicalType) =>
        value is null ? null : Canonicals[(value, canonicalType)];

    private static ColumnDefault? CanonicalOnce(ColumnDefault value, string canonicalType)
    {
        if (value.Kind == DefaultKind.Sql && SplitOnUpdate(value.Text) is { } parts)
            return WithOnUpdate(Canonical(ColumnDefault.Sql(parts.Default), canonicalType), parts.OnUpdate);
        if (value.Kind == DefaultKind.Sql)
        {
            var isNull = false;
            var literal = MySqlLiteral(value.Text) ?? SqlLiterals.TryParseLiteral(value.Text, out isNull);
            if (isNull) return null;
            if (literal is null)
            {
                // A literal with a comment or in a spelling of its own ('x' /* why */, 'a' 'b') is still a literal.
                var expression = Expression(value.Text);
                literal = MySqlLiteral(expression) ?? SqlLiterals.TryParseLiteral(expression, out isNull);
                if (isNull) return null;
                if (literal is null) return ColumnDefault.Sql(expression);
            }
            value = literal;
        }
        if (value.Kind == DefaultKind.Boolean) value = ColumnDefault.Number(value.Text == "true" ? "1" : "0");
        if (MySqlTypes.IsNumeric(canonicalType) && decimal.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return ColumnDefault.Number(number.ToString("G29", CultureInfo.InvariantCulture));
        if (MySqlTypes.BaseName(canonicalType) == "timestamptz" && InstantInUtc(value.Text) is { } utc)
            return ColumnDefault.String(utc);
        return ColumnDefault.String(value.Text);
    }

    /// <summary>
    /// A timestamptz literal with an offset as the UTC wall-clock time without one: MariaDB takes no offset in a
    /// literal (MySQL 8.0.19+ does), and schematool's sessions run at UTC, so the server stores the same instant
    /// and the catalog prints it so. A literal without an offset is already read as UTC and is left as written.
    /// </summary>
    private static string? InstantInUtc(string text) => TimestampLiterals.UtcWallClock(text);

    /// <summary>
    /// Reads COLUMN_DEFAULT. MariaDB (10.2.7 and later) prints it as SQL: <c>'abc'</c> quoted, <c>NULL</c> for
    /// no default, <c>current_timestamp()</c>. MySQL 8 prints a literal's bare value and marks expressions
    /// with DEFAULT_GENERATED in EXTRA (<c>CURRENT_TIMESTAMP</c>, <c>uuid()</c>).
    /// </summary>
    public static ColumnDefault? FromCatalog(string? columnDefault, string extra, bool mariaDb, string canonicalType)
    {
        var onUpdate = OnUpdatePattern().Match(extra);
        var value = FromCatalogDefault(columnDefault, extra, mariaDb, canonicalType);
        return onUpdate.Success ? WithOnUpdate(value, onUpdate.Groups[1].Value) : value;
    }

    private static ColumnDefault? FromCatalogDefault(string? columnDefault, string extra, bool mariaDb, string canonicalType)
    {
        if (columnDefault is null) return null;
        if (mariaDb)
        {
            if (columnDefault == "NULL") return null;
            if (MySqlText.Unquote(columnDefault) is { } text) return Canonical(ColumnDefault.String(text), canonicalType);
            return Canonical(ColumnDefault.Sql(columnDefault), canonicalType);
        }
        if (extra.Contains("DEFAULT_GENERATED", StringComparison.OrdinalIgnoreCase))
            return Canonical(ColumnDefault.Sql(columnDefault), canonicalType);
        return Canonical(ColumnDefault.String(columnDefault), canonicalType);
    }

    /// <summary>The DEFAULT clause: literals quoted for MySQL, expressions in parentheses (MySQL 8 needs them).</summary>
    public static string ToSql(ColumnDefault value) => value.Kind switch
    {
        DefaultKind.Sql when SplitOnUpdate(value.Text) is { } parts =>
            (parts.Default == "null" ? "NULL" : ToSql(SqlLiterals.TryParseLiteral(parts.Default, out _) ?? ColumnDefault.Sql(parts.Default)))
            + " ON UPDATE " + parts.OnUpdate,
        DefaultKind.String => MySqlText.String(value.Text),
        DefaultKind.Number => value.Text,
        DefaultKind.Boolean => value.Text == "true" ? "1" : "0",
        _ when IsCurrentTimestamp(value.Text) => value.Text,
        _ => "(" + value.Text + ")",
    };

    /// <summary>
    /// ON UPDATE CURRENT_TIMESTAMP has no place in the model but must survive a MODIFY COLUMN, so it rides on
    /// the default: <c>default_sql: CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP</c>, canonically
    /// <c>current_timestamp() on update current_timestamp()</c>. MariaDB shows it in EXTRA as
    /// <c>on update current_timestamp()</c>, MySQL 8 as <c>DEFAULT_GENERATED on update CURRENT_TIMESTAMP</c>.
    /// </summary>
    private static ColumnDefault WithOnUpdate(ColumnDefault? value, string onUpdate)
    {
        var head = value switch
        {
            null => "null",
            { Kind: DefaultKind.String } => MySqlText.String(value.Text),
            _ => value.Text,
        };
        return ColumnDefault.Sql(head + " on update " + Expression(onUpdate));
    }

    /// <summary>The default and the ON UPDATE expression of <c>x ON UPDATE y</c>; an "on update" inside a string or comment is not one.</summary>
    private static (string Default, string OnUpdate)? SplitOnUpdate(string sql)
    {
        SqlToken? on = null;
        foreach (var token in MySqlLexer.Instance.Tokens(sql))
        {
            if (token.Kind == SqlTokenKind.Comment) continue;
            if (on is { } previous && token.Is("UPDATE")) return (sql[..previous.Start].Trim(), sql[token.End..].Trim());
            on = token.Is("ON") ? token : null;
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bon update (\S+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex OnUpdatePattern();

    private static bool IsCurrentTimestamp(string expression) => expression.StartsWith("current_timestamp(", StringComparison.Ordinal);

    private static ColumnDefault? MySqlLiteral(string sql) =>
        MySqlText.Unquote(sql.Trim()) is { } text ? ColumnDefault.String(text) : null;

    private static string Expression(string sql)
    {
        var canonical = MySqlExpressions.Canonical(sql);
        // CURRENT_TIMESTAMP without parentheses is a keyword; the catalog prints it as a call.
        return canonical == "current_timestamp" ? "current_timestamp()" : canonical;
    }
}
