using System.Collections;

namespace SchemaTool.Dialects.Lexing;

/// <summary>
/// Reads SQL text as its database does: quotes, comments, identifiers, numbers and operators by that
/// database's rules. One per dialect; the statement splitter, the checks of the model's SQL fields and the
/// dialects' own readers of SQL all go through it, so they agree on where a string or a comment ends.
/// </summary>
public abstract class SqlLexer
{
    /// <summary>Every token of <paramref name="sql"/>, comments included, whitespace left out; lazily, without a list.</summary>
    public SqlTokens Tokens(string sql) => new(this, sql);

    /// <summary>The tokens of <paramref name="sql"/> in a list, comments left out unless asked for.</summary>
    public List<SqlToken> Tokenize(string sql, bool comments = false)
    {
        var tokens = new List<SqlToken>();
        foreach (var token in Tokens(sql))
            if (comments || token.Kind != SqlTokenKind.Comment) tokens.Add(token);
        return tokens;
    }

    /// <summary>Splits a script into statements at the semicolons that end them (see <see cref="StatementSplitter"/>).</summary>
    public IReadOnlyList<string> Split(string script) => StatementSplitter.Split(this, script);

    /// <summary>A fresh follower of the bodies (trigger, routine) inside which a semicolon does not end a statement.</summary>
    internal abstract StatementBodies NewBodies();

    /// <summary>Reads the token at or after <paramref name="position"/>; false at the end of the text.</summary>
    internal bool TryRead(string sql, ref int position, out SqlToken token)
    {
        var i = position;
        while (i < sql.Length && IsSpace(sql[i])) i++;
        if (i >= sql.Length)
        {
            position = i;
            token = default;
            return false;
        }
        var end = Scan(sql, i, out var kind, out var unterminated);
        token = new SqlToken(kind, sql, i, end, unterminated);
        position = end;
        return true;
    }

    /// <summary>Scans the token that starts at <paramref name="start"/> (not whitespace) and returns where it ends.</summary>
    protected abstract int Scan(string sql, int start, out SqlTokenKind kind, out bool unterminated);

    protected static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    protected static bool IsDigit(char c) => c is >= '0' and <= '9';

    protected static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    protected static bool IsHexDigit(char c) => char.IsAsciiHexDigit(c);

    protected static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    /// <summary>
    /// The end of a line comment: the line break itself is whitespace, not part of it. PostgreSQL ends a comment
    /// at a carriage return too; MySQL and SQLite only at a line feed, so a lone CR leaves the comment running.
    /// </summary>
    protected static int EndOfLine(string s, int i, bool carriageReturnEnds)
    {
        var nl = carriageReturnEnds ? s.AsSpan(i).IndexOfAny('\n', '\r') : s.AsSpan(i).IndexOf('\n');
        return nl < 0 ? s.Length : i + nl;
    }

    /// <summary>The end of a /* */ comment starting at <paramref name="i"/>, nested ones counted when <paramref name="nested"/>.</summary>
    protected static int EndOfBlockComment(string s, int i, bool nested, out bool unterminated)
    {
        var depth = 1;
        var j = i + 2;
        while (j < s.Length)
        {
            var next = s.AsSpan(j).IndexOfAny('*', '/');
            if (next < 0) break;
            j += next;
            if (s[j] == '*' && At(s, j + 1, '/'))
            {
                j += 2;
                if (--depth == 0)
                {
                    unterminated = false;
                    return j;
                }
            }
            else if (nested && s[j] == '/' && At(s, j + 1, '*'))
            {
                depth++;
                j += 2;
            }
            else j++;
        }
        unterminated = true;
        return s.Length;
    }

    /// <summary>
    /// The end of a quoted token opening at <paramref name="i"/> with <paramref name="quote"/>, closed by
    /// <paramref name="close"/>; the closing quote doubled stands for itself, and with <paramref name="backslashEscapes"/>
    /// a backslash escapes the character after it.
    /// </summary>
    protected static int EndOfQuoted(string s, int i, char close, bool backslashEscapes, bool doubled, out bool unterminated)
    {
        var j = i + 1;
        while (j < s.Length)
        {
            var next = backslashEscapes ? s.AsSpan(j).IndexOfAny(close, '\\') : s.AsSpan(j).IndexOf(close);
            if (next < 0) break;
            j += next;
            if (s[j] == '\\' && backslashEscapes && close != '\\')
            {
                j += 2;
                continue;
            }
            if (doubled && At(s, j + 1, close))
            {
                j += 2;
                continue;
            }
            unterminated = false;
            return j + 1;
        }
        unterminated = true;
        return s.Length;
    }
}

/// <summary>The tokens of one text, read as they are enumerated.</summary>
public readonly struct SqlTokens(SqlLexer lexer, string sql) : IEnumerable<SqlToken>
{
    public Enumerator GetEnumerator() => new(lexer, sql);

    IEnumerator<SqlToken> IEnumerable<SqlToken>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator(SqlLexer lexer, string sql) : IEnumerator<SqlToken>
    {
        private int _position;
        private SqlToken _current;

        public readonly SqlToken Current => _current;

        readonly object IEnumerator.Current => _current;

        public bool MoveNext() => lexer.TryRead(sql, ref _position, out _current);

        public void Reset() => _position = 0;

        public readonly void Dispose() { }
    }
}
