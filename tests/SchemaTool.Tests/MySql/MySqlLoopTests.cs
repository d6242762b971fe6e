using SchemaTool.Model;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// The full loop on a real MariaDB server: plan, write, apply, read back, plan again (empty), for each of the
/// skeleton's changes; then roll back to the first revision (rows kept, schema as it was) and to base.
/// </summary>
public sealed class MySqlLoopTests
{
    /// <summary>The model after the first <paramref name="changes"/> of the skeleton's changes.</summary>
    private static string Model(int changes) => $$"""
        tables:
          roles:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(64), unique: true }
          users:
            columns:
              id:       { type: bigint, primary_key: true, auto_increment: true }
              username: { type: {{(changes >= 3 ? "varchar(128)" : "varchar(32)")}}, unique: true }
              {{(changes >= 6 ? "login: { type: varchar(32), renamed_from: user_login }" : "user_login: { type: varchar(32) }")}}
              note:     { type: varchar(100), nullable: {{(changes >= 4 ? "false" : "true")}} }
              {{(changes >= 5 ? "" : "legacy: { type: int, nullable: true }")}}
              role_id:  { type: int, nullable: true, references: roles.id }
              {{(changes >= 2 ? "email: { type: varchar(255), nullable: true, index: true }" : "")}}
        {{(changes >= 1 ? Posts : "")}}
        """;

    private const string Posts = """
          posts:
            columns:
              id:      { type: bigint, primary_key: true, auto_increment: true }
              user_id: { type: bigint, references: users.id, on_delete: cascade }
              title:   { type: varchar(200) }
        """;

    /// <summary>Add a table with a foreign key, add a column with an index, widen a varchar, make a column NOT NULL, drop a column, rename a column.</summary>
    private const int ChangeCount = 6;

    [Fact]
    public async Task Skeleton_changes_apply_converge_and_roll_back_with_rows_kept()
    {
        await using var project = await MySqlProject.CreateAsync("loop");
        var first = await PlanApplyConvergeAsync(project, Model(0), "init");
        var initial = await project.IntrospectAsync();
        await project.ExecuteAsync("""
            INSERT INTO roles (name) VALUES ('admin');
            INSERT INTO users (username, user_login, note, legacy, role_id) VALUES ('ann', 'ann_l', 'hello', 7, 1);
            """);

        for (var change = 1; change <= ChangeCount; change++)
            await PlanApplyConvergeAsync(project, Model(change), $"change {change}");

        var rows = await project.QueryAsync("SELECT username, login, note, email FROM users");
        Assert.Equal(["ann", "ann_l", "hello", null], rows.Single());

        await project.RollbackAsync(first.Id);
        Assert.Equal(initial, await project.IntrospectAsync());
        var kept = await project.QueryAsync("SELECT username, user_login, note, role_id FROM users");
        Assert.Equal(["ann", "ann_l", "hello", 1], kept.Single());
        Assert.Single(await project.HistoryAsync());

        await project.RollbackAsync("base");
        Assert.Empty((await project.IntrospectAsync()).Tables);
        Assert.Empty(await project.HistoryAsync());
    }

    private static async Task<Revisions.Revision> PlanApplyConvergeAsync(MySqlProject project, string model, string message)
    {
        var revision = await project.PlanRevisionAsync(model, message);
        Assert.NotNull(revision);
        await project.ApplyAsync();
        var again = await project.PlanAsync(model);
        Assert.True(again.IsEmpty, $"after applying:\n{revision.UpSql}\nthe second plan still has:\n{again.UpScript}");
        return revision;
    }
}
