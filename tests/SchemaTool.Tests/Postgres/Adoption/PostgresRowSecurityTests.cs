using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// Row security (ENABLE / FORCE ROW LEVEL SECURITY), its policies and a table's replica identity are not modelled:
/// inspect names each as left alone, so that a copy made from the model is not silently open to every row.
/// </summary>
public sealed class PostgresRowSecurityTests
{
    [Fact]
    public async Task Inspect_names_row_security_its_policies_and_a_replica_identity()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE notes (id int PRIMARY KEY, owner text NOT NULL DEFAULT current_user, body text);
            ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
            ALTER TABLE notes FORCE ROW LEVEL SECURITY;
            CREATE POLICY notes_own ON notes USING (owner = current_user);
            CREATE TABLE events (id int PRIMARY KEY, at timestamptz);
            ALTER TABLE events REPLICA IDENTITY FULL;
            CREATE TABLE plain (id int PRIMARY KEY);
            """);
        Assert.Equal([
            "policy notes_own (on notes)",
            "table option force row level security (on notes)",
            "table option replica identity full (on events)",
            "table option row level security (on notes)",
        ], db.Inspection.LeftAlone.Select(SchemaTool.Yaml.ModelWriter.Describe).Order(StringComparer.Ordinal));
        Assert.Contains("#   policy notes_own (on notes)", db.Yaml);
    }

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
