using SchemaTool.Apply;
using SchemaTool.Revisions;

namespace SchemaTool.Tests.MySql;

/// <summary>MySQL commits DDL as it goes: a failed revision is recorded as far as it got and resumed once fixed.</summary>
public sealed class MySqlResumeTests
{
    private const string Broken = """
        CREATE TABLE a (id int PRIMARY KEY);
        CREATE TABLE b (id int PRIMARY KEY);
        ALTER TABLE missing ADD COLUMN x int;
        CREATE TABLE c (id int PRIMARY KEY);
        """;

    [Fact]
    public async Task A_revision_failing_at_its_third_statement_is_half_applied_and_resumes_once_fixed()
    {
        await using var project = await MySqlProject.CreateAsync("resume");
        var revision = RevisionFolder.Write(project.Migrations, "a1b2c3d4e5f6", [], "three tables", DateTimeOffset.UtcNow,
            Broken, "DROP TABLE c;\nALTER TABLE a DROP COLUMN x;\nDROP TABLE b;\nDROP TABLE a;\n");

        var failure = await Assert.ThrowsAsync<StepFailedException>(() => project.ApplyAsync());
        Assert.Contains("statement 3 of 4", failure.Message);
        Assert.Contains("statements 1 to 2 of it are in place", failure.Message);
        var partial = Assert.Single(await project.HistoryAsync());
        Assert.Equal((2, 4, false), (partial.StatementsDone, partial.StatementsTotal, partial.Complete));
        Assert.Equal(["a", "b"], (await project.IntrospectAsync()).Tables.Select(t => t.Name));

        var fixedUp = revision.UpSql.Replace("ALTER TABLE missing", "ALTER TABLE a");
        File.WriteAllText(revision.UpPath, fixedUp);
        var resumed = await project.ApplyAsync();

        Assert.Equal(revision.Id, Assert.Single(resumed).Id);
        var row = Assert.Single(await project.HistoryAsync());
        Assert.Equal((4, true, RevisionFile.Checksum(fixedUp)), (row.StatementsDone, row.Complete, row.Checksum));
        var schema = await project.IntrospectAsync();
        Assert.Equal(["a", "b", "c"], schema.Tables.Select(t => t.Name));
        Assert.NotNull(schema.FindTable("a")!.FindColumn("x"));
        Assert.Empty(await project.ApplyAsync());
    }

    [Fact]
    public async Task A_down_file_failing_half_way_leaves_the_revision_half_applied_so_apply_redoes_it()
    {
        await using var project = await MySqlProject.CreateAsync("resume_down");
        var revision = RevisionFolder.Write(project.Migrations, "0a1b2c3d4e5f", [], "two tables", DateTimeOffset.UtcNow,
            "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY);\n",
            "DROP TABLE b;\nDROP TABLE nope;\n");
        await project.ApplyAsync();

        var failure = await Assert.ThrowsAsync<StepFailedException>(() => project.RollbackAsync("base"));
        Assert.Contains("down statements 1 to 1 ran", failure.Message);
        var row = Assert.Single(await project.HistoryAsync());
        Assert.Equal((1, false), (row.StatementsDone, row.Complete));

        await project.ApplyAsync();
        Assert.Equal(["a", "b"], (await project.IntrospectAsync()).Tables.Select(t => t.Name));
        File.WriteAllText(revision.DownPath, revision.DownSql.Replace("nope", "a"));
        // The down file of an applied revision is checksummed: the fix is recorded before the rollback runs it.
        await project.RehashAsync();
        await project.RollbackAsync("base");
        Assert.Empty((await project.IntrospectAsync()).Tables);
    }
}
