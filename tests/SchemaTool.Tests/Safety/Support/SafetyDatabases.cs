using SchemaTool.Dialects;
using SchemaTool.Tests.Infrastructure;

namespace SchemaTool.Tests.Safety.Support;

/// <summary>
/// The dialects the end-to-end safety tests (crashes, concurrent runs) run on, each with a way to make a fresh,
/// empty database. Adding a dialect is one line here. A line whose dialect is not registered yet (its branch not
/// merged) is skipped, so the tests extend to it by themselves when it lands.
/// </summary>
public static class SafetyDatabases
{
    private static readonly Dictionary<string, Func<string, Task<string>>> Factories = new()
    {
        ["sqlite"] = folder => Task.FromResult("sqlite:" + Path.Combine(folder, $"safety-{Guid.NewGuid():N}.db")),
        ["postgres"] = async _ => PostgresServer.Shared.Url(await PostgresServer.Shared.CreateDatabaseAsync("safety")),
        ["mysql"] = async _ => MariaDbServer.Shared.Url(await MariaDbServer.Shared.CreateDatabaseAsync("safety")),
    };

    public static TheoryData<string> Dialects => [.. Factories.Keys.Where(d => DialectRegistry.Names.Contains(d))];

    /// <summary>A URL of a new empty database of <paramref name="dialect"/>; a file one lives in <paramref name="folder"/>.</summary>
    public static Task<string> CreateAsync(string dialect, string folder) => Factories[dialect](folder);
}
