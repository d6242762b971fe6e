using System.Globalization;
using System.Text;

namespace SchemaTool.Dialects.Postgres;

/// <summary>The value of a PostgreSQL E'' string: \b \f \n \r \t, octal and hex bytes, \u and \U code points, \x for x.</summary>
internal static class EscapeStrings
{
    /// <summary>The text between E' and '; null when its bytes are no UTF-8 or a code point is out of range.</summary>
    public static string? Decode(ReadOnlySpan<char> inner)
    {
        var text = new StringBuilder(inner.Length);
        var bytes = new List<byte>();
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '\\' && i + 1 < inner.Length)
            {
                var next = inner[++i];
                if (next is >= '0' and <= '7' || next == 'x' && i + 1 < inner.Length && char.IsAsciiHexDigit(inner[i + 1]))
                {
                    // Octal and hex escapes are bytes of the server's encoding (UTF-8), which may take several escapes.
                    var (radix, max, start) = next == 'x' ? (16, 2, i + 1) : (8, 3, i);
                    var end = start;
                    while (end < inner.Length && end - start < max && IsDigit(inner[end], radix)) end++;
                    bytes.Add((byte)Convert.ToInt32(inner[start..end].ToString(), radix));
                    i = end - 1;
                    continue;
                }
                if (!Flush(bytes, text)) return null;
                if (next is 'u' or 'U')
                {
                    var length = next == 'u' ? 4 : 8;
                    if (i + length > inner.Length - 1
                        || !int.TryParse(inner.Slice(i + 1, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                        || !Rune.IsValid(code)) return null;
                    text.Append(char.ConvertFromUtf32(code));
                    i += length;
                    continue;
                }
                text.Append(next switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', var other => other });
                continue;
            }
            if (!Flush(bytes, text)) return null;
            if (c == '\'' && i + 1 < inner.Length && inner[i + 1] == '\'') i++;
            text.Append(c);
        }
        return Flush(bytes, text) ? text.ToString() : null;
    }

    private static bool IsDigit(char c, int radix) => radix == 16 ? char.IsAsciiHexDigit(c) : c is >= '0' and <= '7';

    private static bool Flush(List<byte> bytes, StringBuilder text)
    {
        if (bytes.Count == 0) return true;
        try
        {
            text.Append(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray()));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            bytes.Clear();
        }
    }
}
