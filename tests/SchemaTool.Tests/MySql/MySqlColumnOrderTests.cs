namespace SchemaTool.Tests.MySql;

/// <summary>MySQL keeps the order columns are declared in; the model's order is the table's, both ways.</summary>
public sealed class MySqlColumnOrderTests
{
    private static string Model(string columns, string key = "") => $$"""
        tables:
          t:
            columns:
        {{columns}}
        {{key}}
        """;

    private const string Before = """
              id:       { type: bigint }
              name:     { type: varchar(40) }
              nickname: { type: varchar(20) }
              created:  { type: timestamp }
        """;

    private const string After = """
              serial:   { type: bigint, auto_increment: true, primary_key: true }
              nickname: { type: varchar(20) }
              id:       { type: bigint }
              name:     { type: varchar(40) }
              note:     { type: text, nullable: true }
        """;

    [Fact]
    public async Task Columns_are_added_moved_and_dropped_into_the_models_order_and_rollback_restores_it()
    {
        await using var project = await MySqlProject.CreateAsync("order");
        await project.PlanRevisionAsync(Model(Before), "init");
        await project.ApplyAsync();
        await project.ExecuteAsync("INSERT INTO t (id, name, nickname, created) VALUES (1, 'ann', 'an', NOW())");
        var before = await project.IntrospectAsync();

        var revision = await project.PlanRevisionAsync(Model(After), "reorder");
        Assert.NotNull(revision);
        await project.ApplyAsync();
        var after = await project.IntrospectAsync();
        Assert.Equal(["serial", "nickname", "id", "name", "note"], after.Tables.Single().Columns.Select(c => c.Name));
        Assert.True((await project.PlanAsync(Model(After))).IsEmpty);
        Assert.Equal([1L, "ann", "an"], (await project.QueryAsync("SELECT id, name, nickname FROM t")).Single().Select(v => v is long or int ? Convert.ToInt64(v) : v));

        await project.RollbackAsync("-1");
        Assert.Equal(before, await project.IntrospectAsync());
    }
}
