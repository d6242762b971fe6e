using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SchemaTool.Tests.Conformance;

namespace SchemaTool.Tests.RealApps;

/// <summary>
/// Collects one dialect's results (an xUnit class fixture: one per test class) and, when SCHEMATOOL_REALAPPS_RESULTS=1
/// (scripts/realapps.sh sets it) and every file of the dialect ran, replaces that dialect's section of
/// tests/realapps/RESULTS.md, keeping the other dialects' sections.
/// </summary>
public sealed partial class RealAppResults : IDisposable
{
    public const string Variable = "SCHEMATOOL_REALAPPS_RESULTS";
    private static readonly Lock FileLock = new();
    private readonly ConcurrentBag<RealAppResult> _results = [];
    private readonly ConcurrentDictionary<RealAppFile, ExpectedFailure> _expected = new();

    public static string Path => System.IO.Path.Combine(RealAppCorpus.Folder, "RESULTS.md");

    public void Add(RealAppResult result, ExpectedFailure? expected)
    {
        _results.Add(result);
        if (expected is not null) _expected[result.File] = expected;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1" || _results.IsEmpty) return;
        var dialect = _results.First().File.Dialect;
        if (_results.Count != RealAppCorpus.Files(dialect).Count) return;
        lock (FileLock)
        {
            var sections = ReadSections();
            sections[dialect] = Section(dialect, _results.OrderBy(r => r.File.Name, StringComparer.Ordinal).ToList());
            var text = new StringBuilder();
            text.Append("# Real-application corpus: results\n\n");
            text.Append("Written by `scripts/realapps.sh` (the tests in `tests/SchemaTool.Tests/RealApps`); the files and their sources are\n");
            text.Append("listed in README.md. For each file: load it into database A, `inspect` A, `plan` + `apply` the model on an empty\n");
            text.Append("database B, compare A and B through their own catalogs (left out: only what inspect names as left alone), a\n");
            text.Append("second `plan` on B and a `plan` on A must find nothing; a file that passed so far takes a change (README.md,\n");
            text.Append("step 8) that is applied and rolled back to B's catalog as it was; `rollback base` must empty B, and every view,\n");
            text.Append("routine, trigger, type... of A must be named by inspect. Sizes are A's, from its catalog. Classes: the numbered classes\n");
            text.Append("of issue 18, \"19\" for issue 19's objects, or a class this corpus found (README.md describes each).\n");
            text.Append("Outcome: \"pass\"; \"expected failure\" when the file fails exactly as EXPECTED-FAILURES.md lists it (its\n");
            text.Append("test passes); \"**fail**\" when its test fails (a failure not listed, or listed otherwise, or a listed file that\n");
            text.Append("now passes).\n\n");
            foreach (var (_, section) in sections.OrderBy(s => Order(s.Key)))
                text.Append(section);
            File.WriteAllText(Path, text.ToString());
        }
    }

    private string Outcome(RealAppResult result) =>
        ExpectedFailures.Verdict(result, _expected.GetValueOrDefault(result.File)) is not null ? "**fail**"
        : result.Passed ? "pass" : "expected failure";

    private static int Order(string dialect) => dialect switch { "postgres" => 0, "mysql" => 1, "sqlite" => 2, _ => 3 };

    private static Dictionary<string, string> ReadSections()
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(Path)) return sections;
        string? current = null;
        var body = new StringBuilder();
        foreach (var line in File.ReadAllLines(Path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (current is not null) sections[current] = body.ToString();
                current = line[3..].Trim();
                body.Clear();
            }
            if (current is not null) body.Append(line).Append('\n');
        }
        if (current is not null) sections[current] = body.ToString();
        return sections;
    }

    private string Section(string dialect, IReadOnlyList<RealAppResult> results)
    {
        var text = new StringBuilder();
        var seconds = results.Sum(r => r.Duration.TotalSeconds);
        text.Append($"## {dialect}\n\n");
        var expectedFailures = results.Count(r => !r.Passed && Outcome(r) == "expected failure");
        text.Append($"{results.Count} files: {results.Count(r => r.Passed)} pass, {results.Count(r => !r.Passed)} fail " +
                    $"({expectedFailures} of them as EXPECTED-FAILURES.md lists); " +
                    $"{seconds.ToString("0", CultureInfo.InvariantCulture)} s of test time.\n\n");
        text.Append("| file | tables | columns | indexes | FKs | left alone by inspect | outcome | failed stages | classes |\n");
        text.Append("| --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- |\n");
        foreach (var r in results)
        {
            var c = r.Counts;
            var leftAlone = r.LeftAlone.GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
            text.Append($"| `{r.File.Name}` | {c?.Tables} | {c?.Columns} | {c?.Indexes} | {c?.ForeignKeys} | {Cell(string.Join(", ", leftAlone))} | " +
                        $"{Outcome(r)} | {Cell(string.Join(", ", r.Failures.Select(f => f.Stage).Distinct()))} | {Cell(string.Join(", ", r.Classes))} |\n");
        }
        text.Append('\n');
        foreach (var r in results.Where(r => !r.Passed))
        {
            text.Append($"- `{r.File.Name}`\n");
            foreach (var f in r.Failures)
                text.Append($"  - {f.Stage}: {Cell(CaseSql.Shorten(Stable(f.Detail), 600))}\n");
        }
        if (results.Any(r => !r.Passed)) text.Append('\n');
        return text.ToString();
    }

    /// <summary>Without what changes from run to run (the temporary folder, the revision id), so the file only changes when results do.</summary>
    private static string Stable(string detail) =>
        RevisionId().Replace(TemporaryFolder().Replace(detail, ""), m => m.Groups[1].Value + "<rev>");

    [GeneratedRegex(@"(?:\.\./)*/?tmp/schematool-realapps-[^/\s]+/[^/\s]+/")]
    private static partial Regex TemporaryFolder();

    [GeneratedRegex(@"(revision |migrations/)[0-9a-f]{12}")]
    private static partial Regex RevisionId();

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
