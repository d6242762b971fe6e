using System.Globalization;
using SchemaTool.Model;

namespace SchemaTool.Dialects;

/// <summary>Literal SQL text shared by the dialects: string quoting and default values.</summary>
public static class SqlLiterals
{
    /// <summary>A standard SQL string literal: single quotes, quotes doubled.</summary>
    public static string String(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>Reads a plain literal (quoted string, number, TRUE/FALSE, NULL) back into a default; null when it is an expression.</summary>
    public static ColumnDefault? TryParseLiteral(string sql, out bool isNull)
    {
        isNull = false;
        var text = sql.Trim();
        while (text.Length > 1 && text[0] == '(' && text[^1] == ')' && Balanced(text[1..^1])) text = text[1..^1].Trim();
        if (text.Equals("NULL", StringComparison.OrdinalIgnoreCase))
        {
            isNull = true;
            return null;
        }
        if (text.Equals("TRUE", StringComparison.OrdinalIgnoreCase)) return ColumnDefault.Boolean(true);
        if (text.Equals("FALSE", StringComparison.OrdinalIgnoreCase)) return ColumnDefault.Boolean(false);
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'' && IsSingleQuoted(text))
            return ColumnDefault.String(text[1..^1].Replace("''", "'"));
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !text.StartsWith('.') && !text.EndsWith('.'))
            return ColumnDefault.Number(text.TrimStart('+'));
        return null;
    }

    private static bool IsSingleQuoted(string text)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != '\'') continue;
            if (text[i + 1] != '\'' || i + 1 == text.Length - 1) return false;
            i++;
        }
        return true;
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') depth++;
            if (c == ')' && --depth < 0) return false;
        }
        return depth == 0 && !quoted;
    }
}
