using System.Text;

namespace SchemaTool.Yaml;

/// <summary>
/// A model file's text, refused where it is not text: bytes that are not UTF-8 (which a lenient read would
/// turn into U+FFFD, a name nobody wrote) and NUL characters. Each is reported at its line and column.
/// </summary>
internal static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text; a UTF-16 or UTF-32 file is read by its byte order mark, anything else as UTF-8.</summary>
    public static string Read(string path, string display)
    {
        var bytes = File.ReadAllBytes(path);
        var preamble = Encoding.UTF8.Preamble;
        if (bytes.AsSpan().StartsWith(preamble)) bytes = bytes[preamble.Length..];
        else if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0, 0, 0xFE, 0xFF, ..])
            return File.ReadAllText(path);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Clamp(e.Index, 0, bytes.Length);
            var before = Encoding.UTF8.GetString(bytes, 0, at);
            var (line, column) = Position(before, before.Length);
            var bad = at < bytes.Length ? $" (byte 0x{bytes[at]:X2})" : "";
            throw new ModelException([$"{display}:{line}:{column}: the file is not valid UTF-8{bad}; save it as UTF-8"]);
        }
    }

    /// <summary>An error for the first NUL character of <paramref name="text"/>, or null when it has none.</summary>
    public static string? NulError(string display, string text)
    {
        var at = text.IndexOf('\0');
        if (at < 0) return null;
        var (line, column) = Position(text, at);
        return $"{display}:{line}:{column}: the file holds a NUL character (\\0); a model file is text: remove it";
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        return (line, index - lineStart + 1);
    }
}
