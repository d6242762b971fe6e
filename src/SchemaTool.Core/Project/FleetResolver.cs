using SchemaTool.Dialects;

namespace SchemaTool.Project;

/// <summary>
/// Lists a fleet's databases from schematool.yaml: `targets:` (name → URL), `targets_file:` (one URL a line),
/// `targets_glob:` (SQLite files) and `targets_pattern:` (databases of one server matching a LIKE pattern).
/// </summary>
public static class FleetResolver
{
    public static bool HasFleet(ProjectConfig config) =>
        config.Targets.Count > 0 || config.TargetsFile is not null || config.TargetsGlob is not null || config.TargetsPattern is not null;

    public static async Task<IReadOnlyList<FleetTarget>> ResolveAsync(ProjectConfig config, CancellationToken ct)
    {
        var targets = new List<FleetTarget>();
        targets.AddRange(config.Targets.Select(t => new FleetTarget(t.Key, t.Value)));
        if (config.TargetsFile is { } file) targets.AddRange(FromFile(config, file));
        if (config.TargetsGlob is { } glob) targets.AddRange(FromGlob(config, glob));
        if (config.TargetsPattern is { } pattern)
        {
            var dialect = DialectRegistry.Get(DialectRegistry.DialectOfUrl(pattern.Server) ?? config.Dialect
                ?? throw new InputException("targets_pattern: the server is a connection string, so `dialect:` must say which database it is"));
            foreach (var database in await dialect.ListDatabasesAsync(pattern.Server, pattern.DatabaseLike, ct))
                targets.Add(new FleetTarget(database, dialect.WithDatabase(pattern.Server, database)));
        }
        foreach (var group in targets.GroupBy(t => t.Name).Where(g => g.Count() > 1))
            throw new InputException($"the fleet names target '{group.Key}' more than once; target names must be unique");
        return targets;
    }

    /// <summary>The one target named <paramref name="name"/>, from the whole fleet.</summary>
    public static async Task<FleetTarget> FindAsync(ProjectConfig config, string name, CancellationToken ct)
    {
        var all = await ResolveAsync(config, ct);
        return all.FirstOrDefault(t => t.Name == name)
               ?? throw new InputException($"no target '{name}' in {ProjectConfig.FileName}; the fleet has {all.Count} target(s)" +
                                           (all.Count is > 0 and <= 10 ? ": " + string.Join(", ", all.Select(t => t.Name)) : ""));
    }

    private static IEnumerable<FleetTarget> FromFile(ProjectConfig config, string path)
    {
        if (!File.Exists(path)) throw new InputException($"targets_file {path} does not exist");
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var url = ConfigLoader.Interpolate(line, Environment.GetEnvironmentVariable,
                name => throw new InputException($"{path}:{lineNumber}: environment variable {name} is not set"));
            var (_, target) = DialectRegistry.Resolve(url, config.Dialect, config.ProjectDirectory);
            yield return new FleetTarget(target.Display, url);
        }
    }

    private static IEnumerable<FleetTarget> FromGlob(ProjectConfig config, string glob)
    {
        if (!glob.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
            throw new InputException($"targets_glob must name SQLite files, like sqlite:tenants/*.db, not '{glob}'");
        var pattern = glob["sqlite:".Length..];
        var full = Path.GetFullPath(Path.Combine(config.ProjectDirectory, pattern));
        var folder = Path.GetDirectoryName(full)!;
        var filePattern = Path.GetFileName(full);
        if (folder.IndexOfAny(['*', '?']) >= 0)
            throw new InputException($"targets_glob may use * and ? in the file name only, not in folders: '{glob}'");
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, filePattern)
            .Order(StringComparer.Ordinal)
            .Select(f => new FleetTarget(Path.GetRelativePath(config.ProjectDirectory, f), "sqlite:" + f));
    }
}
