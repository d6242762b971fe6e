using System.Text.RegularExpressions;

namespace SchemaTool.Tests.Infrastructure;

internal static partial class DatabaseNames
{
    /// <summary>A unique name of lower-case letters, digits and underscores, within PostgreSQL's and MySQL's length limits.</summary>
    public static string New(string? prefix)
    {
        var cleaned = NonIdentifierCharacters().Replace((prefix ?? "").ToLowerInvariant(), "_").Trim('_');
        var stem = cleaned.Length == 0 ? "test" : cleaned[..Math.Min(cleaned.Length, 40)];
        return $"{stem}_{Guid.NewGuid().ToString("N")[..12]}";
    }

    [GeneratedRegex("[^a-z0-9_]+")]
    private static partial Regex NonIdentifierCharacters();
}
