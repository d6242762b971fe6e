using Npgsql;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// Reads <c>postgres://user:pass@host:port/db?search_path=app&amp;sslmode=require</c> (also <c>postgresql://</c>,
/// several <c>host:port</c> pairs separated by commas, percent-encoded parts) or a raw Npgsql connection string.
/// </summary>
public static class PostgresTarget
{
    public const string DefaultSchema = "public";

    public static ConnectionTarget Parse(string urlOrConnectionString)
    {
        var text = urlOrConnectionString.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && text[..scheme].ToLowerInvariant() is "postgres" or "postgresql")
            return FromUrl(text, text[(scheme + 3)..]);
        return FromConnectionString(text);
    }

    private static ConnectionTarget FromUrl(string url, string rest)
    {
        var question = rest.IndexOf('?');
        var main = question < 0 ? rest : rest[..question];
        var query = question < 0 ? "" : rest[(question + 1)..];
        var at = main.LastIndexOf('@');
        var userInfo = at < 0 ? null : main[..at];
        var hostAndPath = main[(at + 1)..];
        var slash = hostAndPath.IndexOf('/');
        var hosts = slash < 0 ? hostAndPath : hostAndPath[..slash];
        var database = slash < 0 ? "" : Decode(hostAndPath[(slash + 1)..]);

        var builder = new NpgsqlConnectionStringBuilder();
        SetHosts(builder, hosts, url);
        if (database.Length > 0) builder.Database = database;
        if (userInfo is not null)
        {
            var colon = userInfo.IndexOf(':');
            builder.Username = Decode(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) builder.Password = Decode(userInfo[(colon + 1)..]);
        }

        string? schema = null;
        var shownQuery = new List<string>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            if (key.Equals("password", StringComparison.OrdinalIgnoreCase))
            {
                builder.Password = value;
                shownQuery.Add("password=***");
                continue;
            }
            shownQuery.Add(pair);
            if (key is "search_path" or "schema" or "currentSchema") schema = value.Split(',')[0].Trim();
            else SetOption(builder, key, value);
        }

        var display = $"{url[..url.IndexOf("://", StringComparison.Ordinal)]}://"
                      + (userInfo is null ? "" : Decode(builder.Username ?? "") + (builder.Password is null ? "" : ":***") + "@")
                      + hosts + (slash < 0 ? "" : "/" + database)
                      + (shownQuery.Count == 0 ? "" : "?" + string.Join("&", shownQuery));
        return Finish(builder, schema, display);
    }

    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hosts, string url)
    {
        if (hosts.Length == 0) throw new InputException($"the database URL names no host: {Mask(url)}; write postgres://user:password@host:5432/database");
        var parts = hosts.Split(',').Select(Decode).ToList();
        if (parts.Count == 1 && SplitPort(parts[0]) is var (host, port))
        {
            builder.Host = host;
            if (port is not null) builder.Port = port.Value;
        }
        else
        {
            // Npgsql takes several servers as host:port pairs in Host; target_session_attrs picks among them.
            builder.Host = string.Join(",", parts);
        }
    }

    private static (string Host, int? Port) SplitPort(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        if (colon < 0 || hostPort.EndsWith(']')) return (hostPort.Trim('[', ']'), null);
        if (!int.TryParse(hostPort[(colon + 1)..], out var port))
            throw new InputException($"the port in '{hostPort}' is not a number");
        return (hostPort[..colon].Trim('[', ']'), port);
    }

    private static void SetOption(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        try
        {
            switch (key)
            {
                case "sslmode": builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", ""), ignoreCase: true); break;
                case "target_session_attrs": builder["Target Session Attributes"] = value; break;
                case "application_name": builder.ApplicationName = value; break;
                case "connect_timeout": builder.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "sslrootcert": builder.RootCertificate = value; break;
                case "sslcert": builder.SslCertificate = value; break;
                case "sslkey": builder.SslKey = value; break;
                case "options": builder.Options = value; break;
                default: builder[key] = value; break;
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new InputException($"the database URL option {key}={value} is not understood: {e.Message}");
        }
    }

    private static ConnectionTarget FromConnectionString(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new InputException($"the PostgreSQL connection string is not valid: {e.Message}");
        }
        var schema = builder.SearchPath?.Split(',')[0].Trim().Trim('"');
        var shown = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
        if (shown.Password is not null) shown.Password = "***";
        return Finish(builder, schema, shown.ConnectionString);
    }

    private static ConnectionTarget Finish(NpgsqlConnectionStringBuilder builder, string? schema, string display)
    {
        schema = string.IsNullOrEmpty(schema) ? DefaultSchema : schema;
        // Unqualified names in revisions and the history table resolve in this schema.
        builder.SearchPath = IsPlain(schema) ? schema : PostgresSqlGenerator.Q(schema);
        // A command opens each database once; a pool would only keep idle connections, one per database of a
        // fleet, until the server's max_connections refuses the rest.
        builder.Pooling = false;
        // The catalog queries at 10,000 tables are estimated costly enough for the server to JIT-compile them,
        // which took 5 s for a query that runs in 0.6 s. Sent in the startup packet: no extra statement. A jit
        // setting of the user's own (options=-c jit=...) is left as it is.
        if (builder.Options?.Contains("jit=", StringComparison.Ordinal) != true)
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : $"-c jit=off {builder.Options}";
        return new ConnectionTarget("postgres", builder.ConnectionString, display, schema);
    }

    private static bool IsPlain(string name) =>
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]);

    private static string Decode(string text) => Uri.UnescapeDataString(text);

    private static string Mask(string url)
    {
        var at = url.LastIndexOf('@');
        var colon = url.IndexOf(':', url.IndexOf("://", StringComparison.Ordinal) + 3);
        return at > 0 && colon > 0 && colon < at ? url[..(colon + 1)] + "***" + url[at..] : url;
    }
}
