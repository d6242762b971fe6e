using System.Text.RegularExpressions;

namespace SchemaTool.Project;

/// <summary>
/// Keeps a password out of schematool.yaml, a file people commit: `init --database URL` writes a ${...} variable
/// where the URL or connection string had the password, and the config reads it from the environment.
/// </summary>
public static partial class ConfigSecrets
{
    public const string PasswordVariable = "SCHEMATOOL_DB_PASSWORD";

    private const string Placeholder = "${" + PasswordVariable + "}";

    /// <summary>
    /// <paramref name="database"/> with its password (user:PASSWORD@ in a URL, ?password= in its query, or
    /// Password=/Pwd= in a connection string) replaced by ${SCHEMATOOL_DB_PASSWORD}; Replaced is false when there
    /// was none, or it is a ${...} variable already. A SQLite URL is a file path and is left alone.
    /// </summary>
    public static (string Database, bool Replaced) WithoutPassword(string database)
    {
        if (database.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)) return (database, false);
        var scheme = database.IndexOf("://", StringComparison.Ordinal);
        return scheme < 0 ? InConnectionString(database) : InUrl(database, scheme + 3);
    }

    private static (string, bool) InUrl(string url, int start)
    {
        var replaced = false;
        var question = url.IndexOf('?', start);
        var end = question < 0 ? url.Length : question;
        // As the URL parsers read it: the user info ends at the last @ before the query, the password after its first colon.
        var at = url.LastIndexOf('@', end - 1, end - start);
        if (at > start && url.IndexOf(':', start, at - start) is var colon and >= 0 && IsSecret(url[(colon + 1)..at]))
        {
            url = url[..(colon + 1)] + Placeholder + url[at..];
            replaced = true;
        }
        question = url.IndexOf('?', start);
        if (question < 0) return (url, replaced);
        var query = QueryPassword().Replace(url[(question + 1)..], m =>
        {
            if (!IsSecret(m.Groups["value"].Value)) return m.Value;
            replaced = true;
            return m.Groups["key"].Value + Placeholder;
        });
        return (url[..(question + 1)] + query, replaced);
    }

    private static (string, bool) InConnectionString(string text)
    {
        var replaced = false;
        var result = ConnectionStringPassword().Replace(text, m =>
        {
            if (!IsSecret(m.Groups["value"].Value.Trim('\'', '"'))) return m.Value;
            replaced = true;
            return m.Groups["key"].Value + Placeholder;
        });
        return (result, replaced);
    }

    private static bool IsSecret(string value) => value.Length > 0 && !value.Contains("${", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<key>(?:^|(?<=&))password=)(?<value>[^&]*)", RegexOptions.IgnoreCase)]
    private static partial Regex QueryPassword();

    [GeneratedRegex(@"(?<key>(?:^|(?<=;))\s*(?:password|pwd)\s*=\s*)(?<value>'[^']*'|""[^""]*""|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();
}
