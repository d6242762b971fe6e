namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// A foreign key or check added NOT VALID (Rails' `validate: false`; Lago, OpenStreetMap) is modelled
/// (`not_valid: true`): inspect writes it, the copy gets it NOT VALID (pg_constraint.convalidated false), and a model
/// that validates it later is a plan of its own. Before, the copy had it validated and nothing said so (real-application
/// class D).
/// </summary>
public sealed class PostgresNotValidConstraintTests
{
    private const string Setup = """
        CREATE TABLE parents (id int PRIMARY KEY);
        CREATE TABLE children (id int PRIMARY KEY, parent_id int, n int);
        INSERT INTO children VALUES (1, 999, -1);
        ALTER TABLE children ADD CONSTRAINT children_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID;
        ALTER TABLE children ADD CONSTRAINT children_n_check CHECK (n >= 0) NOT VALID;
        ALTER TABLE children ADD CONSTRAINT children_id_check CHECK (id > 0);
        """;

    private static async Task<List<string>> NotValidatedAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("SELECT conname::text FROM pg_constraint WHERE NOT convalidated ORDER BY 1")).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Not_valid_constraints_stay_not_valid_through_inspect_plan_and_apply()
    {
        await using var db = await AdoptedDatabase.InspectAsync(Setup);
        Assert.Contains("children_n_check: { expression: \"n >= 0\", not_valid: true }", db.Yaml);
        Assert.Contains("children_id_check: \"id > 0\"", db.Yaml);
        Assert.Matches(@"children_parent_fk: \{ columns: \[parent_id\], references: \{ table: parents, columns: \[id\] \}, not_valid: true \}", db.Yaml);

        await db.RoundTripAsync();
    }

    [Fact]
    public async Task The_copy_creates_them_not_valid()
    {
        await using var db = await AdoptedDatabase.InspectAsync(Setup);

        var (plan, _) = await db.Copy.PlanAsync(db.Yaml, "adopt");
        await db.Copy.ApplyAsync();

        Assert.Contains("ALTER TABLE \"children\" ADD CONSTRAINT \"children_n_check\" CHECK (n >= 0) NOT VALID", plan.UpScript);
        Assert.Equal(["children_n_check", "children_parent_fk"], await NotValidatedAsync(db.Copy));
    }

    /// <summary>
    /// NOT VALID says how the constraint is added, not what it is: a model that leaves it out does not re-create a NOT
    /// VALID constraint to validate it (nor a validated one to un-validate it), which would be a change on every run.
    /// </summary>
    [Fact]
    public async Task A_model_without_not_valid_leaves_a_not_valid_constraint_as_it_is()
    {
        const string NotValid = "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n      n: { type: int }\n" +
                                "    checks:\n      ck_t_n: { expression: \"n >= 0\", not_valid: true }\n";
        var validated = NotValid.Replace("{ expression: \"n >= 0\", not_valid: true }", "\"n >= 0\"");
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(NotValid);
        Assert.Equal(["ck_t_n"], await NotValidatedAsync(db));

        Assert.True((await db.PlanAsync(NotValid)).Plan.IsEmpty);
        Assert.True((await db.PlanAsync(validated)).Plan.IsEmpty);
    }
}
