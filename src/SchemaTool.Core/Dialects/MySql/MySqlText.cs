using System.Text;
using SchemaTool.Dialects.Lexing;

namespace SchemaTool.Dialects.MySql;

/// <summary>Identifier quoting and string literals as MySQL and MariaDB read them.</summary>
public static class MySqlText
{
    public static string Quote(string identifier) => "`" + identifier.Replace("`", "``") + "`";

    /// <summary>
    /// A string literal. Backslashes are doubled as well as quotes: with the default sql_mode a backslash
    /// starts an escape, so <c>'a\b'</c> would lose it. NUL, CR, LF and Ctrl-Z are written as escapes, so that
    /// a revision file holds no raw NUL and no line ending that a checkout could rewrite.
    /// </summary>
    public static string String(string value)
    {
        if (value.AsSpan().IndexOfAny("\\'\0\n\r\x1a") < 0) return "'" + value + "'";
        var text = new StringBuilder(value.Length + 8).Append('\'');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => @"\\",
                '\'' => "''",
                '\0' => @"\0",
                '\n' => @"\n",
                '\r' => @"\r",
                '\x1a' => @"\Z",
                _ => null,
            } ?? c.ToString());
        }
        return text.Append('\'').ToString();
    }

    /// <summary>Reads back a literal printed by the server (<c>'it''s \\ x'</c>, MariaDB's COLUMN_DEFAULT form); null when it is not one string.</summary>
    public static string? Unquote(string literal)
    {
        if (literal.Length < 2 || literal[0] != '\'') return null;
        var tokens = MySqlLexer.Instance.Tokens(literal).GetEnumerator();
        if (!tokens.MoveNext()) return null;
        var token = tokens.Current;
        return token is { Kind: SqlTokenKind.String, Start: 0, Unterminated: false } && token.End == literal.Length ? Decode(token.Span) : null;
    }

    /// <summary>
    /// The value of a '...' or "..." literal as the server reads it: the quote doubled stands for itself, and a
    /// backslash escapes, where \% and \_ keep their backslash (they are LIKE's escaped wildcards).
    /// </summary>
    internal static string Decode(ReadOnlySpan<char> literal)
    {
        var quote = literal[0];
        var inner = literal[1..^1];
        if (inner.IndexOfAny('\\', quote) < 0) return inner.ToString();
        var text = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == quote && i + 1 < inner.Length && inner[i + 1] == quote)
            {
                text.Append(quote);
                i++;
            }
            else if (c == '\\' && i + 1 < inner.Length)
            {
                var next = inner[++i];
                if (next is '%' or '_') text.Append('\\');
                text.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', '0' => '\0', 'Z' => '\x1a', var other => other });
            }
            else text.Append(c);
        }
        return text.ToString();
    }
}
