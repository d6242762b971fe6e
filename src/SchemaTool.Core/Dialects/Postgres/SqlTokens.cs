using System.Text;

namespace SchemaTool.Dialects.Postgres;

internal enum TokenKind
{
    Word,
    QuotedName,
    String,
    Number,
    Symbol,
}

internal sealed record ExpressionToken(TokenKind Kind, string Text)
{
    public bool Is(string text) => Kind is TokenKind.Word or TokenKind.Symbol && string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Splits a PostgreSQL expression into words, quoted names, string literals, numbers and operators.</summary>
internal static class SqlTokenizer
{
    private const string OperatorChars = "+-*/<>=~!@#%^&|`?";

    public static List<ExpressionToken> Tokenize(string sql)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '\'' || (c is 'E' or 'e' && i + 1 < sql.Length && sql[i + 1] == '\''))
            {
                var start = i;
                if (c != '\'') i++;
                i = SkipQuoted(sql, i, '\'');
                tokens.Add(new ExpressionToken(TokenKind.String, sql[start..i]));
            }
            else if (c == '"')
            {
                var start = i;
                i = SkipQuoted(sql, i, '"');
                tokens.Add(new ExpressionToken(TokenKind.QuotedName, sql[start..i]));
            }
            else if (char.IsDigit(c) || c == '.' && i + 1 < sql.Length && char.IsDigit(sql[i + 1]))
            {
                var start = i;
                while (i < sql.Length && (char.IsDigit(sql[i]) || sql[i] == '.' && (i + 1 >= sql.Length || sql[i + 1] != '.')
                                          || sql[i] is 'e' or 'E' && i + 1 < sql.Length && (char.IsDigit(sql[i + 1]) || sql[i + 1] is '+' or '-')
                                          || sql[i] is '+' or '-' && sql[i - 1] is 'e' or 'E'))
                    i++;
                tokens.Add(new ExpressionToken(TokenKind.Number, sql[start..i]));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
                tokens.Add(new ExpressionToken(TokenKind.Word, sql[start..i]));
            }
            else if (c == ':' && i + 1 < sql.Length && sql[i + 1] == ':')
            {
                tokens.Add(new ExpressionToken(TokenKind.Symbol, "::"));
                i += 2;
            }
            else if (OperatorChars.Contains(c))
            {
                var start = i;
                while (i < sql.Length && OperatorChars.Contains(sql[i])) i++;
                tokens.Add(new ExpressionToken(TokenKind.Symbol, sql[start..i]));
            }
            else
            {
                tokens.Add(new ExpressionToken(TokenKind.Symbol, c.ToString()));
                i++;
            }
        }
        return tokens;
    }

    private static int SkipQuoted(string s, int i, char quote)
    {
        var j = i + 1;
        while (j < s.Length)
        {
            if (s[j] == quote)
            {
                if (j + 1 < s.Length && s[j + 1] == quote) j += 2;
                else return j + 1;
            }
            else j++;
        }
        return s.Length;
    }

    /// <summary>Joins tokens with one fixed spacing: none inside brackets and around ::, one space elsewhere.</summary>
    public static string Join(IReadOnlyList<ExpressionToken> tokens)
    {
        var text = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (i > 0 && NeedsSpace(tokens[i - 1], t)) text.Append(' ');
            text.Append(t.Text);
        }
        return text.ToString();
    }

    private static bool NeedsSpace(ExpressionToken before, ExpressionToken token)
    {
        if (before.Text is "(" or "[" or "::" or ".") return false;
        if (token.Text is ")" or "]" or "," or "::" or "." or "[") return false;
        if (token.Text == "(") return before.Kind == TokenKind.Symbol || Keywords.Contains(before.Text);
        return true;
    }

    /// <summary>Words PostgreSQL prints in upper case; every other unquoted word is folded to lower case.</summary>
    public static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "IN", "IS", "NULL", "ANY", "ALL", "SOME", "ARRAY", "LIKE", "ILIKE", "SIMILAR", "TO",
        "BETWEEN", "SYMMETRIC", "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT", "FROM", "COLLATE", "CAST", "AS",
        "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "CURRENT_USER",
        "SESSION_USER", "CURRENT_ROLE", "USER", "CURRENT_SCHEMA", "CURRENT_CATALOG", "INTERVAL", "ESCAPE", "OVERLAPS",
    };

    /// <summary>
    /// Words PostgreSQL's quote_ident keeps in double quotes as names (reserved, type/function and column-name
    /// keywords): a column called "order" or "time" reads back quoted, so its quotes must stay.
    /// </summary>
    public static readonly HashSet<string> QuotedKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between", "bigint",
        "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce", "collate", "collation",
        "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
        "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable",
        "desc", "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
        "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner",
        "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading", "least",
        "left", "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not",
        "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
        "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row", "select",
        "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then",
        "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values",
        "varchar", "variadic", "verbose", "when", "where", "window", "with",
    };
}
