using SchemaTool.Revisions;

namespace SchemaTool.Tests.MySql;

/// <summary>Two apply runs at once on one database: GET_LOCK makes one wait, and no statement runs twice.</summary>
public sealed class MySqlConcurrencyTests
{
    [Fact]
    public async Task Two_migrators_applying_at_once_both_succeed_and_each_statement_runs_once()
    {
        await using var project = await MySqlProject.CreateAsync("concurrent");
        RevisionFolder.Write(project.Migrations, "111111111111", [], "runs", DateTimeOffset.UtcNow,
            "CREATE TABLE runs (n int NOT NULL);\nINSERT INTO runs VALUES (1);\nDO SLEEP(1);\nINSERT INTO runs VALUES (2);\n",
            "DROP TABLE runs;\n");
        RevisionFolder.Write(project.Migrations, "222222222222", ["111111111111"], "more", DateTimeOffset.UtcNow,
            "INSERT INTO runs VALUES (3);\n", "DELETE FROM runs WHERE n = 3;\n");

        var results = await Task.WhenAll(project.ApplyAsync(), project.ApplyAsync());

        Assert.Equal(2, results.Sum(r => r.Count));
        var rows = await project.QueryAsync("SELECT n FROM runs ORDER BY n");
        Assert.Equal([1, 2, 3], rows.Select(r => Convert.ToInt32(r[0])));
        Assert.Equal(2, (await project.HistoryAsync()).Count);
    }
}
