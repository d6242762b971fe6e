using System.Globalization;
using System.Text.RegularExpressions;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// Column defaults in one canonical form. The catalog re-prints a default with casts
/// (<c>'x'::character varying</c>, <c>'-1'::integer</c>, <c>NULL::text</c>, <c>'{}'::jsonb</c>), the model
/// writes plain literals; both become the literal kinds, and only real expressions stay SQL.
/// </summary>
public static partial class PostgresDefaults
{
    private static readonly Memo<(ColumnDefault Value, string Type), ColumnDefault?> Canonicals =
        new(key => CanonicalOnce(key.Value, key.Type));

    public static ColumnDefault? Canonical(ColumnDefault? value, string canonicalType) =>
        value is null ? null : Canonicals[(value, canonicalType)];

    private static ColumnDefault? CanonicalOnce(ColumnDefault value, string canonicalType)
    {
        var isNull = false;
        var literal = value.Kind == DefaultKind.Sql ? ParseSql(value.Text, canonicalType, out isNull) : value;
        if (isNull) return null;
        if (literal is null) return ColumnDefault.Sql(PostgresExpressions.Canonical(PostgresSequences.RegclassArguments(value.Text)));
        return Coerce(literal, canonicalType);
    }

    /// <summary>
    /// A default read as SQL: a literal when it is one, else null. A cast is dropped only when it is to the column's
    /// own type: '0001-01-01'::timestamp on a timestamptz column is a different value than '0001-01-01'.
    /// </summary>
    public static ColumnDefault? ParseSql(string sql, string columnType, out bool isNull)
    {
        isNull = false;
        var m = CastLiteral().Match(sql.Trim());
        if (m.Success)
        {
            var inner = m.Groups["lit"].Value;
            if (inner.Equals("NULL", StringComparison.OrdinalIgnoreCase))
            {
                isNull = true;
                return null;
            }
            var castType = PostgresTypes.Canonical(m.Groups["type"].Value);
            var column = PostgresTypes.SerialBase(columnType) ?? columnType;
            if (!SameType(castType, column) && !SameNumber(inner, castType, column)) return null;
            return inner.StartsWith('\'') ? ColumnDefault.String(inner[1..^1].Replace("''", "'")) : SqlLiterals.TryParseLiteral(inner, out isNull);
        }
        return SqlLiterals.TryParseLiteral(sql, out isNull);
    }

    /// <summary>
    /// A whole number cast to an integer type, on a column of another numeric type: the server prints a negative
    /// default of a bigint or numeric column so (<c>'-1'::integer</c>), and the column holds the same number.
    /// </summary>
    private static bool SameNumber(string literal, string castType, string columnType) =>
        castType is "smallint" or "integer" or "bigint"
        && PostgresTypes.IsNumeric(columnType) && !columnType.EndsWith("[]", StringComparison.Ordinal)
        && WholeNumber().IsMatch(literal.Trim('\''));

    private static bool SameType(string castType, string columnType)
    {
        static string Base(string t) => t.Contains('(') ? t[..t.IndexOf('(')] + t[(t.IndexOf(')') + 1)..] : t;
        if (Base(castType) == Base(columnType)) return true;
        // The default of a varchar column keeps its ::character varying after ALTER TYPE text, and vice versa.
        return PostgresNormalizer.IsTextType(castType) && PostgresNormalizer.IsTextType(columnType);
    }

    private static ColumnDefault Coerce(ColumnDefault literal, string type)
    {
        var baseType = PostgresTypes.SerialBase(type) ?? type;
        if (PostgresTypes.IsNumeric(baseType) && !baseType.EndsWith("[]", StringComparison.Ordinal))
        {
            if (literal.Kind is DefaultKind.Number or DefaultKind.String
                && decimal.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return ColumnDefault.Number(number.ToString(CultureInfo.InvariantCulture));
            return literal;
        }
        if (PostgresTypes.IsBoolean(baseType) && literal.Kind == DefaultKind.String)
        {
            var text = literal.Text.Trim().ToLowerInvariant();
            if (text is "t" or "true" or "yes" or "on" or "1") return ColumnDefault.Boolean(true);
            if (text is "f" or "false" or "no" or "off" or "0") return ColumnDefault.Boolean(false);
            return literal;
        }
        if (literal.Kind == DefaultKind.Number) return ColumnDefault.String(literal.Text);
        if (literal.Kind == DefaultKind.String && IsTimestampTz(baseType) && TimestampWithOffset(literal.Text) is { } instant)
            return ColumnDefault.String(instant);
        return literal;
    }

    private static bool IsTimestampTz(string type) =>
        type.StartsWith("timestamptz", StringComparison.Ordinal) || type.StartsWith("timestamp with time zone", StringComparison.Ordinal)
        || type.StartsWith("timestamp(", StringComparison.Ordinal) && type.EndsWith("with time zone", StringComparison.Ordinal);

    /// <summary>
    /// A timestamptz literal with an explicit offset, as one instant in UTC: the model writes
    /// <c>2024-01-08 10:00:00+00:00</c>, the catalog prints <c>'2024-01-08 10:00:00+00'</c> (in the session's time zone).
    /// Literals without an offset depend on the session's time zone and are left as written.
    /// </summary>
    private static string? TimestampWithOffset(string text) =>
        TimestampLiterals.UtcWallClock(text) is { } utc ? utc + "+00" : null;

    /// <summary>The literal SQL of a default, for DEFAULT clauses.</summary>
    public static string ToSql(ColumnDefault value) => value.Kind switch
    {
        DefaultKind.String => SqlLiterals.String(value.Text),
        DefaultKind.Number => value.Text,
        DefaultKind.Boolean => value.Text,
        _ => NeedsParentheses(value.Text) ? $"({value.Text})" : value.Text,
    };

    /// <summary>SQL written as the default, in parentheses where DEFAULT needs them.</summary>
    public static string Parenthesized(string sql) => NeedsParentheses(sql) ? $"({sql})" : sql;

    // DEFAULT takes a restricted expression: now() AT TIME ZONE 'utc' is a syntax error there unless parenthesized.
    private static bool NeedsParentheses(string sql) => !SimpleDefault().IsMatch(sql);

    [GeneratedRegex(@"^(?:[A-Za-z_][A-Za-z0-9_.]*(?:\([^()]*\))?|'(?:[^']|'')*'(?:::[A-Za-z_][A-Za-z0-9_ ]*(?:\[\])*)?|-?[0-9.]+)$")]
    private static partial Regex SimpleDefault();

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex WholeNumber();

    // 'text'::type, NULL::type, 42::type, ('now'::text)::date is left alone (an expression, not a literal).
    [GeneratedRegex(@"^\(?(?<lit>'(?:[^']|'')*'|NULL|-?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)\)?::(?<type>[A-Za-z_""][A-Za-z0-9_ .""]*(?:\([0-9, ]*\))?(?:\[\])*(?: with(?:out)? time zone)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex CastLiteral();
}
