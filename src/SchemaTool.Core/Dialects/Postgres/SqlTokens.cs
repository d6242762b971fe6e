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

internal sealed record SqlToken(TokenKind Kind, string Text)
{
    public bool Is(string text) => Kind is TokenKind.Word or TokenKind.Symbol && string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Splits a PostgreSQL expression into words, quoted names, string literals, numbers and operators.</summary>
internal static class SqlTokenizer
{
    private const string OperatorChars = "+-*/<>=~!@#%^&|`?";

    public static List<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
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
                tokens.Add(new SqlToken(TokenKind.String, sql[start..i]));
            }
            else if (c == '"')
            {
                var start = i;
                i = SkipQuoted(sql, i, '"');
                tokens.Add(new SqlToken(TokenKind.QuotedName, sql[start..i]));
            }
            else if (char.IsDigit(c) || c == '.' && i + 1 < sql.Length && char.IsDigit(sql[i + 1]))
            {
                var start = i;
                while (i < sql.Length && (char.IsDigit(sql[i]) || sql[i] == '.' && (i + 1 >= sql.Length || sql[i + 1] != '.')
                                          || sql[i] is 'e' or 'E' && i + 1 < sql.Length && (char.IsDigit(sql[i + 1]) || sql[i + 1] is '+' or '-')
                                          || sql[i] is '+' or '-' && sql[i - 1] is 'e' or 'E'))
                    i++;
                tokens.Add(new SqlToken(TokenKind.Number, sql[start..i]));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
                tokens.Add(new SqlToken(TokenKind.Word, sql[start..i]));
            }
            else if (c == ':' && i + 1 < sql.Length && sql[i + 1] == ':')
            {
                tokens.Add(new SqlToken(TokenKind.Symbol, "::"));
                i += 2;
            }
            else if (OperatorChars.Contains(c))
            {
                var start = i;
                while (i < sql.Length && OperatorChars.Contains(sql[i])) i++;
                tokens.Add(new SqlToken(TokenKind.Symbol, sql[start..i]));
            }
            else
            {
                tokens.Add(new SqlToken(TokenKind.Symbol, c.ToString()));
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
    public static string Join(IReadOnlyList<SqlToken> tokens)
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

    private static bool NeedsSpace(SqlToken before, SqlToken token)
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
}
