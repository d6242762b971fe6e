using System.Runtime.CompilerServices;

namespace SchemaTool.Tests.Support;

/// <summary>
/// Golden files: expected output kept under tests/SchemaTool.Tests/Golden and reviewed in diffs.
/// Run the tests with SCHEMATOOL_UPDATE_GOLDEN=1 to rewrite them from the actual output.
/// </summary>
public static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(TestsRoot(callerFile), "Golden");
        var path = Path.Combine(folder, name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("SCHEMATOOL_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with SCHEMATOOL_UPDATE_GOLDEN=1 to create it, then review it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    private static string TestsRoot(string callerFile)
    {
        var dir = Path.GetDirectoryName(callerFile)!;
        while (!File.Exists(Path.Combine(dir, "SchemaTool.Tests.csproj")))
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("test project folder not found");
        return dir;
    }
}
