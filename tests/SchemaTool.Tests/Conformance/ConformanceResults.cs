using System.Text;

namespace SchemaTool.Tests.Conformance;

/// <summary>
/// tests/conformance/RESULTS.md: one section per dialect (counts by topic, the unsupported groups, every case
/// that is not a pass). Written only when SCHEMATOOL_CONFORMANCE_RESULTS=1 (scripts/conformance.sh sets it);
/// each dialect's test replaces its own section and keeps the others.
/// </summary>
public static class ConformanceResults
{
    public const string Variable = "SCHEMATOOL_CONFORMANCE_RESULTS";
    private static readonly Lock FileLock = new();

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    public static string Path => System.IO.Path.Combine(Corpus.RepositoryRoot(), "tests", "conformance", "RESULTS.md");

    public static void Write(string dialect, IReadOnlyList<CaseResult> results)
    {
        lock (FileLock)
        {
            var sections = ReadSections();
            sections[dialect] = Section(dialect, results);
            var text = new StringBuilder();
            text.Append("# Conformance results\n\n");
            text.Append("The sqldef corpus (`../shared/corpus`, see its README) run by `tests/SchemaTool.Tests/Conformance`: for each case,\n");
            text.Append("`current` and `desired` are loaded into two databases, the second is inspected into model YAML, that model is\n");
            text.Append("planned and applied on the first, and the two databases are compared through their catalogs; then a second plan\n");
            text.Append("must be empty and a rollback must restore `current`. Regenerate with `scripts/conformance.sh`.\n\n");
            foreach (var (_, section) in sections.OrderBy(s => Order(s.Key)))
                text.Append(section);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            File.WriteAllText(Path, text.ToString());
        }
    }

    private static int Order(string dialect) => dialect switch { "sqlite" => 0, "postgres" => 1, "mysql" => 2, _ => 3 };

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

    private static string Section(string dialect, IReadOnlyList<CaseResult> results)
    {
        var text = new StringBuilder();
        text.Append($"## {dialect}\n\n");
        text.Append("| topic | cases | pass | fail | unsupported | bad-case |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var group in results.GroupBy(r => r.Case.Topic).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.Append(Row(group.Key, group.ToList()));
        text.Append(Row("**total**", results));
        text.Append('\n');

        var unsupported = results.Where(r => r.Outcome == Outcome.Unsupported).GroupBy(r => r.Group)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (unsupported.Count > 0)
        {
            text.Append("Unsupported, by reason:\n\n| reason | cases |\n| --- | ---: |\n");
            foreach (var g in unsupported) text.Append($"| {Cell(g.Key)} | {g.Count()} |\n");
            text.Append('\n');
        }

        var notPassing = results.Where(r => r.Outcome != Outcome.Pass).OrderBy(r => r.Outcome).ThenBy(r => r.Case.Id, StringComparer.Ordinal).ToList();
        if (notPassing.Count > 0)
        {
            text.Append("| case | outcome | reason |\n| --- | --- | --- |\n");
            foreach (var r in notPassing)
                text.Append($"| `{r.Case.Id}` | {Name(r.Outcome)} | {Cell(CaseSql.Shorten(r.Reason, 300))} |\n");
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Row(string topic, IReadOnlyCollection<CaseResult> rows) =>
        $"| {topic} | {rows.Count} | {rows.Count(r => r.Outcome == Outcome.Pass)} | {rows.Count(r => r.Outcome == Outcome.Fail)} | " +
        $"{rows.Count(r => r.Outcome == Outcome.Unsupported)} | {rows.Count(r => r.Outcome == Outcome.BadCase)} |\n";

    public static string Name(Outcome outcome) => outcome switch
    {
        Outcome.Pass => "pass",
        Outcome.Fail => "fail",
        Outcome.Unsupported => "unsupported",
        _ => "bad-case",
    };

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
