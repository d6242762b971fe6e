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
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            throw new InputException($"'{MaskUrl(url)}' is not a MySQL URL; write mysql://user:password@host:3306/database");
        var builder = new MySqlConnectionStringBuilder
        {
            Server = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 3306u : (uint)uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.Trim('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder.UserID = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0) builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "true" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            try
            {
                builder[key] = value;
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

    /// <summary>A URL that failed to parse, with whatever stands between "://user:" and "@" hidden.</summary>
    private static string MaskUrl(string url) =>
        System.Text.RegularExpressions.Regex.Replace(url, "(://[^:/@]*:)[^@]*@", "$1***@");
}
