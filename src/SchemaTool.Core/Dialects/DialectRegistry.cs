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

    /// <summary>The dialect a URL names by its scheme, or null for a plain connection string.</summary>
    public static string? DialectOfUrl(string url)
    {
        var colon = url.IndexOf(':');
        if (colon <= 0) return null;
        return url[..colon].ToLowerInvariant() switch
        {
            "sqlite" or "sqlite3" => "sqlite",
            "postgres" or "postgresql" => "postgres",
            "mysql" or "mariadb" => "mysql",
            _ => null,
        };
    }

    /// <summary>Resolves the dialect (from the URL's scheme, else the explicit name) and parses the target.</summary>
    public static (IDialect Dialect, ConnectionTarget Target) Resolve(string url, string? dialectName, string projectDirectory)
    {
        var name = DialectOfUrl(url) ?? dialectName
            ?? throw new InputException("the database is given as a connection string, so `dialect:` (sqlite, postgres or mysql) must say which database it is");
        var dialect = Get(name);
        return (dialect, dialect.ParseTarget(url, projectDirectory));
    }

    public static IDialect Get(string name) =>
        Factories.TryGetValue(name, out var factory)
            ? factory()
            : throw new InputException($"unknown dialect '{name}'; expected one of: {string.Join(", ", Factories.Keys)}");
}
