using System.Globalization;
using System.Text;

namespace SchemaTool.Bench;

/// <summary>
/// Writes bench/RESULTS.md from the rows bench.sh measured: the machine, the command, the targets with their
/// ratios, one table per dialect and size, and the in-process profile. Text after the notes marker in the
/// existing file (the hand-written analysis) is kept.
/// </summary>
internal static class Report
{
    private const string NotesMarker = "<!-- notes: everything below is kept when bench.sh rewrites this file -->";

    private sealed record Row(string Dialect, int Tables, string What, string Runs, string Median, string Min, string Max, string Mb, string Statements, string ConnectMs, string CpuMs)
    {
        public double? Ms => double.TryParse(Median, CultureInfo.InvariantCulture, out var v) ? v : null;
        public double? Memory => double.TryParse(Mb, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static int Write(Options options)
    {
        var rows = File.ReadAllLines(options.Required("results")).Where(l => l.Length > 0).Select(l => l.Split('\t'))
            .Select(f => new Row(f[0], int.Parse(f[1]), f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f.Length > 10 ? f[10] : "-")).ToList();
        var outPath = options.Required("out");
        var notes = File.Exists(outPath) && File.ReadAllText(outPath) is var old && old.IndexOf(NotesMarker, StringComparison.Ordinal) is var at and >= 0
            ? old[(at + NotesMarker.Length)..]
            : "\n\n## Notes\n\n(analysis goes here)\n";

        var md = new StringBuilder();
        md.Append("# Benchmark: the cost of one catalog read\n\n");
        md.Append($"Measured {options.Required("started")} with\n\n```\n{options.Required("command")}\n```\n\n");
        md.Append("Whole processes of the Release build (the apphost `schematool`), wall time from fork to exit (median of the runs, with min–max), CPU time (user + system, median; on a loaded machine the steadier figure), ");
        md.Append("peak resident memory from `/usr/bin/time` (median), statements from `SCHEMATOOL_STATS=1` for schematool and from the ");
        md.Append("server's statement log (one extra run with `log_statement=all` / `general_log`) for pg_dump, mariadb-dump and Alembic. ");
        md.Append("\"first connect\" is the time from fork until schematool's first connection was open (after loading config, revisions and the model).\n\n");
        md.Append("## Machine\n\n").Append(File.ReadAllText(options.Required("machine")).TrimEnd()).Append("\n\n");

        md.Append("## Targets\n\n| target | measured | ratio / limit | met |\n| --- | --- | ---: | :---: |\n");
        Row? Find(string dialect, int tables, string what) => rows.FirstOrDefault(r => r.Dialect == dialect && r.Tables == tables && r.What == what);
        void Ratio(string target, Row? a, Row? b, double limit)
        {
            if (a?.Ms is not { } x || b?.Ms is not { } y) { md.Append($"| {target} | not measured in this run | | |\n"); return; }
            var ratio = x / y;
            var cpu = double.TryParse(a.CpuMs, CultureInfo.InvariantCulture, out var ca) && double.TryParse(b.CpuMs, CultureInfo.InvariantCulture, out var cb) && cb > 0
                ? $"; CPU {ca:F0} vs {cb:F0} ms, {ca / cb:F2}×" : "";
            md.Append($"| {target} | {x:F0} ms vs {y:F0} ms wall{cpu} | {ratio:F2}× (≤ {limit:0.0#}×) | {(ratio <= limit ? "yes" : "**no**")} |\n");
        }
        void Limit(string target, Row? a, Func<Row, double?> value, double limit, string unit)
        {
            if (a is null || value(a) is not { } v) { md.Append($"| {target} | not measured in this run | | |\n"); return; }
            md.Append($"| {target} | {v:F0} {unit} | < {limit} {unit} | {(v < limit ? "yes" : "**no**")} |\n");
        }
        Ratio("no-op plan at 1,000 tables ≤ 1.0× pg_dump (PostgreSQL)", Find("postgres", 1000, "plan, nothing changed"), Find("postgres", 1000, "pg_dump --schema-only"), 1.0);
        Ratio("no-op plan at 1,000 tables ≤ 0.5× mariadb-dump (MariaDB)", Find("mysql", 1000, "plan, nothing changed"), Find("mysql", 1000, "mariadb-dump --no-data"), 0.5);
        foreach (var dialect in rows.Select(r => r.Dialect).Where(d => d != "cli").Distinct())
            foreach (var tables in rows.Where(r => r.Dialect == dialect).Select(r => r.Tables).Distinct().Order())
                if (Find(dialect, tables, "plan, 10% changed") is { } changed)
                    Ratio($"{dialect}, {tables:N0} tables: plan after 10% changed ≤ 1.2× no-op plan", changed, Find(dialect, tables, "plan, nothing changed"), 1.2);
        foreach (var dialect in new[] { "postgres", "mysql", "sqlite" })
        {
            var noop = Find(dialect, 10000, "plan, nothing changed");
            if (noop is null && dialect == "sqlite") continue;
            Limit($"{dialect}, 10,000 tables: no-op plan < 5 s", noop, r => r.Ms, 5000, "ms");
            Limit($"{dialect}, 10,000 tables: no-op plan < 300 MB", noop, r => r.Memory, 300, "MB");
        }
        Limit("`schematool --version` < 120 ms (apphost)", Find("cli", 0, "schematool --version (apphost)"), r => r.Ms, 120, "ms");
        Limit("`dotnet schematool.dll --version` < 120 ms", Find("cli", 0, "dotnet schematool.dll --version"), r => r.Ms, 120, "ms");
        foreach (var r in rows.Where(r => r.What == "plan, nothing changed" && int.TryParse(r.Statements, out _)))
            md.Append($"| {r.Dialect}, {r.Tables:N0} tables: statements of a no-op plan (introspection + history), ≤ 12 | {r.Statements} | ≤ 12 | {(int.Parse(r.Statements) <= 12 ? "yes" : "**no**")} |\n");
        md.Append('\n');

        md.Append("## Start-up\n\n| what | runs | median ms | min–max ms | CPU ms | peak MB |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var r in rows.Where(r => r.Dialect == "cli"))
            md.Append($"| {r.What} | {r.Runs} | {r.Median} | {r.Min}–{r.Max} | {r.CpuMs} | {r.Mb} |\n");
        md.Append('\n');

        foreach (var group in rows.Where(r => r.Dialect != "cli").GroupBy(r => (r.Dialect, r.Tables)))
        {
            var name = group.Key.Dialect switch { "postgres" => "PostgreSQL", "mysql" => "MariaDB", _ => "SQLite" };
            md.Append($"## {name}, {group.Key.Tables:N0} tables\n\n");
            md.Append("| what | runs | median ms | min–max ms | CPU ms | peak MB | statements | first connect ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            foreach (var r in group)
                md.Append($"| {r.What} | {r.Runs} | {r.Median} | {r.Min}–{r.Max} | {r.CpuMs} | {r.Mb} | {r.Statements} | {r.ConnectMs} |\n");
            md.Append('\n');
        }

        md.Append("## In-process profile of the plan pipeline (SQLite dialect; steady state after one warm-up, median of 3)\n\n");
        md.Append(File.ReadAllText(options.Required("profile")).TrimEnd()).Append("\n\n");
        md.Append(NotesMarker).Append(notes.TrimEnd()).Append('\n');
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        File.WriteAllText(outPath, md.ToString());
        return 0;
    }
}
