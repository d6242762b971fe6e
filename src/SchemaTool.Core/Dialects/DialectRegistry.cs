namespace SchemaTool.Dialects;

/// <summary>The supported dialects by name; the one place that knows all three.</summary>
public static class DialectRegistry
{
    private static readonly Dictionary<string, Func<IDialect>> Factories = new(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static void Register(string name, Func<IDialect> factory) => Factories[name] = factory;

    static DialectRegistry()
    {
        Register("sqlite", () => new Sqlite.SqliteDialect());
        Register("mysql", () => new MySql.MySqlDialect());
        Register("postgres", () => new Postgres.PostgresDialect());
    }

    private static readonly Dictionary<string, string> Schemes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sqlite"] = "sqlite", ["sqlite3"] = "sqlite", ["postgres"] = "postgres", ["postgresql"] = "postgres", ["mysql"] = "mysql", ["mariadb"] = "mysql",
    };

    /// <summary>The dialect a URL names by its scheme, or null for a plain connection string.</summary>
    public static string? DialectOfUrl(string url) => SchemeOf(url) is { } scheme ? Schemes.GetValueOrDefault(scheme) : null;

    /// <summary>
    /// The scheme of <c>scheme://...</c> or <c>scheme:path</c>; null for a connection string (Key=value;...) or a
    /// drive letter (C:\...).
    /// </summary>
    private static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':');
        if (colon < 2) return null;
        var scheme = url.AsSpan(0, colon);
        return char.IsAsciiLetter(scheme[0]) && !scheme.ContainsAnyExcept(SchemeCharacters) ? scheme.ToString() : null;
    }

    private static readonly System.Buffers.SearchValues<char> SchemeCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

    /// <summary>Whether a connection string or URL query key is one that some driver takes as a password or secret.</summary>
    public static bool IsSecretKey(string key) => SecretKeys.Value.Contains(key.Replace(" ", "").Replace("_", ""));

    private static readonly Lazy<HashSet<string>> SecretKeys = new(() =>
        new HashSet<string>(Factories.Values.SelectMany(f => f().SecretKeys).Select(k => k.Replace(" ", "")), StringComparer.OrdinalIgnoreCase));

    /// <summary>Resolves the dialect (from the URL's scheme, else the explicit name) and parses the target.</summary>
    public static (IDialect Dialect, ConnectionTarget Target) Resolve(string url, string? dialectName, string projectDirectory)
    {
        var scheme = SchemeOf(url);
        if (scheme is not null && !Schemes.ContainsKey(scheme)) throw UnknownScheme(scheme);
        var name = DialectOfUrl(url) ?? dialectName
            ?? throw new InputException("the database is given as a connection string, so `dialect:` (sqlite, postgres or mysql) must say which database it is");
        var dialect = Get(name);
        return (dialect, dialect.ParseTarget(url, projectDirectory));
    }

    private static InputException UnknownScheme(string scheme)
    {
        var hint = Spelling.Nearest(scheme, Schemes.Keys, limit: 2) is { } nearest ? $"did you mean '{nearest}'? " : "";
        return new InputException($"unknown scheme '{scheme}' in the database URL; {hint}known schemes: {string.Join(", ", Schemes.Keys)}");
    }

    public static IDialect Get(string name) =>
        Factories.TryGetValue(name, out var factory)
            ? factory()
            : throw new InputException($"unknown dialect '{name}'; expected one of: {string.Join(", ", Factories.Keys)}");
}
