namespace SchemaTool.Dialects.Sqlite;

internal enum TokenKind { Word, Quoted, String, Number, Symbol }

/// <summary>A token of SQLite DDL with its place in the source, so expressions can be cut out verbatim.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start, int End)
{
    /// <summary>An identifier's name: quotes removed, doubled quotes undone.</summary>
    public string Name => Kind == TokenKind.Quoted ? Text[1..^1].Replace(Text[0] == '[' ? "]]" : new string(Text[0], 2), Text[0] == '[' ? "]" : Text[0].ToString()) : Text;

    public bool Is(string keyword) => Kind == TokenKind.Word && Text.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(char c) => Kind == TokenKind.Symbol && Text.Length == 1 && Text[0] == c;
}

internal static class SqliteTokenizer
{
    public static List<Token> Tokenize(string sql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var nl = sql.IndexOf('\n', i);
                i = nl < 0 ? sql.Length : nl + 1;
                continue;
            }
            if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var close = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? sql.Length : close + 2;
                continue;
            }
            var start = i;
            if (c is '"' or '`' or '\'' or '[')
            {
                var close = c == '[' ? ']' : c;
                i++;
                while (i < sql.Length)
                {
                    if (sql[i] == close)
                    {
                        if (close != ']' && i + 1 < sql.Length && sql[i + 1] == close) { i += 2; continue; }
                        i++;
                        break;
                    }
                    i++;
                }
                tokens.Add(new Token(c == '\'' ? TokenKind.String : TokenKind.Quoted, sql[start..i], start, i));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
                tokens.Add(new Token(TokenKind.Word, sql[start..i], start, i));
                continue;
            }
            if (char.IsDigit(c) || c == '.' && i + 1 < sql.Length && char.IsDigit(sql[i + 1]))
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '.')) i++;
                tokens.Add(new Token(TokenKind.Number, sql[start..i], start, i));
                continue;
            }
            i++;
            tokens.Add(new Token(TokenKind.Symbol, sql[start..i], start, i));
        }
        return tokens;
    }
}
