using SchemaTool.Dialects.Lexing;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// PostgreSQL's lexical rules (its scan.l): nested /* */ comments, -- comments to CR or LF, '' strings with
/// standard_conforming_strings on (a backslash is a plain character) and E'' strings where it escapes, B'' X''
/// N'' U&amp;'' prefixes, "" and U&amp;"" names, $tag$ dollar quotes, $1 parameters, a $ inside a name (a$b),
/// and operators cut where a comment starts or a trailing + or - belongs to the next token.
/// </summary>
public sealed class PostgresLexer : SqlLexer
{
    public static PostgresLexer Instance { get; } = new();

    private PostgresLexer() { }

    internal override StatementBodies NewBodies() => new PostgresBodies();

    protected override int Scan(string s, int i, out SqlTokenKind kind, out bool unterminated)
    {
        unterminated = false;
        var c = s[i];
        switch (c)
        {
            case '-' when At(s, i + 1, '-'):
                kind = SqlTokenKind.Comment;
                return EndOfLine(s, i, carriageReturnEnds: true);
            case '/' when At(s, i + 1, '*'):
                kind = SqlTokenKind.Comment;
                return EndOfBlockComment(s, i, nested: true, out unterminated);
            case '\'':
                kind = SqlTokenKind.String;
                return EndOfQuoted(s, i, '\'', backslashEscapes: false, doubled: true, out unterminated);
            case '"':
                kind = SqlTokenKind.QuotedIdentifier;
                return EndOfQuoted(s, i, '"', backslashEscapes: false, doubled: true, out unterminated);
            case '$':
                return Dollar(s, i, out kind, out unterminated);
        }
        if (IsIdentifierStart(c)) return WordOrPrefixedString(s, i, out kind, out unterminated);
        if (IsDigit(c) || c == '.' && i + 1 < s.Length && IsDigit(s[i + 1]))
        {
            kind = SqlTokenKind.Number;
            return EndOfNumber(s, i);
        }
        kind = SqlTokenKind.Punctuation;
        if (c == ':') return At(s, i + 1, ':') || At(s, i + 1, '=') ? i + 2 : i + 1;
        if (c == '.') return At(s, i + 1, '.') ? i + 2 : i + 1;
        return IsOperatorChar(c) ? EndOfOperator(s, i) : i + 1;
    }

    private static int WordOrPrefixedString(string s, int i, out SqlTokenKind kind, out bool unterminated)
    {
        var c = s[i];
        if (At(s, i + 1, '\''))
        {
            switch (c)
            {
                case 'E' or 'e':
                    kind = SqlTokenKind.String;
                    return EndOfQuoted(s, i + 1, '\'', backslashEscapes: true, doubled: true, out unterminated);
                case 'B' or 'b' or 'X' or 'x' or 'N' or 'n':
                    kind = SqlTokenKind.String;
                    return EndOfQuoted(s, i + 1, '\'', backslashEscapes: false, doubled: true, out unterminated);
            }
        }
        if (c is 'U' or 'u' && At(s, i + 1, '&') && i + 2 < s.Length && s[i + 2] is '\'' or '"')
        {
            kind = s[i + 2] == '\'' ? SqlTokenKind.String : SqlTokenKind.QuotedIdentifier;
            return EndOfQuoted(s, i + 2, s[i + 2], backslashEscapes: false, doubled: true, out unterminated);
        }
        unterminated = false;
        kind = SqlTokenKind.Word;
        var j = i + 1;
        while (j < s.Length && (IsIdentifierStart(s[j]) || IsDigit(s[j]) || s[j] == '$')) j++;
        return j;
    }

    /// <summary>$1 is a parameter; $$ or $tag$ opens a dollar quote that runs to the same tag.</summary>
    private static int Dollar(string s, int i, out SqlTokenKind kind, out bool unterminated)
    {
        unterminated = false;
        var j = i + 1;
        if (j < s.Length && IsDigit(s[j]))
        {
            while (j < s.Length && IsDigit(s[j])) j++;
            kind = SqlTokenKind.Parameter;
            return j;
        }
        if (j < s.Length && IsIdentifierStart(s[j]))
            while (j < s.Length && (IsIdentifierStart(s[j]) || IsDigit(s[j]))) j++;
        if (!At(s, j, '$'))
        {
            kind = SqlTokenKind.Punctuation; // not valid SQL; the server says so
            return i + 1;
        }
        kind = SqlTokenKind.String;
        var tag = s.AsSpan(i, j + 1 - i);
        var close = s.AsSpan(j + 1).IndexOf(tag, StringComparison.Ordinal);
        if (close < 0)
        {
            unterminated = true;
            return s.Length;
        }
        return j + 1 + close + tag.Length;
    }

    private static int EndOfNumber(string s, int i)
    {
        var j = i;
        while (j < s.Length && IsDigit(s[j])) j++;
        // 1..10 is an integer before the range operator, not 1. and .10
        if (At(s, j, '.') && !At(s, j + 1, '.'))
        {
            j++;
            while (j < s.Length && IsDigit(s[j])) j++;
        }
        if (j < s.Length && s[j] is 'e' or 'E')
        {
            var k = j + 1;
            if (k < s.Length && s[k] is '+' or '-') k++;
            if (k < s.Length && IsDigit(s[k]))
            {
                while (k < s.Length && IsDigit(s[k])) k++;
                j = k;
            }
        }
        return j;
    }

    /// <summary>
    /// An operator is the longest run of operator characters, cut before a -- or /* inside it; a run of more than
    /// one character ending in + or - loses it unless it has one of ~ ! @ # % ^ &amp; | ` ?, so that a&gt;-1 is a &gt; -1.
    /// </summary>
    private static int EndOfOperator(string s, int i)
    {
        var j = i + 1;
        while (j < s.Length && IsOperatorChar(s[j]))
        {
            if (s[j] == '-' && At(s, j + 1, '-') || s[j] == '/' && At(s, j + 1, '*')) break;
            j++;
        }
        if (j - i > 1 && s[j - 1] is '+' or '-' && s.AsSpan(i, j - i).IndexOfAny("~!@#%^&|`?") < 0)
        {
            while (j - i > 1 && s[j - 1] is '+' or '-') j--;
        }
        return j;
    }

    private static bool IsIdentifierStart(char c) => IsAsciiLetter(c) || c == '_' || c >= 0x80;

    private static bool IsOperatorChar(char c) => c is '~' or '!' or '@' or '#' or '^' or '&' or '|' or '`' or '?' or '+' or '-' or '*' or '/' or '%' or '<' or '>' or '=';
}
