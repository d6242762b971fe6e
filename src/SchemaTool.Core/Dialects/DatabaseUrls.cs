using System.Data.Common;

namespace SchemaTool.Dialects;

/// <summary>Swapping the database of a server URL or connection string, for fleets over one server.</summary>
public static class DatabaseUrls
{
    /// <summary>scheme://user:pass@host:port/OLD?query → scheme://user:pass@host:port/NEW?query; a connection string gets Database=NEW.</summary>
    public static string WithDatabase(string serverUrl, string database)
    {
        if (DatabaseUrl.Parse(serverUrl) is { } url) return url.WithDatabase(database);
        var builder = new DbConnectionStringBuilder { ConnectionString = serverUrl };
        builder["Database"] = database;
        return builder.ConnectionString;
    }
}
