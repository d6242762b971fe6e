using System.Text.Json;

namespace SchemaTool.Tests.Conformance;

/// <summary>One current -> desired pair of the conformance corpus (format: ../shared/corpus/README.md).</summary>
public sealed record CorpusCase(
    string Id,
    string Dialect,
    string Current,
    string Desired,
    string Topic,
    IReadOnlyList<string> Features,
    bool OrderSensitive,
    IReadOnlyList<string> CurrentSchemas,
    IReadOnlyList<string> DesiredSchemas,
    string? DatabaseName)
{
    public override string ToString() => Id;
}

public static class Corpus
{
    /// <summary>The corpus folder: ../shared/corpus beside the clone, where CI puts it.</summary>
    public static string Folder
    {
        get
        {
            var root = RepositoryRoot();
            var folder = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus"));
            if (!Directory.Exists(folder))
                throw new InvalidOperationException(
                    $"the conformance corpus is missing: expected {folder} (../shared/corpus beside the repository, where CI places it); " +
                    "copy or link the corpus there to run the conformance suite");
            return folder;
        }
    }

    public static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "SchemaTool.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException($"no SchemaTool.sln above {AppContext.BaseDirectory}");
    }

    public static IReadOnlyList<CorpusCase> Load(string dialect)
    {
        var path = Path.Combine(Folder, dialect + ".jsonl");
        if (!File.Exists(path)) throw new InvalidOperationException($"the conformance corpus has no {path}");
        return File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Parse).ToList();
    }

    private static CorpusCase Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var notes = root.TryGetProperty("notes", out var n) ? n : default;
        string? Note(string key) => notes.ValueKind == JsonValueKind.Object && notes.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        IReadOnlyList<string> Strings(JsonElement e) => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
        var schemas = notes.ValueKind == JsonValueKind.Object && notes.TryGetProperty("needs_schemas", out var s) ? s : default;
        IReadOnlyList<string> Schemas(string side) => schemas.ValueKind == JsonValueKind.Object && schemas.TryGetProperty(side, out var list) ? Strings(list) : [];
        var file = Note("file") ?? "";
        var current = root.GetProperty("current").GetString() ?? "";
        var desired = root.GetProperty("desired").GetString() ?? "";
        return new CorpusCase(
            root.GetProperty("id").GetString()!,
            root.GetProperty("dialect").GetString()!,
            current,
            desired,
            Topic(file),
            notes.ValueKind == JsonValueKind.Object && notes.TryGetProperty("features", out var f) ? Strings(f) : [],
            notes.ValueKind == JsonValueKind.Object && notes.TryGetProperty("order_sensitive", out var o) && o.ValueKind == JsonValueKind.True,
            Schemas("current"),
            Schemas("desired"),
            Note("database_name") ?? NamedDatabase(current + desired));
    }

    // A few cases name sqldef's test database in their SQL without the note that says so.
    private static string? NamedDatabase(string sql) =>
        sql.Contains("`mysqldef_test`.", StringComparison.Ordinal) || sql.Contains(" mysqldef_test.", StringComparison.Ordinal) ? "mysqldef_test" : null;

    /// <summary>cmd/psqldef/tests_indices.yml -> indices; cmd/sqlite3def/tests.yml -> general.</summary>
    private static string Topic(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return name == "tests" ? "general" : name.StartsWith("tests_", StringComparison.Ordinal) ? name["tests_".Length..] : name;
    }
}
