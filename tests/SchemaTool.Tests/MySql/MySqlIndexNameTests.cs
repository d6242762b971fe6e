namespace SchemaTool.Tests.MySql;

/// <summary>
/// Index names belong to their table in MySQL: two tables may each have an index `idx_user` (most real MySQL
/// schemas do), and a change to one of them leaves the other alone.
/// </summary>
public sealed class MySqlIndexNameTests
{
    private const string Model = """
        tables:
          users:
            columns:
              id: { type: int, primary_key: true }
          posts:
            columns:
              id:      { type: int, primary_key: true }
              user_id: { type: int, references: users.id }
              title:   { type: varchar(64) }
            indexes:
              idx_user: { columns: [user_id, title] }
          comments:
            columns:
              id:      { type: int, primary_key: true }
              user_id: { type: int, references: users.id }
              body:    { type: varchar(64) }
            indexes:
              idx_user: { columns: [user_id] }
        """;

    private static async Task<List<string>> IndexesAsync(MySqlProject project) =>
        (await project.QueryAsync("""
            SELECT CONCAT(TABLE_NAME, '.', INDEX_NAME, '(', GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX), ')')
            FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY' AND TABLE_NAME NOT LIKE 'schematool%'
            GROUP BY TABLE_NAME, INDEX_NAME ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Two_tables_each_with_an_index_idx_user_plan_apply_and_read_back_equal()
    {
        await using var project = await MySqlProject.CreateAsync("same_index");
        Assert.NotNull(await project.PlanRevisionAsync(Model, "init"));
        await project.ApplyAsync();
        Assert.Equal(["comments.idx_user(user_id)", "posts.idx_user(user_id,title)"], await IndexesAsync(project));
        var again = await project.PlanAsync(Model);
        Assert.True(again.IsEmpty, again.UpScript);
    }

    [Theory]
    [InlineData("drop", "comments.fk_comments_user_id(user_id)", "posts.idx_user(user_id,title)")]
    [InlineData("rename", "comments.idx_user(user_id)", "posts.idx_posts_user(user_id,title)")]
    [InlineData("change", "comments.idx_user(user_id)", "posts.idx_user(user_id)")]
    public async Task Dropping_renaming_or_changing_one_of_two_same_named_indexes_leaves_the_other_alone(string change, string comments, string posts)
    {
        await using var project = await MySqlProject.CreateAsync("same_index_change");
        await project.PlanRevisionAsync(Model, "init");
        await project.ApplyAsync();
        var before = await IndexesAsync(project);

        var changed = change switch
        {
            // The comments key keeps its foreign key, which InnoDB then covers with an index of its own.
            "drop" => Model.Replace("""

                    indexes:
                      idx_user: { columns: [user_id] }
                """, ""),
            "rename" => Model.Replace("idx_user: { columns: [user_id, title] }", "idx_posts_user: { columns: [user_id, title] }"),
            _ => Model.Replace("idx_user: { columns: [user_id, title] }", "idx_user: { columns: [user_id] }"),
        };
        Assert.NotEqual(Model, changed);
        Assert.NotNull(await project.PlanRevisionAsync(changed, change));
        await project.ApplyAsync();
        Assert.Equal([comments, posts], await IndexesAsync(project));
        var again = await project.PlanAsync(changed);
        Assert.True(again.IsEmpty, again.UpScript);

        await project.RollbackAsync("-1");
        Assert.Equal(before, await IndexesAsync(project));
    }

    [Fact]
    public async Task A_schema_where_tables_share_index_names_is_adopted_by_inspect_plan_and_apply()
    {
        var yaml = await MySqlAdoption.RoundTripAsync("""
            CREATE TABLE users (id int NOT NULL PRIMARY KEY, username varchar(32) NOT NULL, UNIQUE KEY username (username));
            CREATE TABLE profiles (id int NOT NULL PRIMARY KEY, username varchar(32) NOT NULL, user_id int NOT NULL,
              UNIQUE KEY username (username), KEY idx_user (user_id), CONSTRAINT fk_profiles_user FOREIGN KEY (user_id) REFERENCES users (id));
            CREATE TABLE logins (id int NOT NULL PRIMARY KEY, user_id int NOT NULL, KEY idx_user (user_id),
              CONSTRAINT fk_logins_user FOREIGN KEY (user_id) REFERENCES users (id));
            """);
        Assert.Contains("idx_user:", yaml);
    }
}
