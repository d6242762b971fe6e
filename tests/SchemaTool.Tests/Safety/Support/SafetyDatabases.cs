using SchemaTool.Dialects;

namespace SchemaTool.Tests.Safety.Support;

/// <summary>
/// The dialects the end-to-end safety tests (crashes, concurrent runs) run on, each with a way to make a fresh,
/// empty database. Adding a dialect is one line here, once its server fixture is on main, e.g.
/// <c>["postgres"] = async _ => PostgresServer.Shared.Url(await PostgresServer.Shared.CreateDatabaseAsync("safety"))</c>.
/// </summary>
public static class SafetyDatabases
{
    private static readonly Dictionary<string, Func<string, Task<string>>> Factories = new()
    {
        ["sqlite"] = folder => Task.FromResult("sqlite:" + Path.Combine(folder, $"safety-{Guid.NewGuid():N}.db")),
    };

    public static TheoryData<string> Dialects => [.. Factories.Keys.Where(d => DialectRegistry.Names.Contains(d))];

    /// <summary>A URL of a new empty database of <paramref name="dialect"/>; a file one lives in <paramref name="folder"/>.</summary>
    public static Task<string> CreateAsync(string dialect, string folder) => Factories[dialect](folder);
}
