using SchemaTool.Planning;
using SchemaTool.Project;
using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// What the plan-time checks cost in statements: PostgreSQL's type catalog is one query whatever the model holds,
/// and a table is asked for one row only when the plan adds a NOT NULL column without a default to it.
/// </summary>
public sealed class PlanQueryCountTests
{
    private static string Tables(int count, string extra = "") =>
        "tables:\n" + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"  t{i}:\n    columns:\n      id: {{ type: int, primary_key: true }}\n      a: {{ type: jsonb, nullable: true }}\n" +
            $"      b: {{ type: inet, nullable: true }}\n      c: {{ type: \"numeric(8,2)\", nullable: true }}\n{extra}"));

    private static async Task<int> PlanStatementsAsync(DialectProject project)
    {
        var workspace = Workspace.Open(project.Dir);
        await using (await RevisionPlanning.PlanAsync(workspace, new PlanOptions(), CancellationToken.None)) { }
        return workspace.Sessions.Sum(s => s.StatementsSent);
    }

    [Fact]
    public async Task Postgres_checks_every_type_with_one_catalog_query()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        project.WriteModel(Tables(1));
        var one = await PlanStatementsAsync(project);
        project.WriteModel(Tables(60));
        var sixty = await PlanStatementsAsync(project);

        Assert.Equal(one, sixty);
    }

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task Only_tables_that_gain_a_required_column_are_asked_for_a_row(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect);
        var types = dialect == "postgres" ? Tables(5) : Tables(5).Replace("jsonb", "text").Replace("inet", "text");
        project.WriteModel(types);
        project.PlanAndApply("five");
        var unchanged = await PlanStatementsAsync(project);

        var withRequired = types.Replace("  t3:\n    columns:\n", "  t3:\n    columns:\n      d: { type: int }\n")
                                .Replace("  t4:\n    columns:\n", "  t4:\n    columns:\n      d: { type: int }\n")
                                + "  t9:\n    columns:\n      id: { type: int, primary_key: true }\n"; // a new table is not asked
        project.WriteModel(withRequired);
        var asked = await PlanStatementsAsync(project);

        Assert.Equal(unchanged + 2, asked);
    }
}
