using System.Text;

namespace SchemaTool.Dialects.MySql;

/// <summary>A word, a `quoted` identifier, a 'string' or one punctuation character of a MySQL statement.</summary>
internal readonly record struct StatementToken(string Text, bool Quoted, bool IsString, bool IsPunctuation);

/// <summary>Splits the start of a MySQL statement into tokens, skipping whitespace and comments.</summary>
internal static class StatementTokens
{
    /// <summary>Enough to read any statement head, including a long DROP TABLE or RENAME TABLE list.</summary>
    private const int Limit = 4096;

    public static IReadOnlyList<StatementToken> Read(string sql)
    {
        var tokens = new List<StatementToken>();
        var i = 0;
        while (i < sql.Length && tokens.Count < Limit)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '#' || (c == '-' && At(sql, i + 1, '-') && (i + 2 >= sql.Length || char.IsWhiteSpace(sql[i + 2]))))
            {
                while (i < sql.Length && sql[i] != '\n') i++;
                continue;
            }
            if (c == '/' && At(sql, i + 1, '*'))
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
                continue;
            }
            if (c is '`' or '\'' or '"')
            {
                var (text, next) = Quoted(sql, i, c);
                tokens.Add(new StatementToken(text, Quoted: true, IsString: c != '`', IsPunctuation: false));
                i = next;
                continue;
            }
            if (char.IsLetterOrDigit(c) || c is '_' or '$')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
                tokens.Add(new StatementToken(sql[start..i], Quoted: false, IsString: false, IsPunctuation: false));
                continue;
            }
            tokens.Add(new StatementToken(c.ToString(), Quoted: false, IsString: false, IsPunctuation: true));
            i++;
        }
        return tokens;
    }

    private static bool At(string sql, int index, char c) => index < sql.Length && sql[index] == c;

    /// <summary>A quoted token, its quote doubled inside it (and, in strings, backslash escapes) undone.</summary>
    private static (string Text, int Next) Quoted(string sql, int start, char quote)
    {
        var text = new StringBuilder();
        var i = start + 1;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\\' && quote != '`' && i + 1 < sql.Length)
            {
                text.Append(sql[i + 1]);
                i += 2;
                continue;
            }
            if (c == quote)
            {
                if (At(sql, i + 1, quote))
                {
                    text.Append(quote);
                    i += 2;
                    continue;
                }
                return (text.ToString(), i + 1);
            }
            text.Append(c);
            i++;
        }
        return (text.ToString(), i);
    }
}
