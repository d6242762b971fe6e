using SchemaTool.Diff;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// MySQL compares column names without case, whatever it does for table names: a column whose name changes
/// only by case is the same column, renamed in place with its rows, never dropped and added again.
/// </summary>
public sealed class MySqlCaseOnlyRenameTests
{
    private const string Model = """
        tables:
          users:
            columns:
              id:    { type: int, primary_key: true }
              email: { type: varchar(100), nullable: true }
        """;

    [Fact]
    public async Task A_column_renamed_only_by_case_keeps_its_rows_and_rolls_back()
    {
        await using var project = await MySqlProject.CreateAsync("caseonly");
        var first = await project.PlanRevisionAsync(Model, "first");
        await project.ApplyAsync();
        await project.ExecuteAsync("INSERT INTO users VALUES (1, 'ann@example.org')");
        var before = await project.IntrospectAsync();

        var renamed = Model.Replace("email:", "Email:");
        var plan = await project.PlanAsync(renamed);
        var rename = Assert.IsType<RenameColumn>(Assert.Single(plan.Operations));
        Assert.Equal(("email", "Email"), (rename.From, rename.To));
        Assert.Empty(plan.Warnings);

        await project.PlanRevisionAsync(renamed, "case only");
        await project.ApplyAsync();
        Assert.True((await project.PlanAsync(renamed)).IsEmpty, "a second plan after the rename is not empty");
        Assert.Equal(["Email"], (await project.IntrospectAsync()).FindTable("users")!.Columns.Skip(1).Select(c => c.Name));
        Assert.Equal(["ann@example.org"], (await project.QueryAsync("SELECT Email FROM users")).Single());

        await project.RollbackAsync(first!.Id);
        Assert.Equal(before, await project.IntrospectAsync());
        Assert.Equal(["ann@example.org"], (await project.QueryAsync("SELECT email FROM users")).Single());
    }
}
