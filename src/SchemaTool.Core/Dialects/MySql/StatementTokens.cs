using System.Text;
using SchemaTool.Dialects.Lexing;

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
        foreach (var token in MySqlLexer.Instance.Tokens(sql))
        {
            if (tokens.Count >= Limit) break;
            switch (token.Kind)
            {
                case SqlTokenKind.Comment or SqlTokenKind.ExecutableComment:
                    continue;
                case SqlTokenKind.QuotedIdentifier or SqlTokenKind.String when token.Span[0] is '`' or '\'' or '"':
                    tokens.Add(new StatementToken(Quoted(sql, token.Start, sql[token.Start]).Text, Quoted: true, IsString: token.Kind == SqlTokenKind.String, IsPunctuation: false));
                    continue;
                case SqlTokenKind.Punctuation:
                    // One character each, as the statement heads are read (db.t is db, ., t).
                    for (var i = token.Start; i < token.End; i++)
                        tokens.Add(new StatementToken(sql[i].ToString(), Quoted: false, IsString: false, IsPunctuation: true));
                    continue;
                default:
                    tokens.Add(new StatementToken(token.Text, Quoted: false, IsString: false, IsPunctuation: false));
                    continue;
            }
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
