using System.Text.RegularExpressions;

namespace SchemaTool.Tests.RealApps;

/// <summary>
/// Maps what failed to a failure class: the numbered classes of issue 18, "19 (...)" for issue 19's objects
/// (extensions, enums and domains, functions...), or a lettered class this corpus found (tests/realapps/README.md
/// describes each). A failure no rule knows is "unclassified", to be looked at and given a rule.
/// </summary>
public static partial class FailureClasses
{
    /// <summary>What PostgresRealAppDatabase adds to a column whose nextval() default names no sequence.</summary>
    private const string MissingSequence = "(its sequence is missing)";

    private sealed record Rule(string Dialect, string Stage, Func<string, bool> Matches, string Class);

    private static Rule Text(string dialect, string stage, string pattern, string label)
    {
        var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.Multiline);
        return new Rule(dialect, stage, regex.IsMatch, label);
    }

    private static Rule Columns(string dialect, Func<string, string, bool> changed, string label) =>
        new(dialect, "compare", detail => ChangedColumns(detail).Any(c => changed(c.Before, c.After)), label);

    private static readonly Rule[] Rules =
    [
        Text("postgres", "*", @"relation ""[^""]+_seq"" does not exist|^- sequence [^\n]* owned by [^\n]*\(auto\)|" + Regex.Escape(MissingSequence), "1"),
        Text("postgres", "compare", @"^- column [^\n]* identity a", "2"),
        Text("postgres", "compare", @"^- index [^\n]*(NULLS (FIRST|LAST|NOT DISTINCT)|INCLUDE \()", "3"),
        Text("postgres", "compare", @"^- constraint [^\n]* [pu] [^\n]*DEFERRABLE|^- constraint [^\n]*NO INHERIT", "4"),
        Text("postgres", "*", @"^- table [^\n]* partition (by|of) |\bpartition(ed)? (table|of|by)\b", "5"),
        Text("postgres", "compare", @"^- table (?!public\.)", "6"),
        Text("postgres", "named", @"\brule ", "7"),
        Columns("postgres", (before, after) => Default(before) is { } b && Default(after) is { } a && a != b && a.Contains("'::", StringComparison.Ordinal) &&
                                              !after.Contains(MissingSequence, StringComparison.Ordinal), "8"),
        new("postgres", "compare", detail => ChangedIndexes(detail).Any(i => Casts(i.After) < Casts(i.Before)), "8"),
        Text("mysql", "*", @"index name '[^']+' is used twice", "9"),
        Columns("mysql", (before, after) => MySqlType(before) is { } b && MySqlType(after) is { } a && b != a && DisplayWidth().IsMatch(b + " " + a), "10"),
        Text("mysql", "compare", @"^- key [^\n]*NO ACTION", "10"),
        Text("mysql", "*", @"^- table [^\n]*(CHARSET|COLLATE)|Column length too big", "11"),
        Columns("sqlite", (before, after) => Type(before) != Type(after), "12"),
        Text("sqlite", "*", "is in the primary key, so it cannot be nullable", "13"),
        Text("sqlite", "named", @"virtual table", "14"),
        Text("sqlite", "compare", @"^[-+] (table|column) \w+_(content|segdir|segments|docsize|config|data|idx|stat)\b", "14"),
        Text("postgres", "*", @"^(named: )?(?!.*needs CREATE EXTENSION first).*\bextension |operator class ""[^""]+"" does not exist|has no default operator class for access method", "19 (extension)"),
        Text("postgres", "apply", @"type ""[^""]+"" does not exist", "19 (enum or domain)"),
        Text("postgres", "*", @"unknown type \S+: this database has no such type", "19 (enum or domain)"),
        Text("postgres", "*", @"its default uses sequence '[^']+', which the model does not declare", "19 (sequence)"),
        Text("postgres", "apply", @"function \S+(\([^)]*\))? does not exist", "19 (function)"),
        Text("postgres", "plan", @"PostgreSQL refuses it: function \S+ does not exist", "19 (aggregate)"),
        Text("postgres", "plan", @"PostgreSQL refuses it: relation ""\w+\.[^""]+"" does not exist", "19 (view names its schema)"),
        Text("postgres", "second plan", @"^drop index [^\n]*\ncreate index ", "8 (index expression)"),
        // An expression that resolved in the original through the schema's own functions (PostgreSQL 13 reports the operator first).
        Text("postgres", "apply", @"operator does not exist: ", "19 (function)"),
        Text("postgres", "compare", @"^- constraint [^\n]* p PRIMARY KEY [^\n]*\n(.*\n)*\+ constraint [^\n]* p PRIMARY KEY", "A (primary key name)"),
        Text("mysql", "compare", @"^- column [^\n]* CHECK \(", "B (column CHECK)"),
        Text("postgres", "compare", @"^- constraint [^\n]* NOT VALID$", "D (NOT VALID)"),
        Text("postgres", "compare", @"^- table [^\n]* inherits ", "E (inheritance)"),
        Text("postgres", "compare", @"^- table [^\n]*( persistence u| with \()|^- column [^\n]* (statistics|storage) ", "F (storage settings)"),
        Columns("sqlite", (before, after) => Type(before) == Type(after) && !before.Contains(" not null") && after.Contains(" not null") && after.Contains(" pk "), "C (rowid NOT NULL)"),
    ];

    public static IReadOnlyList<string> Of(string dialect, IReadOnlyList<StageFailure> failures)
    {
        var classes = new List<string>();
        foreach (var failure in failures)
        {
            var matched = Rules.Where(r => r.Dialect == dialect && (r.Stage == "*" || r.Stage == failure.Stage) && r.Matches(failure.Detail))
                .Select(r => r.Class).ToList();
            classes.AddRange(matched.Count > 0 ? matched : [$"unclassified ({failure.Stage})"]);
        }
        return classes.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The columns a comparison lists on both sides: "- column t.c ..." and "+ column t.c ...".</summary>
    private static IEnumerable<(string Before, string After)> ChangedColumns(string detail)
    {
        var lines = detail.Split('\n');
        var after = lines.Where(l => l.StartsWith("+ column ", StringComparison.Ordinal))
            .GroupBy(ColumnName).ToDictionary(g => g.Key, g => g.First());
        foreach (var before in lines.Where(l => l.StartsWith("- column ", StringComparison.Ordinal)))
            if (after.TryGetValue(ColumnName(before), out var a))
                yield return (before, a);
    }

    /// <summary>The indexes a PostgreSQL comparison lists on both sides, by name.</summary>
    private static IEnumerable<(string Before, string After)> ChangedIndexes(string detail)
    {
        var lines = detail.Split('\n');
        var after = lines.Where(l => l.StartsWith("+ index ", StringComparison.Ordinal)).GroupBy(IndexName).ToDictionary(g => g.Key, g => g.First());
        foreach (var before in lines.Where(l => l.StartsWith("- index ", StringComparison.Ordinal)))
            if (after.TryGetValue(IndexName(before), out var a))
                yield return (before, a);
    }

    /// <summary>The name in "- index CREATE [UNIQUE] INDEX name ON ...".</summary>
    private static string IndexName(string line)
    {
        var words = line.Split(' ');
        return words.Length > 5 && words[4] == "INDEX" ? words[5] : words.Length > 4 ? words[4] : line;
    }

    private static int Casts(string line) => line.Split("::").Length - 1;

    /// <summary>"schema.table.column" (PostgreSQL), "table.column" (SQLite), "table `column`" (MySQL, whose lines name the column after its position).</summary>
    private static string ColumnName(string line)
    {
        var words = line.Split(' ');
        return words.Length > 4 && words[4].StartsWith('`') ? words[2] + " " + words[4] : words[2];
    }

    private static string? Type(string line) => SqliteType().Match(line) is { Success: true } m ? m.Groups[1].Value : null;

    private static string? Default(string line) => DefaultClause().Match(line) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The type after the column's name in a SHOW CREATE TABLE column line.</summary>
    private static string? MySqlType(string line) => MySqlColumnType().Match(line) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"#\d+ `[^`]*` (\S+)")]
    private static partial Regex MySqlColumnType();

    [GeneratedRegex(@"int\(\d+\)")]
    private static partial Regex DisplayWidth();

    [GeneratedRegex(@" type '([^']*)'")]
    private static partial Regex SqliteType();

    [GeneratedRegex(@" default (.*?)( identity| collate| statistics| storage| inherited| comment|$)")]
    private static partial Regex DefaultClause();
}
