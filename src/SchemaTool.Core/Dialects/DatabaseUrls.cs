using System.Data.Common;
using System.Text.RegularExpressions;

namespace SchemaTool.Dialects;

/// <summary>Swapping the database of a server URL or connection string, for fleets over one server.</summary>
public static partial class DatabaseUrls
{
    /// <summary>scheme://user:pass@host:port/OLD?query → scheme://user:pass@host:port/NEW?query; a connection string gets Database=NEW.</summary>
    public static string WithDatabase(string serverUrl, string database)
    {
        var m = UrlPattern().Match(serverUrl);
        if (m.Success)
            return m.Groups["head"].Value + "/" + Uri.EscapeDataString(database) + m.Groups["query"].Value;
        var builder = new DbConnectionStringBuilder { ConnectionString = serverUrl };
        builder["Database"] = database;
        return builder.ConnectionString;
    }

    [GeneratedRegex(@"^(?<head>[a-zA-Z][a-zA-Z0-9+.-]*://[^/?]*)(?:/[^?]*)?(?<query>\?.*)?$")]
    private static partial Regex UrlPattern();
}
