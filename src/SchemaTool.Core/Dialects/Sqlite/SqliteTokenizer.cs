using SchemaTool.Dialects.Lexing;

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

/// <summary>SQLite DDL as tokens with their places, read by <see cref="SqliteLexer"/>; comments left out.</summary>
internal static class SqliteTokenizer
{
    public static List<Token> Tokenize(string sql)
    {
        var tokens = new List<Token>();
        foreach (var token in SqliteLexer.Instance.Tokens(sql))
        {
            var kind = token.Kind switch
            {
                SqlTokenKind.Word => TokenKind.Word,
                SqlTokenKind.QuotedIdentifier => TokenKind.Quoted,
                SqlTokenKind.String => TokenKind.String,
                SqlTokenKind.Number => TokenKind.Number,
                SqlTokenKind.Comment => (TokenKind?)null,
                _ => TokenKind.Symbol,
            };
            if (kind is { } k) tokens.Add(new Token(k, token.Text, token.Start, token.End));
        }
        return tokens;
    }
}
