using System.Text;

namespace SchemaTool.Tests.MySql;

/// <summary>Introspection reads the catalog once per object kind: its cost does not grow with the tables.</summary>
public sealed class MySqlIntrospectionCostTests
{
    [Fact]
    public async Task Introspection_sends_the_same_few_statements_for_10_and_500_tables()
    {
        await using var project = await MySqlProject.CreateAsync("cost");
        await CreateTablesAsync(project, 0, 10);
        var atTen = await StatementsToIntrospectAsync(project);
        await CreateTablesAsync(project, 10, 500);
        var atFiveHundred = await StatementsToIntrospectAsync(project);

        Assert.Equal(atTen, atFiveHundred);
        // tables, columns, indexes, foreign keys, checks, the objects the model leaves alone, views and routines
        // (none here: one SHOW CREATE each), triggers, events
        Assert.Equal(10, atTen);
    }

    private static async Task<int> StatementsToIntrospectAsync(MySqlProject project)
    {
        await using var session = await project.OpenAsync();
        var before = session.StatementsSent;
        var schema = await session.IntrospectAsync(CancellationToken.None);
        Assert.NotEmpty(schema.Tables);
        return session.StatementsSent - before;
    }

    private static Task CreateTablesAsync(MySqlProject project, int from, int to)
    {
        var sql = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            var parent = i == 0 ? "" : $", parent_id int NULL, CONSTRAINT fk_t{i} FOREIGN KEY (parent_id) REFERENCES t{i - 1} (id)";
            sql.Append($"CREATE TABLE t{i} (id int PRIMARY KEY, name varchar(20) NOT NULL DEFAULT 'x', UNIQUE KEY uq_t{i} (name), CONSTRAINT ck_t{i} CHECK (id > 0){parent});\n");
        }
        return project.ExecuteAsync(sql.ToString());
    }
}
