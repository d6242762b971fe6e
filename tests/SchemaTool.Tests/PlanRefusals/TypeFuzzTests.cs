using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// Random column types made of type words, modifiers and SQL punctuation: each is refused at plan (exit 2, nothing
/// written), or plans and then applies; none gets past plan to fail at apply, and `victim` always survives.
/// </summary>
public sealed class TypeFuzzTests
{
    private static readonly string[] Pieces =
    [
        "int", "varchar", "text", "decimal", "numeric", "timestamp", "with", "time", "zone", "unsigned", "strng", "enum",
        "(", ")", "(10)", "(5,2)", "(-1)", "(0)", "(99999)", ",", " ", "'a'", "[]", ";", "--", "DROP TABLE victim", "\"x\"", ".",
    ];

    private const string Victim = "tables:\n  victim:\n    columns:\n      id: { type: int, primary_key: true }\n";

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task No_random_type_gets_past_plan_to_fail_at_apply(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect);
        project.WriteModel(Victim);
        project.PlanAndApply("victim");
        var random = new Random(20260522);
        int planned = 0, refused = 0;
        for (var round = 0; round < 40; round++)
        {
            var type = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pieces[random.Next(Pieces.Length)])).Replace("\"", "\\\"");
            project.WriteModel(Victim + $"  t:\n    columns:\n      a: {{ type: \"{type}\", nullable: true }}\n");
            var before = project.MigrationFiles();

            var plan = project.Run("plan", "-m", "fuzz");

            if (plan.ExitCode == 2)
            {
                refused++;
                Assert.Equal(before, project.MigrationFiles());
                continue;
            }
            Assert.True(plan.ExitCode == 0, $"type {type}: {plan}");
            planned++;
            var apply = project.Run("apply");
            Assert.True(apply.ExitCode == 0, $"type {type} planned but failed at apply:\n{apply}");
            project.Ok("rollback", "-1");
            foreach (var file in project.MigrationFiles().Except(before)) File.Delete(Path.Combine(project.Project.Migrations, file));
        }
        Assert.Contains("victim", await project.AllTablesAsync());
        Assert.True(planned > 0 && refused > 0, $"{planned} planned, {refused} refused: the pieces should give both");
    }
}
