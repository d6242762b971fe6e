using System.Buffers;
using System.Globalization;
using System.Text;

namespace SchemaTool;

/// <summary>
/// A user's text (a name, a revision message) made safe to print on a terminal and to write into a SQL comment
/// line: a line break would end the comment and turn the rest of the text into a statement, and an escape
/// sequence would drive the terminal. Such characters are written as escapes (<c>\n</c>, <c>\x1b</c>,
/// <c>\u202e</c>); everything else, quotes and non-ASCII letters included, stays as it is.
/// </summary>
public static class PrintableText
{
    // C0 and C1 controls, DEL, the Unicode line and paragraph separators, the bidirectional controls that can make
    // text read differently from what it holds, the invisible characters that make a name look like another
    // (`us\u200bers` prints as `users`; the joiners U+200C and U+200D, which some scripts spell words with, are
    // kept), and surrogates (a lone one is not text; pairs are kept).
    private const string Invisible = "\u00AD\u180E\u200B\u2060\u2061\u2062\u2063\u2064\uFEFF";

    private static readonly SearchValues<char> Suspect = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) +
        string.Concat(Enumerable.Range(0x7F, 0x21).Select(c => (char)c)) +
        "\u061C\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069" + Invisible +
        string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>Whether <paramref name="text"/> holds a character that <see cref="Escape"/> would rewrite.</summary>
    public static bool NeedsEscaping(string text) => FirstSuspect(text) >= 0;

    /// <summary>The index of the first character <see cref="Escape"/> would rewrite, or -1.</summary>
    public static int FirstSuspect(string text)
    {
        var span = text.AsSpan();
        var offset = 0;
        while (true)
        {
            var i = span.IndexOfAny(Suspect);
            if (i < 0) return -1;
            var at = offset + i;
            if (char.IsHighSurrogate(text[at]) && at + 1 < text.Length && char.IsLowSurrogate(text[at + 1]))
            {
                span = span[(i + 2)..];
                offset = at + 2;
                continue;
            }
            return at;
        }
    }

    /// <summary>The text with every control, separator, bidirectional control and lone surrogate written as an escape.</summary>
    public static string Escape(string text)
    {
        var first = FirstSuspect(text);
        if (first < 0) return text;
        var result = new StringBuilder(text.Length + 8).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
                continue;
            }
            if (Suspect.Contains(c)) result.Append(EscapeOf(c));
            else result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>
    /// One line of text, as a revision message is: line breaks and tabs become spaces, runs of them one space,
    /// and any other control is escaped as <see cref="Escape"/> does.
    /// </summary>
    public static string OneLine(string text)
    {
        if (FirstSuspect(text) < 0) return text;
        var spaced = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var blank = c is '\t' or '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';
            if (!blank) spaced.Append(c);
            else if (spaced.Length == 0 || spaced[^1] != ' ') spaced.Append(' ');
        }
        return Escape(spaced.ToString());
    }

    /// <summary>How one character is shown: its C escape where it has one, else \xNN or \uNNNN.</summary>
    public static string EscapeOf(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\0' => "\\0",
        _ when c <= 0xFF => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
        _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
    };

    /// <summary>A short English name of a control character, for error messages ("line feed", "escape").</summary>
    public static string Describe(char c) => c switch
    {
        '\0' => "NUL",
        '\n' => "a line feed",
        '\r' => "a carriage return",
        '\t' => "a tab",
        '\u001B' => "an escape (ESC)",
        '\u007F' => "DEL",
        '\u2028' => "a line separator",
        '\u2029' => "a paragraph separator",
        _ when char.IsSurrogate(c) => "half of a surrogate pair (not text)",
        _ when Invisible.Contains(c) => "an invisible character",
        _ when char.IsControl(c) => "a control character",
        _ => "a bidirectional control",
    } + $" ({EscapeOf(c)})";
}
