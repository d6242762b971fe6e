using SchemaTool.Tests.PlanRefusals.Support;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// `name:` lets triggers of several tables share one name, as PostgreSQL keeps a trigger's name per table. SQLite
/// and MySQL keep trigger names per schema: two triggers of one name there are refused at plan, exit 2, at the
/// second's place, with nothing written.
/// </summary>
public sealed class TriggerNameScopeTests
{
    private const string Model = """
        tables:
          a:
            columns:
              id: { type: int, primary_key: true }
              n:  { type: int }
          b:
            columns:
              id: { type: int, primary_key: true }
              n:  { type: int }
        triggers:
          a_touch: { name: touch, table: a, timing: after, events: [insert], body: "UPDATE a SET n = 1 WHERE id = NEW.id;" }
          b_touch: { name: touch, table: b, timing: after, events: [insert], body: "UPDATE b SET n = 1 WHERE id = NEW.id;" }
        """;

    [Fact]
    public void Two_triggers_of_one_name_on_sqlite()
    {
        using var project = new TempProject();
        project.WriteModel(Model);

        var plan = project.Expect(2, "plan", "-m", "shared");

        Assert.Contains("tables.yaml:12:3: triggers of tables 'a' (at ", plan.Stderr);
        Assert.Contains("tables.yaml:11:3) and 'b' are both named 'touch'; SQLite keeps trigger names in one namespace for the whole schema: " +
            "give one another `name:`", plan.Stderr);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public async Task Two_triggers_of_one_name_on_mariadb()
    {
        using var project = await DialectProject.CreateAsync("mysql");
        project.WriteModel(Model);

        var plan = project.Expect(2, "plan", "-m", "shared");

        Assert.Contains("tables.yaml:12:3: triggers of tables 'a' (at ", plan.Err);
        Assert.Contains("tables.yaml:11:3) and 'b' are both named 'touch'; MySQL keeps trigger names in one namespace for the whole schema: " +
            "give one another `name:`", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public void Two_trigger_names_of_other_case_on_sqlite()
    {
        using var project = new TempProject();
        project.WriteModel(Model.Replace("b_touch: { name: touch,", "b_touch: { name: TOUCH,"));

        var plan = project.Expect(2, "plan", "-m", "shared");

        Assert.Contains("tables.yaml:11:3) and 'b' are both named 'touch' and 'TOUCH', one name to SQLite; SQLite keeps trigger names in one " +
            "namespace for the whole schema: give one another `name:`", plan.Stderr);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public void A_name_of_its_own_on_sqlite_is_planned()
    {
        using var project = new TempProject();
        project.WriteModel(Model.Replace("b_touch: { name: touch,", "b_touch: {"));

        project.Ok("plan", "-m", "named");

        Assert.Contains("CREATE TRIGGER \"b_touch\"", File.ReadAllText(Path.Combine(project.MigrationsDirectory, project.MigrationFiles().Single(f => f.EndsWith(".up.sql", StringComparison.Ordinal)))));
    }
}
