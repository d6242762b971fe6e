namespace SchemaTool.Tests.Infrastructure;

internal static class Executables
{
    /// <summary>
    /// The first of <paramref name="names"/> found in <paramref name="directories"/>, then on PATH;
    /// null when none exists. Server binaries often live in sbin or versioned folders that are not on PATH.
    /// </summary>
    public static string? Find(IEnumerable<string> names, IEnumerable<string> directories)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        var searched = directories.Concat(path).ToList();
        return names
            .SelectMany(name => searched.Select(directory => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }
}
