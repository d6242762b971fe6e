namespace SchemaTool.Tests.RealApps;

/// <summary>
/// A corpus file known not to round-trip yet: the stages it fails at, the failure classes that explain it, and the
/// work it waits for. Listed in tests/realapps/EXPECTED-FAILURES.md.
/// </summary>
public sealed record ExpectedFailure(string File, IReadOnlyList<string> Stages, IReadOnlyList<string> Classes, string WaitsFor);

/// <summary>
/// The registry of files that still fail (tests/realapps/EXPECTED-FAILURES.md) and the verdict on one file's result:
/// a listed file must fail at exactly its listed stages for exactly its listed classes, so a file that starts to
/// pass, or fails somewhere else or for another reason, fails its test and the list has to be brought up to date.
/// A file not listed must pass.
/// </summary>
public static class ExpectedFailures
{
    public static string Path => System.IO.Path.Combine(RealAppCorpus.Folder, "EXPECTED-FAILURES.md");

    /// <summary>The registry's rows: "| `dialect/file` | stage, stage | class; class | waits for |" (classes are split on ";", since a class may hold a comma).</summary>
    public static IReadOnlyDictionary<string, ExpectedFailure> Read() => Parse(System.IO.File.ReadAllText(Path));

    public static IReadOnlyDictionary<string, ExpectedFailure> Parse(string markdown)
    {
        var entries = new Dictionary<string, ExpectedFailure>(StringComparer.Ordinal);
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal)) continue;
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 4) throw new FormatException($"{Path}: a row needs 4 cells (file, stages, classes, waits for): {line}");
            var file = cells[0].Trim('`');
            var entry = new ExpectedFailure(file, List(cells[1], ','), List(cells[2], ';'), cells[3]);
            if (entry.Stages.Count == 0 || entry.Classes.Count == 0) throw new FormatException($"{Path}: {file} lists no stage or no class");
            if (entry.Classes.Any(c => c.StartsWith("unclassified", StringComparison.Ordinal)))
                throw new FormatException($"{Path}: {file} lists an unclassified failure; give it a rule in FailureClasses.cs first");
            if (!entries.TryAdd(file, entry)) throw new FormatException($"{Path}: {file} is listed twice");
        }
        return entries;
    }

    private static IReadOnlyList<string> List(string cell, char separator) =>
        cell.Split(separator).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Null when the result is what the registry says; otherwise why the test fails.</summary>
    public static string? Verdict(RealAppResult result, ExpectedFailure? expected)
    {
        var stages = result.Failures.Select(f => f.Stage).Distinct().Order(StringComparer.Ordinal).ToList();
        var classes = result.Classes.Order(StringComparer.Ordinal).ToList();
        if (expected is null)
            return result.Passed
                ? null
                : $"{result.File} does not round-trip and is not in EXPECTED-FAILURES.md; failed stages: {string.Join(", ", stages)}; " +
                  $"classes: {string.Join("; ", classes)}";
        if (result.Passed)
            return $"{result.File} now round-trips: remove it from EXPECTED-FAILURES.md (it was listed as waiting for {expected.WaitsFor})";
        // A class written with a final '?' shows on some server versions only (an unlogged table's sequence is
        // unlogged from PostgreSQL 15): the result may have it or not; every other class it must have, and no more.
        var required = expected.Classes.Where(c => !c.EndsWith('?')).ToList();
        var allowed = required.Concat(expected.Classes.Where(c => c.EndsWith('?')).Select(c => c[..^1].TrimEnd())).ToHashSet(StringComparer.Ordinal);
        if (!stages.SequenceEqual(expected.Stages) || required.Except(classes).Any() || classes.Any(c => !allowed.Contains(c)))
            return $"{result.File} fails otherwise than EXPECTED-FAILURES.md lists: " +
                   $"expected stages {string.Join(", ", expected.Stages)} for classes {string.Join("; ", expected.Classes)}, " +
                   $"got stages {string.Join(", ", stages)} for classes {string.Join("; ", classes)}";
        return null;
    }
}
