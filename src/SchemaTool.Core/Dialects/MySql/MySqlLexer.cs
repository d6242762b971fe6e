using SchemaTool.Dialects.Lexing;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// MySQL's and MariaDB's lexical rules with the default sql_mode: '' and "" strings where a backslash escapes
/// and a doubled quote stands for itself, `` names, # comments, -- comments only when a space or control
/// character follows (a--1 is a - -1), /* */ comments that do not nest, /*! */ comments whose inside runs,
/// N'' X'' B'' prefixes, @variables, and names that may start with a digit (1abc) or hold a $ (a$b).
/// </summary>
public sealed class MySqlLexer : SqlLexer
{
    public static MySqlLexer Instance { get; } = new();

    private MySqlLexer() { }

    internal override StatementBodies NewBodies() => new MySqlBodies();

    protected override int Scan(string s, int i, out SqlTokenKind kind, out bool unterminated)
    {
        unterminated = false;
        var c = s[i];
        switch (c)
        {
            case '#':
            case '-' when At(s, i + 1, '-') && (i + 2 >= s.Length || s[i + 2] <= ' ' || s[i + 2] == '\x7f'):
                kind = SqlTokenKind.Comment;
                return EndOfLine(s, i, carriageReturnEnds: false);
            case '/' when At(s, i + 1, '*'):
                kind = At(s, i + 2, '!') || At(s, i + 2, 'M') && At(s, i + 3, '!') ? SqlTokenKind.ExecutableComment : SqlTokenKind.Comment;
                return EndOfBlockComment(s, i, nested: false, out unterminated);
            case '\'' or '"':
                kind = SqlTokenKind.String;
                return EndOfQuoted(s, i, c, backslashEscapes: true, doubled: true, out unterminated);
            case '`':
                kind = SqlTokenKind.QuotedIdentifier;
                return EndOfQuoted(s, i, '`', backslashEscapes: false, doubled: true, out unterminated);
            case '@':
                return Variable(s, i, out kind, out unterminated);
            case '?':
                kind = SqlTokenKind.Parameter;
                return i + 1;
        }
        if (At(s, i + 1, '\'') && c is 'N' or 'n' or 'X' or 'x' or 'B' or 'b')
        {
            kind = SqlTokenKind.String;
            return EndOfQuoted(s, i + 1, '\'', backslashEscapes: c is 'N' or 'n', doubled: true, out unterminated);
        }
        if (IsDigit(c) || c == '.' && i + 1 < s.Length && IsDigit(s[i + 1])) return NumberOrName(s, i, out kind);
        if (IsNameChar(c))
        {
            kind = SqlTokenKind.Word;
            return EndOfName(s, i);
        }
        kind = SqlTokenKind.Punctuation;
        return i + OperatorLength(s, i);
    }

    /// <summary>@name, @'name', @`name`, @@system_variable, @@session.name.</summary>
    private static int Variable(string s, int i, out SqlTokenKind kind, out bool unterminated)
    {
        kind = SqlTokenKind.Parameter;
        unterminated = false;
        var j = i + 1;
        if (At(s, j, '@')) j++;
        if (j < s.Length && s[j] is '\'' or '"' or '`')
            return EndOfQuoted(s, j, s[j], backslashEscapes: s[j] != '`', doubled: true, out unterminated);
        while (j < s.Length && (IsNameChar(s[j]) || s[j] == '.')) j++;
        return j;
    }

    /// <summary>
    /// 12, 1.5, .5, 1e-3, 0x1F, 0b101 are numbers; 1abc and 0xZZ are names, which MySQL lets start with a digit.
    /// </summary>
    private static int NumberOrName(string s, int i, out SqlTokenKind kind)
    {
        kind = SqlTokenKind.Number;
        var j = i;
        while (j < s.Length && IsDigit(s[j])) j++;
        if (At(s, j, '.'))
        {
            j++;
            while (j < s.Length && IsDigit(s[j])) j++;
            return EndOfExponent(s, j);
        }
        if (j >= s.Length || !IsNameChar(s[j])) return j;
        if (j == i + 1 && s[i] == '0' && s[j] is 'x' or 'b')
        {
            var end = EndOfName(s, j);
            var digits = s.AsSpan(j + 1, end - j - 1);
            var isNumber = digits.Length > 0 && (s[j] == 'x' ? !digits.ContainsAnyExcept(HexDigits) : !digits.ContainsAnyExcept("01"));
            kind = isNumber ? SqlTokenKind.Number : SqlTokenKind.Word;
            return end;
        }
        var exponent = EndOfExponent(s, j);
        if (exponent > j && (exponent >= s.Length || !IsNameChar(s[exponent]))) return exponent;
        kind = SqlTokenKind.Word;
        return EndOfName(s, j);
    }

    private const string HexDigits = "0123456789abcdefABCDEF";

    private static int EndOfExponent(string s, int j)
    {
        if (j >= s.Length || s[j] is not ('e' or 'E')) return j;
        var k = j + 1;
        if (k < s.Length && s[k] is '+' or '-') k++;
        if (k >= s.Length || !IsDigit(s[k])) return j;
        while (k < s.Length && IsDigit(s[k])) k++;
        return k;
    }

    private static int EndOfName(string s, int i)
    {
        var j = i + 1;
        while (j < s.Length && IsNameChar(s[j])) j++;
        return j;
    }

    private static int OperatorLength(string s, int i)
    {
        var c = s[i];
        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        switch (c)
        {
            case '<' when next == '=' && At(s, i + 2, '>'):
            case '-' when next == '>' && At(s, i + 2, '>'):
                return 3;
            case '<' when next is '=' or '>' or '<':
            case '>' when next is '=' or '>':
            case '!' when next == '=':
            case '&' when next == '&':
            case '|' when next == '|':
            case ':' when next == '=':
            case '-' when next == '>':
                return 2;
            default:
                return 1;
        }
    }

    private static bool IsNameChar(char c) => IsAsciiLetter(c) || IsDigit(c) || c is '_' or '$' || c >= 0x80;
}
