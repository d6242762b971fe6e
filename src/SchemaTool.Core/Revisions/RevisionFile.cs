using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SchemaTool.Revisions;

/// <summary>The header of a revision file and the file names: <c>&lt;rev&gt;_&lt;slug&gt;.up.sql</c> / <c>.down.sql</c>.</summary>
public static partial class RevisionFile
{
    public const string UpSuffix = ".up.sql";
    public const string DownSuffix = ".down.sql";

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public static string Slug(string message)
    {
        var slug = SlugPattern().Replace(message.ToLowerInvariant(), "_").Trim('_');
        if (slug.Length > 40) slug = slug[..40].TrimEnd('_');
        return slug.Length == 0 ? "revision" : slug;
    }

    public static string Header(string id, IReadOnlyList<string> parents, string message, DateTimeOffset created) =>
        $"-- revision: {id}\n" +
        $"-- parents: {string.Join(" ", parents)}\n" +
        $"-- message: {PrintableText.OneLine(message)}\n" +
        $"-- created: {created.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n";

    public static string Checksum(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));

    /// <summary>Reads the header fields; returns an error message when one is missing or malformed.</summary>
    public static (Dictionary<string, string> Fields, string? Error) ReadHeader(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var m = HeaderLine().Match(line);
            if (!m.Success) break;
            // A hand-edited message may hold an escape sequence: it is printed by apply, history and status.
            fields[m.Groups[1].Value] = PrintableText.OneLine(m.Groups[2].Value.Trim());
        }
        foreach (var key in new[] { "revision", "parents", "message", "created" })
            if (!fields.ContainsKey(key))
                return (fields, $"the header has no `-- {key}:` line (a revision file begins with -- revision, -- parents, -- message, -- created)");
        return (fields, null);
    }

    [GeneratedRegex("^[0-9a-f]{12}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^--\s*(revision|parents|message|created):(.*)$")]
    private static partial Regex HeaderLine();
}
