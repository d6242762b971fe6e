using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// Row-level security (a table's ENABLE / FORCE ROW LEVEL SECURITY and its policies) is not modelled. It was not
/// named either, so a user adopting a database had no word that `plan` ignores it, nor that a table the plan
/// re-creates (a changed partition key) loses it. `inspect` and `plan` now name each, as they name rules.
/// </summary>
public sealed class PostgresRowSecurityTests
{
    [Fact]
    public async Task Policies_and_row_security_are_named_by_inspect_and_plan()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        await project.ExecuteAsync("""
            CREATE TABLE notes (id int PRIMARY KEY, owner text NOT NULL);
            ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
            ALTER TABLE notes FORCE ROW LEVEL SECURITY;
            CREATE POLICY own_notes ON notes USING (owner = current_user);
            """);
        File.Delete(project.ModelFile);

        var inspect = project.Ok("inspect", "-o", project.ModelFile);
        var plan = project.Ok("plan", "-m", "adopt");

        var inspected = File.ReadAllText(project.ModelFile) + inspect.All;
        Assert.Contains("policy own_notes (on notes)", inspected);
        Assert.Contains("table option row level security (on notes)", inspected);
        Assert.Contains("table option force row level security (on notes)", inspected);
        Assert.Contains("policy own_notes is not in the model's scope and is left alone", plan.All);
        Assert.Contains("table option row level security is not in the model's scope", plan.All);
        Assert.Contains("no changes", plan.All);
    }
}
