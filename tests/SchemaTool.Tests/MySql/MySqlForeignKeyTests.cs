using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// Foreign keys on a real server, where InnoDB makes an index of its own, keeps it after the key is dropped,
/// and refuses to change a column's type or drop its only index while a key uses it.
/// </summary>
public sealed class MySqlForeignKeyTests
{
    private static string Model(string idType = "int", bool withFk = true, bool withIndex = false) => $$"""
        tables:
          roles:
            columns:
              id: { type: {{idType}}, primary_key: true }
          users:
            columns:
              id:      { type: int, primary_key: true }
              role_id: { type: {{idType}}, nullable: true{{(withFk ? ", references: roles.id" : "")}}{{(withIndex ? ", index: true" : "")}} }
        """;

    private static async Task<int> IndexCountAsync(MySqlProject project) =>
        (await project.QueryAsync(
            "SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND INDEX_NAME <> 'PRIMARY'")).Count;

    private static async Task StepAsync(MySqlProject project, string model)
    {
        Assert.NotNull(await project.PlanRevisionAsync(model, "step"));
        await project.ApplyAsync();
        var again = await project.PlanAsync(model);
        Assert.True(again.IsEmpty, again.UpScript);
    }

    [Fact]
    public async Task Dropping_a_foreign_key_drops_the_index_InnoDB_made_for_it_and_rollback_restores_both()
    {
        await using var project = await MySqlProject.CreateAsync("fk_index");
        await StepAsync(project, Model());
        Assert.Equal(1, await IndexCountAsync(project));
        var before = await project.IntrospectAsync();

        await StepAsync(project, Model(withFk: false));
        Assert.Equal(0, await IndexCountAsync(project));

        await project.RollbackAsync("-1");
        Assert.Equal(before, await project.IntrospectAsync());
        Assert.Equal(1, await IndexCountAsync(project));
    }

    [Fact]
    public async Task Changing_the_type_of_columns_a_foreign_key_joins_drops_and_re_adds_the_key_around_it()
    {
        await using var project = await MySqlProject.CreateAsync("fk_type");
        await StepAsync(project, Model());
        await project.ExecuteAsync("INSERT INTO roles VALUES (1); INSERT INTO users VALUES (10, 1);");
        var before = await project.IntrospectAsync();

        await StepAsync(project, Model(idType: "bigint"));
        Assert.Equal([10L, 1L], (await project.QueryAsync("SELECT id, role_id FROM users")).Single().Select(Convert.ToInt64));

        await project.RollbackAsync("-1");
        Assert.Equal(before, await project.IntrospectAsync());
    }

    [Fact]
    public async Task Dropping_the_only_index_a_foreign_key_uses_re_adds_the_key_so_InnoDB_makes_its_own()
    {
        await using var project = await MySqlProject.CreateAsync("fk_cover");
        await StepAsync(project, Model(withIndex: true));
        Assert.Equal(1, await IndexCountAsync(project));

        await StepAsync(project, Model());
        Assert.Equal(1, await IndexCountAsync(project));
        await project.RollbackAsync("-1");
        Assert.True((await project.PlanAsync(Model(withIndex: true))).IsEmpty);
    }

    private static string Covered(bool withIndexes, bool renamed = false)
    {
        var role = withIndexes && renamed ? "role_ref" : "role_id";
        return $$"""
            tables:
              roles:
                columns:
                  id: { type: int, primary_key: true }
              users:
                columns:
                  id:      { type: int, primary_key: true }
                  {{role}}: { type: int, nullable: true{{(role == "role_id" ? "" : ", renamed_from: role_id")}} }
                  name:    { type: varchar(40), nullable: true }
                foreign_keys:
                  fk_users_role: { columns: [{{role}}], references: { table: roles, columns: [id] } }

            """ + (withIndexes ? $$"""
                indexes:
                  ix_users_role_name: { columns: [{{role}}, name] }
                  uq_users_role_id:   { columns: [{{role}}, id], unique: true }

            """ : "");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task New_indexes_that_cover_a_foreign_key_replace_InnoDBs_own_in_one_statement_and_rollback_restores_it(bool renamed)
    {
        await using var project = await MySqlProject.CreateAsync("fk_covered");
        await StepAsync(project, Covered(withIndexes: false));
        await project.ExecuteAsync("INSERT INTO roles VALUES (1); INSERT INTO users VALUES (10, 1, 'a');");
        var before = await project.IntrospectAsync();

        var plan = await project.PlanAsync(Covered(withIndexes: true, renamed));
        PlannedStatements.AssertSplit(MySqlProject.Dialect, plan);
        Golden.Verify($"mysql/ForeignKeyCoveredByNewIndexes{(renamed ? "AndRenamed" : "")}.sql", plan.UpScript + "-- down\n" + plan.DownScript);
        await StepAsync(project, Covered(withIndexes: true, renamed));
        Assert.Equal(2, await IndexCountAsync(project));

        await project.RollbackAsync("-1");
        Assert.Equal(before, await project.IntrospectAsync());
        Assert.Equal(["fk_users_role"], (await project.QueryAsync(
            "SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND INDEX_NAME <> 'PRIMARY'")).Select(r => (string)r[0]!));
        Assert.Equal([10L, 1L], (await project.QueryAsync("SELECT id, role_id FROM users")).Single().Select(Convert.ToInt64));
    }
}
