using System.Globalization;

namespace SchemaTool.Dialects;

/// <summary>Timestamp-with-time-zone literals, read the same way by every dialect that compares them as instants.</summary>
internal static class TimestampLiterals
{
    private static readonly string[] OffsetFormats =
        ["yyyy-MM-dd HH:mm:ss.FFFFFFzzz", "yyyy-MM-dd HH:mm:ss.FFFFFFzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFzzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFzz"];

    /// <summary>
    /// A literal with an explicit offset (<c>2024-01-08 12:00:00+02:00</c>, or <c>Z</c>) as the same instant's UTC
    /// wall-clock time without an offset (<c>2024-01-08 10:00:00</c>); null for a literal without an offset.
    /// </summary>
    public static string? UtcWallClock(string text)
    {
        var t = text.Trim();
        if (t.EndsWith('Z') || t.EndsWith('z')) t = t[..^1] + "+00:00";
        if (!DateTimeOffset.TryParseExact(t, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return null;
        return value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture);
    }
}
