using SchemaTool.Tests.Conformance;

namespace SchemaTool.Tests.RealApps;

/// <summary>One schema file of the corpus: tests/realapps/&lt;dialect&gt;/&lt;app&gt;-&lt;file&gt;.sql.</summary>
public sealed record RealAppFile(string Dialect, string Name, string Path)
{
    /// <summary>The provenance header's "-- Source:" line, for the results.</summary>
    public string Source => Header("Source");

    public string Header(string field) =>
        File.ReadLines(Path).TakeWhile(l => l.StartsWith("--", StringComparison.Ordinal))
            .Select(l => l[2..].Trim())
            .FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))?[(field.Length + 1)..].Trim() ?? "";

    public override string ToString() => $"{Dialect}/{Name}";
}

public static class RealAppCorpus
{
    public static string Folder => System.IO.Path.Combine(Corpus.RepositoryRoot(), "tests", "realapps");

    public static IReadOnlyList<RealAppFile> Files(string dialect) =>
        Directory.GetFiles(System.IO.Path.Combine(Folder, dialect), "*.sql")
            .Order(StringComparer.Ordinal)
            .Select(p => new RealAppFile(dialect, System.IO.Path.GetFileNameWithoutExtension(p), p))
            .ToList();

    /// <summary>The names of a dialect's files, as xUnit theory data: one test case per file.</summary>
    public static TheoryData<string> Names(string dialect)
    {
        var data = new TheoryData<string>();
        foreach (var file in Files(dialect)) data.Add(file.Name);
        return data;
    }
}
