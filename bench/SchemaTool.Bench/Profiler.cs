using System.Diagnostics;
using SchemaTool.Diff;
using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Bench;

/// <summary>
/// In-process Stopwatch breakdown of what `plan` does apart from the database: loading the YAML, normalizing,
/// diffing, the dialect rewrite, ordering and rendering SQL, at each size. Median of several runs after one
/// warm-up, so it shows steady-state cost (JIT excluded); the whole-process figures come from bench.sh.
/// CPU time (of the whole process: the work is single-threaded, plus the GC's) is shown beside wall time,
/// because on a loaded machine wall time mostly measures the wait for a core.
/// </summary>
internal static class Profiler
{
    public static int Run(Options options)
    {
        var sizes = (options.String("tables") ?? "100,1000,10000").Split(',').Select(int.Parse).ToList();
        var seed = options.Int("seed", 42);
        var runs = options.Int("runs", 3);
        var percent = options.Int("changed", 10);
        var dialect = DialectRegistry.Get(options.String("dialect") ?? "sqlite");
        var work = Path.Combine(Path.GetTempPath(), $"schematool-bench-profile-{Environment.ProcessId}");
        try
        {
            Console.WriteLine($"| tables | step | wall ms | CPU ms | CPU µs per table |");
            Console.WriteLine($"| ---: | --- | ---: | ---: | ---: |");
            foreach (var n in sizes)
            {
                var same = Path.Combine(work, $"{n}-same");
                var changed = Path.Combine(work, $"{n}-changed");
                new Generator(n, seed).WriteTo(same);
                new Generator(n, seed, percent).WriteTo(changed);

                var timings = new Dictionary<string, List<(double Wall, double Cpu)>>();
                for (var run = 0; run <= runs; run++)
                {
                    var t = new Dictionary<string, (double, double)>();
                    var texts = Directory.GetFiles(same).Order().Select(File.ReadAllText).ToList();
                    Time(t, "YAML parse only (YamlStream)", () =>
                    {
                        foreach (var text in texts) new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(text));
                        return 0;
                    });
                    var model = Time(t, "load YAML (parse + build + validate)", () => ModelLoader.LoadPath(same));
                    var model2 = ModelLoader.LoadPath(changed);
                    var have = Time(t, "normalize", () => dialect.Normalize(model));
                    var want = dialect.Normalize(model2) with { Unmanaged = have.Unmanaged };
                    Time(t, "diff, nothing changed", () => SchemaDiffer.Diff(have, have));
                    var ops = Time(t, $"diff, {percent}% changed", () => SchemaDiffer.Diff(have, want));
                    var rewritten = Time(t, $"dialect rewrite, {percent}% changed", () => dialect.Rewrite(ops, have, want));
                    var ordered = Time(t, $"order, {percent}% changed", () => OperationOrderer.Order(rewritten));
                    Time(t, $"render up+down SQL, {percent}% changed", () =>
                        Planner.Render(dialect, ordered) + Planner.Render(dialect, ordered.Reverse().Select(o => o.Invert()).ToList()));
                    Time(t, "Planner.Create, nothing changed", () => Planner.Create(dialect, model, model));
                    Time(t, $"Planner.Create, {percent}% changed", () => Planner.Create(dialect, model, model2));
                    Time(t, "Planner.Create, from empty (create all)", () => Planner.Create(dialect, Schema.Empty, model));
                    if (run == 0) continue; // warm-up
                    foreach (var (step, ms) in t)
                    {
                        if (!timings.TryGetValue(step, out var list)) timings[step] = list = [];
                        list.Add(ms);
                    }
                }
                foreach (var (step, list) in timings)
                {
                    var wall = list.Select(x => x.Wall).Order().ElementAt(list.Count / 2);
                    var cpu = list.Select(x => x.Cpu).Order().ElementAt(list.Count / 2);
                    Console.WriteLine($"| {n:N0} | {step} | {wall:F1} | {cpu:F1} | {cpu * 1000 / n:F1} |");
                }
            }
            return 0;
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static T Time<T>(Dictionary<string, (double, double)> timings, string step, Func<T> action)
    {
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        var result = action();
        timings[step] = (clock.Elapsed.TotalMilliseconds, (Cpu() - cpu).TotalMilliseconds);
        return result;
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
