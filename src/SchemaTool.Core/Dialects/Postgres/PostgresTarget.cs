using Npgsql;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// Reads <c>postgres://user:pass@host:port/db?search_path=app&amp;sslmode=require</c> (also <c>postgresql://</c>,
/// several <c>host:port</c> pairs separated by commas, percent-encoded parts) or a raw Npgsql connection string.
/// </summary>
public static class PostgresTarget
{
    public const string DefaultSchema = "public";

    /// <summary>The keys Npgsql takes as the password or the client key's password.</summary>
    public static readonly IReadOnlyCollection<string> SecretKeys = ["password", "psw", "pwd", "sslpassword"];

    public static ConnectionTarget Parse(string urlOrConnectionString)
    {
        var text = urlOrConnectionString.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && text[..scheme].ToLowerInvariant() is "postgres" or "postgresql")
            return FromUrl(text);
        return FromConnectionString(text);
    }

    private static ConnectionTarget FromUrl(string url)
    {
        var parsed = DatabaseUrl.Parse(url)!;
        var builder = new NpgsqlConnectionStringBuilder();
        SetHosts(builder, parsed, url);
        if (parsed.Database is { Length: > 0 } database) builder.Database = database;
        if (parsed.User is not null) builder.Username = parsed.User;
        if (parsed.Password is not null) builder.Password = parsed.Password;

        string? schema = null;
        foreach (var (key, value) in parsed.Query)
        {
            if (key is "search_path" or "schema" or "currentSchema") schema = (value ?? "").Split(',')[0].Trim();
            else SetOption(builder, key, value ?? "");
        }
        return Finish(builder, schema, parsed.Display(DialectRegistry.IsSecretKey));
    }

    private static void SetHosts(NpgsqlConnectionStringBuilder builder, DatabaseUrl url, string text)
    {
        if (url.Hosts.Length == 0) throw new InputException($"the database URL names no host: {Mask(text)}; write postgres://user:password@host:5432/database");
        var parts = url.Hosts.Split(',').ToList();
        if (parts.Count == 1 && SplitPort(parts[0], text) is var (host, port))
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

    /// <summary>host:port; the message shows the URL masked, never the part it could not read (it may be a password).</summary>
    private static (string Host, int? Port) SplitPort(string hostPort, string url)
    {
        var colon = hostPort.LastIndexOf(':');
        if (colon < 0 || hostPort.EndsWith(']')) return (hostPort.Trim('[', ']'), null);
        if (!int.TryParse(hostPort[(colon + 1)..], out var port))
            throw new InputException($"the port in the database URL {Mask(url)} is not a number; write postgres://user:password@host:5432/database");
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
            var shown = DialectRegistry.IsSecretKey(key) ? "***" : value;
            var reason = shown == value || value.Length == 0 ? e.Message : e.Message.Replace(value, shown, StringComparison.Ordinal);
            throw new InputException($"the database URL option {key}={shown} is not understood: {reason}");
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
        if (shown.SslPassword is not null) shown.SslPassword = "***";
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
        // The generator writes '' strings by the standard rules, where a backslash is a plain character; a
        // database or role set to standard_conforming_strings = off would read it as an escape and store another
        // value. A startup option takes precedence over those settings, and comes last so it wins over the user's.
        builder.Options += " -c standard_conforming_strings=on";
        return new ConnectionTarget("postgres", builder.ConnectionString, display, schema);
    }

    private static bool IsPlain(string name) =>
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') && !char.IsAsciiDigit(name[0]);

    /// <summary>A URL for a message: the password and secret query values as ***, and a host part that is no host hidden too.</summary>
    private static string Mask(string url) => DatabaseUrl.Parse(url)?.Display(DialectRegistry.IsSecretKey) ?? "(the database URL)";
}
