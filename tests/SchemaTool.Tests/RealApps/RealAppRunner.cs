using System.Diagnostics;
using System.Text.Json;
using SchemaTool.Dialects;
using SchemaTool.Tests.Support;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.RealApps;

/// <summary>A stage of the adoption path that went wrong, and what it said.</summary>
public sealed record StageFailure(string Stage, string Detail)
{
    public override string ToString() => $"{Stage}: {Detail}";
}

/// <summary>What one corpus file gave: its size, what inspect left alone, and every stage that failed.</summary>
public sealed record RealAppResult(
    RealAppFile File,
    CatalogCounts? Counts,
    IReadOnlyList<LeftAlone> LeftAlone,
    IReadOnlyList<StageFailure> Failures,
    TimeSpan Duration)
{
    /// <summary>The change the file took after adoption (<see cref="RealAppChange"/>), one line each; empty when it took none.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    public bool Passed => Failures.Count == 0;

    public IReadOnlyList<string> Classes => FailureClasses.Of(File.Dialect, Failures);
}

/// <summary>
/// The adoption path on one application's schema file, through the CLI as a user runs it: load the file into
/// database A; `inspect` A into model YAML; `plan` and `apply` that model on an empty database B; compare A and B
/// through their own catalogs (the test's queries, never schematool's introspector), leaving out only what inspect
/// names as left alone; a second `plan` on B must find nothing, and so must a `plan` on A; `rollback base` must
/// leave B empty but for the history table. Objects of kinds the model does not hold (views, triggers...) must each
/// be named by inspect.
/// </summary>
public sealed class RealAppRunner(IRealAppDatabase database, string workFolder)
{
    public async Task<RealAppResult> RunAsync(RealAppFile file)
    {
        var clock = Stopwatch.StartNew();
        var failures = new List<StageFailure>();
        var leftAlone = (IReadOnlyList<LeftAlone>)[];
        var changesMade = new List<string>();
        CatalogCounts? counts = null;
        var label = file.Name.Replace('-', '_');
        var a = await database.CreateAsync(label + "_a");
        var b = await database.CreateAsync(label + "_b");
        var project = Directory.CreateDirectory(Path.Combine(workFolder, file.Name)).FullName;
        try
        {
            var statements = DumpScript.Split(await System.IO.File.ReadAllTextAsync(file.Path), file.Dialect);
            if (await database.LoadAsync(a, statements) is { } loadError)
                return Done(new StageFailure("load", loadError));
            var original = await database.ReadAsync(a);
            counts = original.Counts;

            WriteFile(project, "schematool.yaml", $"database: {b}\nschema: schema\nmigrations: migrations\n");
            Directory.CreateDirectory(Path.Combine(project, "migrations"));
            var modelPath = Path.Combine(project, "schema", "inspected.yaml");
            var inspect = CliRunner.Run(project, "inspect", "--database", a, "-o", modelPath);
            if (inspect.ExitCode != 0) return Done(new StageFailure("inspect", inspect.Stderr));
            leftAlone = LeftAlone.FromYaml(await System.IO.File.ReadAllTextAsync(modelPath));

            var unnamed = (await database.OtherObjectsAsync(a)).Where(o => !leftAlone.Any(l => l.Names(o.Name))).ToList();
            if (unnamed.Count > 0) failures.Add(new StageFailure("named", "not named by inspect: " + string.Join(", ", unnamed)));

            if (Changes(CliRunner.Run(project, "plan", "--dry-run", "--json", "--database", a)) is { } selfPlan)
                failures.Add(new StageFailure("plan on A", selfPlan));

            var plan = CliRunner.Run(project, "plan", "-m", "adopt");
            if (plan.ExitCode != 0) return Done(new StageFailure("plan", plan.Stderr + plan.Stdout));
            var apply = CliRunner.Run(project, "apply");
            if (apply.ExitCode != 0) return Done(new StageFailure("apply", apply.Stderr));

            var copy = await database.ReadAsync(b);
            var differences = CatalogSnapshot.Differences(
                original.Facts.Where(f => !leftAlone.Any(l => l.HoldsFacts && l.Names(f.Owner) || l.Covers(f))),
                copy.Facts.Where(f => !IsHistory(f.Owner)));
            if (differences.Count > 0) failures.Add(new StageFailure("compare", string.Join("\n", differences)));

            if (Changes(CliRunner.Run(project, "plan", "--dry-run", "--json")) is { } second)
                failures.Add(new StageFailure("second plan", second));

            if (failures.Count == 0 && await ChangeAsync(project, modelPath, file, b, changesMade) is { } change) failures.Add(change);

            var rollback = CliRunner.Run(project, "rollback", "base");
            if (rollback.ExitCode != 0) return Done(new StageFailure("rollback", rollback.Stderr));
            var left = await database.LeftoversAsync(b);
            if (left.Count > 0) failures.Add(new StageFailure("rollback", "left in B after rollback base: " + string.Join(", ", left)));
            return Done();
        }
        finally
        {
            await database.DropAsync(a);
            await database.DropAsync(b);
            Directory.Delete(project, recursive: true);
        }

        RealAppResult Done(StageFailure? last = null)
        {
            if (last is not null) failures.Add(last);
            return new RealAppResult(file, counts, leftAlone, failures, clock.Elapsed) { Changes = changesMade };
        }
    }

    /// <summary>
    /// A file that round-trips takes a change as a user makes one (<see cref="RealAppChange"/>): plan and apply it, a
    /// second plan finds nothing, the catalog shows the new column, and `rollback -1` leaves B's catalog exactly as it
    /// was before the change. The adopted model is put back after.
    /// </summary>
    private async Task<StageFailure?> ChangeAsync(string project, string modelPath, RealAppFile file, string b, List<string> made)
    {
        var adopted = await System.IO.File.ReadAllTextAsync(modelPath);
        if (RealAppChange.Make(ModelLoader.Load(modelPath, adopted), file.Name, file.Dialect) is not var (changed, changes)) return null;
        made.AddRange(changes);
        var said = "\nthe change: " + string.Join("; ", changes);
        var before = await database.ReadAsync(b);
        await System.IO.File.WriteAllTextAsync(modelPath, ModelWriter.Write(changed, DialectRegistry.Get(file.Dialect)));
        try
        {
            var plan = CliRunner.Run(project, "plan", "-m", "change");
            if (plan.ExitCode != 0) return new StageFailure("change", "plan: " + plan.Stderr + plan.Stdout + said);
            var apply = CliRunner.Run(project, "apply");
            if (apply.ExitCode != 0) return new StageFailure("change", $"apply: exit {apply.ExitCode}: " + apply.Stderr + Tail(apply.Stdout) + said);
            if (Changes(CliRunner.Run(project, "plan", "--dry-run", "--json")) is { } again)
                return new StageFailure("change", "second plan: " + again + said);
            var applied = CatalogSnapshot.Differences(before.Facts, (await database.ReadAsync(b)).Facts);
            if (!applied.Any(d => d.Contains(RealAppChange.AddedColumn, StringComparison.Ordinal)))
                return new StageFailure("change", "the catalog does not show the new column after apply" + said);
            var back = CliRunner.Run(project, "rollback", "-1");
            if (back.ExitCode != 0) return new StageFailure("change", $"rollback -1: exit {back.ExitCode}: " + back.Stderr + Tail(back.Stdout) + said);
            var differences = CatalogSnapshot.Differences(before.Facts, (await database.ReadAsync(b)).Facts);
            return differences.Count == 0 ? null
                : new StageFailure("change", "after rollback -1 the catalog differs from before the change:\n" + string.Join("\n", differences) + said);
        }
        finally
        {
            await System.IO.File.WriteAllTextAsync(modelPath, adopted);
        }
    }

    /// <summary>The last lines a run printed: where it stopped.</summary>
    private static string Tail(string output) => string.Join("\n", output.Split('\n').TakeLast(6));

    private static void WriteFile(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
    }

    private static bool IsHistory(string owner) =>
        owner.Equals("schematool_history", StringComparison.OrdinalIgnoreCase) || owner.EndsWith(".schematool_history", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when `plan --dry-run --json` says nothing changes; otherwise what it would do, or why it failed.</summary>
    private static string? Changes(CliResult plan)
    {
        if (plan.ExitCode != 0) return $"exit {plan.ExitCode}: {plan.Stderr}";
        using var json = JsonDocument.Parse(plan.Stdout);
        var root = json.RootElement;
        if (!root.GetProperty("changed").GetBoolean()) return null;
        return string.Join("\n", root.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("description").GetString())) +
               "\nup:\n" + root.GetProperty("up_sql").GetString();
    }
}
