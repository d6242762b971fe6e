using System.Runtime.CompilerServices;

namespace SchemaTool.Tests.Ux.Support;

/// <summary>The repository's folders, found from this source file's path.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schema");

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot([CallerFilePath] string here = "")
    {
        var dir = Path.GetDirectoryName(here)!;
        while (!File.Exists(Path.Combine(dir, "SchemaTool.sln")))
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        return dir;
    }
}
