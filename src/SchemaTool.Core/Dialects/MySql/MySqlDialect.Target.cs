using MySqlConnector;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlDialect
{
    /// <summary>
    /// <c>mysql://user:pass@host:port/db?Option=value</c> (or <c>mariadb://</c>), percent-decoded, query options
    /// passed to MySqlConnector as they are; anything else is read as a MySqlConnector connection string.
    /// </summary>
    public ConnectionTarget ParseTarget(string urlOrConnectionString, string projectDirectory)
    {
        var text = urlOrConnectionString.Trim();
        var builder = text.StartsWith("mysql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("mariadb://", StringComparison.OrdinalIgnoreCase)
            ? FromUrl(text)
            : FromConnectionString(text);
        // History and progress are written between DDL statements that commit by themselves; a command never
        // joins a transaction implicitly.
        builder.IgnoreCommandTransaction = true;
        builder.AllowUserVariables = true;
        // A command opens each database once; a pool would only keep idle connections, one per database of a
        // fleet, until the server's max_connections refuses the rest.
        builder.Pooling = false;
        return new ConnectionTarget(Name, builder.ConnectionString, Display(builder), builder.Database);
    }

    private static MySqlConnectionStringBuilder FromUrl(string url)
    {
        var parsed = DatabaseUrl.Parse(url, plusIsSpace: true)!;
        if (parsed.Hosts.Length == 0)
            throw new InputException($"the database URL {MaskUrl(url)} names no host; write mysql://user:password@host:3306/database");
        var builder = new MySqlConnectionStringBuilder { Database = parsed.Database ?? "" };
        SetServer(builder, parsed.Hosts, url);
        if (parsed.User is not null) builder.UserID = parsed.User;
        if (parsed.Password is not null) builder.Password = parsed.Password;
        foreach (var (key, value) in parsed.Query)
        {
            try
            {
                builder[key] = value ?? "true";
            }
            catch (ArgumentException)
            {
                throw new InputException($"'{key}' in the database URL is not a MySqlConnector connection option");
            }
        }
        if (builder.Database.Length == 0)
            throw new InputException($"the database URL {Display(builder)} names no database; add it after the port: mysql://user@host:3306/database");
        return builder;
    }

    /// <summary>host or host:port ([::1]:3306 too); MySqlConnector takes several hosts as a list, on one port.</summary>
    private static void SetServer(MySqlConnectionStringBuilder builder, string hosts, string url)
    {
        var last = hosts.Split(',')[^1];
        var colon = last.LastIndexOf(':');
        if (colon >= 0 && !last.EndsWith(']'))
        {
            if (!uint.TryParse(last[(colon + 1)..], out var port))
                throw new InputException($"the port in the database URL {MaskUrl(url)} is not a number; write mysql://user:password@host:3306/database");
            builder.Port = port;
        }
        else builder.Port = 3306;
        builder.Server = string.Join(",", hosts.Split(',').Select(h =>
        {
            var c = h.LastIndexOf(':');
            return (c >= 0 && !h.EndsWith(']') ? h[..c] : h).Trim('[', ']');
        }));
    }

    private static MySqlConnectionStringBuilder FromConnectionString(string text)
    {
        try
        {
            return new MySqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"the MySQL connection string is not valid: {e.Message.Split('\n')[0]}");
        }
    }

    private static string Display(MySqlConnectionStringBuilder builder)
    {
        var user = builder.UserID.Length == 0 ? "" : Uri.EscapeDataString(builder.UserID) + (builder.Password.Length > 0 ? ":***" : "") + "@";
        return $"mysql://{user}{builder.Server}:{builder.Port}/{builder.Database}";
    }

    /// <summary>A URL for a message: the password and secret query values as ***, and a host part that is no host hidden too.</summary>
    private static string MaskUrl(string url) => DatabaseUrl.Parse(url)?.Display(DialectRegistry.IsSecretKey) ?? "(the database URL)";
}
