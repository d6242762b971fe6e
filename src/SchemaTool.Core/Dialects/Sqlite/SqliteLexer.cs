using SchemaTool.Dialects.Lexing;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// SQLite's lexical rules (its tokenize.c): -- comments to the line feed, /* */ comments that do not nest and
/// may run to the end, '' strings without backslash escapes, X'' blobs, names in "", `` or [] (a ] ends a
/// bracketed name, whatever it holds), ?1 :a @a $a parameters, and a $ inside a name (a$b).
/// </summary>
public sealed class SqliteLexer : SqlLexer
{
    public static SqliteLexer Instance { get; } = new();

    private SqliteLexer() { }

    internal override StatementBodies NewBodies() => new SqliteBodies();

    protected override int Scan(string s, int i, out SqlTokenKind kind, out bool unterminated)
    {
        unterminated = false;
        var c = s[i];
        switch (c)
        {
            case '-' when At(s, i + 1, '-'):
                kind = SqlTokenKind.Comment;
                return EndOfLine(s, i, carriageReturnEnds: false);
            case '/' when At(s, i + 1, '*'):
                kind = SqlTokenKind.Comment;
                return EndOfBlockComment(s, i, nested: false, out unterminated);
            case '\'':
                kind = SqlTokenKind.String;
                return EndOfQuoted(s, i, '\'', backslashEscapes: false, doubled: true, out unterminated);
            case '"' or '`':
                kind = SqlTokenKind.QuotedIdentifier;
                return EndOfQuoted(s, i, c, backslashEscapes: false, doubled: true, out unterminated);
            case '[':
                kind = SqlTokenKind.QuotedIdentifier;
                return EndOfQuoted(s, i, ']', backslashEscapes: false, doubled: false, out unterminated);
            case '?':
                kind = SqlTokenKind.Parameter;
                return EndOfDigits(s, i + 1);
            case ':' or '@' or '$' when i + 1 < s.Length && IsNameChar(s[i + 1]):
                kind = SqlTokenKind.Parameter;
                return EndOfName(s, i + 1);
        }
        if (c is 'X' or 'x' && At(s, i + 1, '\''))
        {
            kind = SqlTokenKind.String;
            return EndOfQuoted(s, i + 1, '\'', backslashEscapes: false, doubled: true, out unterminated);
        }
        if (IsDigit(c) || c == '.' && i + 1 < s.Length && IsDigit(s[i + 1]))
        {
            // 12abc is one (illegal) token to SQLite, as is 0x1G.
            kind = SqlTokenKind.Number;
            return EndOfNumber(s, i);
        }
        if (IsNameChar(c) && c != '$')
        {
            kind = SqlTokenKind.Word;
            return EndOfName(s, i);
        }
        kind = SqlTokenKind.Punctuation;
        return i + OperatorLength(s, i);
    }

    private static int EndOfNumber(string s, int i)
    {
        var j = EndOfDigits(s, i);
        if (At(s, j, '.')) j = EndOfDigits(s, j + 1);
        if (j < s.Length && s[j] is 'e' or 'E')
        {
            var k = j + 1;
            if (k < s.Length && s[k] is '+' or '-') k++;
            if (k < s.Length && IsDigit(s[k])) j = EndOfDigits(s, k);
        }
        while (j < s.Length && IsNameChar(s[j])) j++;
        return j;
    }

    private static int EndOfDigits(string s, int i)
    {
        while (i < s.Length && (IsDigit(s[i]) || s[i] == '_' && i + 1 < s.Length && IsDigit(s[i + 1]))) i++;
        return i;
    }

    private static int EndOfName(string s, int i)
    {
        while (i < s.Length && IsNameChar(s[i])) i++;
        return i;
    }

    private static int OperatorLength(string s, int i)
    {
        var c = s[i];
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        switch (c)
        {
            case '-' when next == '>' && At(s, i + 2, '>'):
                return 3;
            case '<' when next is '=' or '>' or '<':
            case '>' when next is '=' or '>':
            case '=' when next == '=':
            case '!' when next == '=':
            case '|' when next == '|':
            case '-' when next == '>':
                return 2;
            default:
                return 1;
        }
    }

    private static bool IsNameChar(char c) => IsAsciiLetter(c) || IsDigit(c) || c is '_' or '$' || c >= 0x80;
}
