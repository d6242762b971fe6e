using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Tests.Safety.Support;
using SchemaTool.Tests.Support;
using SchemaTool.Yaml;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Fuzz;

/// <summary>
/// Hostile models (<see cref="HostileModels"/>) through the plan pipeline of every dialect, no database: YAML text
/// loaded with the dialect's lexer, then planned against an empty schema (and, loaded without it, planned again, so
/// the planner's own check is tried too). Each either is refused as bad input, or its up and down scripts split,
/// by the dialect's lexer, into exactly the statements the planner generated, in order. Anything else (a
/// different split, a crash) fails with the seed to replay: SCHEMATOOL_FUZZ_SEED=N. 3,000 models in CI, 50,000
/// with SCHEMATOOL_LONG=1.
/// </summary>
public sealed class PlanFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_hostile_model_is_refused_or_planned_into_scripts_that_split_into_its_statements()
    {
        var seeds = Environment.GetEnvironmentVariable("SCHEMATOOL_FUZZ_SEED") is { } one
            ? [int.Parse(one, System.Globalization.CultureInfo.InvariantCulture)]
            : Enumerable.Range(1, LongRun.Choose(3_000, 50_000));
        var dialects = DialectRegistry.Names.Order(StringComparer.Ordinal).Select(DialectRegistry.Get).ToList();
        var failures = new List<string>();
        var (planned, refused) = (0, 0);
        var reasons = new Dictionary<string, int>();
        foreach (var seed in seeds)
        {
            var yaml = new HostileModels(seed).Yaml();
            foreach (var dialect in dialects)
            foreach (var checkedByLoader in new[] { true, false })
            {
                try
                {
                    var model = ModelLoader.Load("fuzz.yaml", yaml, checkedByLoader ? dialect.Lexer : null);
                    var plan = Planner.Create(dialect, Schema.Empty, model);
                    PlannedStatements.AssertSplit(dialect, plan);
                    planned++;
                }
                catch (Exception e) when (e is InputException or ModelException)
                {
                    refused++;
                    var reason = System.Text.RegularExpressions.Regex.Replace(e.Message.Split('\n')[0], @"^[^ ]*:\d+:\d+: ", "");
                    reason = System.Text.RegularExpressions.Regex.Replace(reason, "'[^']*'|character \\d+|U\\+[0-9A-F]+", "_");
                    reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                }
                catch (Exception e)
                {
                    failures.Add($"seed {seed}, {dialect.Name}{(checkedByLoader ? "" : ", loaded unchecked")}: {e.GetType().Name}: {e.Message}\n{yaml}");
                }
            }
        }
        output.WriteLine($"{planned} plans split into their statements, {refused} refused");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value).Take(15)) output.WriteLine($"  {count}: {reason}");
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s); the first:\n" + string.Join("\n---\n", failures.Take(3)));
        Assert.True(planned > 0 && refused > 0, $"{planned} planned, {refused} refused: the models are not varied enough");
    }
}
