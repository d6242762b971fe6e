using System.Text;
using System.Text.Json;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Revisions;
using Xunit.Abstractions;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// The sqldef conformance corpus (shared/corpus/mysql.jsonl) on MariaDB: the desired schema, read back from a
/// database, is the model; the tool plans against the current database, applies, must converge, and rolls
/// back to the current schema. Slow, so it runs when SCHEMATOOL_CORPUS=1 (optionally =1 with
/// SCHEMATOOL_CORPUS_FILTER=substring of case ids); it prints each failure and the totals.
/// </summary>
public sealed class MySqlCorpusTests(ITestOutputHelper output)
{
    private sealed record Case(string Id, string Current, string Desired);

    /// <summary>Cases known to fail, with the reason; a case not listed here must pass or be reported unsupported.</summary>
    private static readonly Dictionary<string, string> KnownFailures = new()
    {
    };

    [Fact]
    public async Task The_sqldef_MySQL_corpus_converges_and_rolls_back()
    {
        if (Environment.GetEnvironmentVariable("SCHEMATOOL_CORPUS") != "1") return;
        var filter = Environment.GetEnvironmentVariable("SCHEMATOOL_CORPUS_FILTER") ?? "";
        var cases = LoadCases().Where(c => c.Id.Contains(filter, StringComparison.Ordinal)).ToList();
        var outcomes = new Dictionary<string, int>();
        foreach (var c in cases)
        {
            var outcome = await RunAsync(c);
            var kind = outcome.Split(':')[0];
            if (kind == "fail" && KnownFailures.TryGetValue(c.Id, out var reason)) (kind, outcome) = ("known", "known: " + reason);
            outcomes[kind] = outcomes.GetValueOrDefault(kind) + 1;
            if (kind != "pass") output.WriteLine($"{c.Id}: {outcome}");
        }
        output.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")));
        Assert.False(outcomes.ContainsKey("fail"), "some corpus cases fail; see the output");
    }

    private static async Task<string> RunAsync(Case c)
    {
        await using var current = await MySqlProject.CreateAsync("corpus");
        await using var desired = await MySqlProject.CreateAsync("corpus");
        if (await LoadAsync(current, c.Current) is { } badCurrent) return "bad case: current: " + badCurrent;
        if (await LoadAsync(desired, c.Desired) is { } badDesired) return "bad case: desired: " + badDesired;
        var model = await desired.IntrospectAsync();
        if (model.Unmanaged.Count > 0) return "unsupported: " + string.Join(", ", model.Unmanaged.Select(u => $"{u.Kind} {u.Name}"));
        var before = await current.IntrospectAsync();
        if (before.Unmanaged.Count > 0) return "unsupported: current has " + string.Join(", ", before.Unmanaged.Select(u => $"{u.Kind} {u.Name}"));
        string step = "plan";
        try
        {
            var plan = Planner.Create(MySqlProject.Dialect, before, model);
            if (plan.IsEmpty) return before == model ? "pass" : "fail: empty plan for different schemas";
            RevisionFolder.Write(current.Migrations, RevisionFile.NewId(), [], "corpus", DateTimeOffset.UtcNow, plan.UpScript, plan.DownScript);
            step = "apply";
            await current.ApplyAsync();
            step = "converge";
            var after = await current.IntrospectAsync();
            var again = Planner.Create(MySqlProject.Dialect, after, model);
            if (!again.IsEmpty) return $"fail: not converged:\n{plan.UpScript}\n--- still:\n{again.UpScript}";
            step = "rollback";
            await current.RollbackAsync("base");
            var back = await current.IntrospectAsync();
            if (back != before) return $"fail: rollback differs:\n{Describe(before)}\n--- after rollback:\n{Describe(back)}\n--- down:\n{plan.DownScript}";
            return "pass";
        }
        catch (Exception e) when (e is SchemaToolException or InvalidOperationException or NotSupportedException)
        {
            return $"fail: {step}: {e.Message}";
        }
    }

    /// <summary>Runs a side's SQL; statements that use objects created further down are retried until none succeed.</summary>
    private static async Task<string?> LoadAsync(MySqlProject project, string sql)
    {
        var pending = MySqlProject.Dialect.SplitStatements(sql).ToList();
        while (pending.Count > 0)
        {
            var failed = new List<string>();
            string? error = null;
            foreach (var statement in pending)
            {
                try { await project.ExecuteAsync(statement); }
                catch (Exception e) { failed.Add(statement); error = e.Message; }
            }
            if (failed.Count == pending.Count) return error;
            pending = failed;
        }
        return null;
    }

    private static string Describe(Schema schema)
    {
        var text = new StringBuilder();
        foreach (var t in schema.Tables) text.AppendLine(t.ToString());
        return text.ToString();
    }

    private static IEnumerable<Case> LoadCases()
    {
        var path = "/work/shared/corpus/mysql.jsonl";
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "shared", "corpus", "mysql.jsonl"))) { path = Path.Combine(dir, "shared", "corpus", "mysql.jsonl"); break; }
        foreach (var line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            yield return new Case(root.GetProperty("id").GetString()!, root.GetProperty("current").GetString()!, root.GetProperty("desired").GetString()!);
        }
    }
}
