using SchemaTool.Tests.PlanRefusals.Support;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// A dotted table key (<c>auth.users</c>) names a table of a PostgreSQL schema. SQLite and MySQL have no schemas to
/// qualify a name with: SQLite made a table named "auth.users", and MariaDB a table in another database. Refused
/// at plan, exit 2, at its place, with nothing written.
/// </summary>
public sealed class QualifiedNameTests
{
    private const string Model = "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n" +
                                 "  auth.users:\n    columns:\n      id: { type: int, primary_key: true }\n";

    [Fact]
    public void A_dotted_table_name_on_sqlite()
    {
        using var project = new TempProject();
        project.WriteModel(Model);

        var plan = project.Expect(2, "plan", "-m", "dotted");

        Assert.Contains("tables.yaml:5:3: table name 'auth.users' holds a dot, which would qualify it by a schema, and SQLite has no schemas", plan.Stderr);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public async Task A_dotted_table_name_on_mariadb()
    {
        using var project = await DialectProject.CreateAsync("mysql");
        project.WriteModel(Model);

        var plan = project.Expect(2, "plan", "-m", "dotted");

        Assert.Contains("tables.yaml:5:3: table name 'auth.users' holds a dot, which would qualify it by a schema, and MySQL has no schemas", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }
}
