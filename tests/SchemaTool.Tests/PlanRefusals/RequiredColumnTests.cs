using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// A NOT NULL column without a default added to a table that has rows: PostgreSQL and SQLite fail at apply, and
/// MySQL fills in 0 or '' without a word. Plan asks each such table for one row and refuses when it has one,
/// naming the fixes and saying that columns are NOT NULL unless `nullable: true`.
/// </summary>
public sealed class RequiredColumnTests
{
    private const string Users = "tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n";

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task Adding_a_required_column_to_a_table_with_rows_is_refused(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect);
        project.WriteModel(Users);
        project.PlanAndApply("users");
        await project.ExecuteAsync("INSERT INTO users (id) VALUES (1)");
        project.WriteModel(Users + "      email: { type: varchar(100) }\n");

        var plan = project.Expect(2, "plan", "-m", "email");

        Assert.Contains("tables.yaml:5:7: column 'users.email' is added NOT NULL without a default, and table 'users' has rows, " +
                        "which would get no value for it. Columns are NOT NULL unless `nullable: true` (the opposite of SQLAlchemy). " +
                        "Give it a `default:`, or make it `nullable: true`, or add it nullable, fill it with an UPDATE written into that revision, " +
                        "and make it NOT NULL in the next", plan.Err);
        Assert.Equal(2, project.MigrationFiles().Count);
        Assert.Equal(1, await project.ScalarAsync("SELECT count(*) FROM users"));
    }

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task Adding_a_required_column_to_an_empty_table_plans_and_applies(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect);
        project.WriteModel(Users);
        project.PlanAndApply("users");
        project.WriteModel(Users + "      email: { type: varchar(100) }\n");

        project.PlanAndApply("email");

        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Out);
    }

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task Each_fix_the_message_names_plans_and_applies_on_a_table_with_rows(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect);
        project.WriteModel(Users);
        project.PlanAndApply("users");
        await project.ExecuteAsync("INSERT INTO users (id) VALUES (1)");

        project.WriteModel(Users + "      email: { type: varchar(100), default: none }\n      phone: { type: varchar(20), nullable: true }\n");
        project.PlanAndApply("with a default and nullable");

        Assert.Equal(1, await project.ScalarAsync("SELECT count(*) FROM users WHERE email = 'none' AND phone IS NULL"));
    }

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task A_renamed_from_left_in_the_model_after_the_rename_ran_is_not_an_added_column(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect);
        project.WriteModel(Users + "      name: { type: varchar(50) }\n");
        project.PlanAndApply("users");
        await project.ExecuteAsync("INSERT INTO users (id, name) VALUES (1, 'ann')");
        var renamed = Users + "      login: { type: varchar(50), renamed_from: name }\n";
        project.WriteModel(renamed);
        project.PlanAndApply("rename");

        // The renamed_from stays, as people leave it; the next change must not take login for a new column.
        project.WriteModel(renamed + "      phone: { type: varchar(20), nullable: true }\n");
        project.PlanAndApply("phone");

        Assert.Equal(1, await project.ScalarAsync("SELECT count(*) FROM users WHERE login = 'ann' AND phone IS NULL"));
    }

    [Fact]
    public async Task A_renamed_table_is_asked_under_its_old_name()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        project.WriteModel(Users);
        project.PlanAndApply("users");
        await project.ExecuteAsync("INSERT INTO users (id) VALUES (1)");
        project.WriteModel("tables:\n  people:\n    renamed_from: users\n    columns:\n      id: { type: int, primary_key: true }\n      email: { type: text }\n");

        var plan = project.Expect(2, "plan", "-m", "rename and add");

        Assert.Contains("column 'people.email' is added NOT NULL without a default, and table 'users' has rows", plan.Err);
    }
}
