namespace SchemaTool.Tests.MySql;

/// <summary>
/// A table with a FULLTEXT index (sakila's film_text, most forum and CMS schemas) on the real MariaDB: InnoDB adds,
/// drops and moves its columns neither instantly nor with writes going on (it refuses ALGORITHM=INSTANT and
/// LOCK=NONE for them: "Fulltext index creation requires a lock"), so each such change must be planned with
/// LOCK=SHARED and named as blocking writes, in the up file and in the down file, or apply or rollback fails half-way.
/// </summary>
public sealed class MariaDbFulltextTableTests
{
    private const string Before = """
        tables:
          posts:
            columns:
              id:     { type: int, primary_key: true }
              title:  { type: varchar(100) }
              body:   { type: text, nullable: true }
              old:    { type: int, nullable: true }
              rank:   { type: int, nullable: true }
            indexes:
              posts_text: { columns: [title, body], using: fulltext }
        """;

    // Adds a column, drops one, moves one and makes one NOT NULL: the changes that rebuild the table or change its layout.
    private const string After = """
        tables:
          posts:
            columns:
              id:     { type: int, primary_key: true }
              rank:   { type: int, default: 0 }
              title:  { type: varchar(100) }
              body:   { type: text, nullable: true }
              note:   { type: varchar(40), nullable: true }
            indexes:
              posts_text: { columns: [title, body], using: fulltext }
        """;

    [Fact]
    public async Task Column_changes_on_a_fulltext_table_take_a_shared_lock_and_roll_back()
    {
        await using var project = await MySqlProject.CreateAsync("fulltext");
        await project.PlanRevisionAsync(Before, "posts");
        await project.ApplyAsync();
        await project.ExecuteAsync("INSERT INTO posts (id, title, body, old, `rank`) VALUES (1, 'a', 'b', 1, 2)");

        var change = await project.PlanRevisionAsync(After, "change");
        Assert.NotNull(change);
        Assert.DoesNotContain("LOCK=NONE", change.UpSql);
        Assert.DoesNotContain("ALGORITHM=INSTANT", change.UpSql);
        Assert.DoesNotContain("LOCK=NONE", change.DownSql);
        Assert.DoesNotContain("ALGORITHM=INSTANT", change.DownSql);
        Assert.Contains("LOCK=SHARED", change.UpSql);

        await project.ApplyAsync();
        Assert.Null(await project.PlanRevisionAsync(After, "again"));
        Assert.Equal([1, 2, "a", "b", null], (await project.QueryAsync("SELECT id, `rank`, title, body, note FROM posts")).Single());

        await project.RollbackAsync("-1");
        Assert.Null(await project.PlanRevisionAsync(Before, "back"));
        Assert.Equal([1, "a", "b", null, 2], (await project.QueryAsync("SELECT id, title, body, old, `rank` FROM posts")).Single());
    }
}
