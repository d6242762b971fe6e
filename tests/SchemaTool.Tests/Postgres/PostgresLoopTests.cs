using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Postgres;

/// <summary>The whole loop on a real PostgreSQL 15: plan, apply, converge, change, roll back.</summary>
public sealed class PostgresLoopTests
{
    private const string First = """
        tables:
          roles:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(64), unique: true }
          users:
            comment: people who sign in
            columns:
              id:         { type: bigint, primary_key: true, auto_increment: true }
              username:   { type: varchar(64), unique: true }
              user_login: { type: varchar(32), nullable: true }
              email:      { type: varchar(100), nullable: true, comment: where mail goes }
              nickname:   { type: text, nullable: true }
              score:      { type: "decimal(10,2)", default: 0 }
              active:     { type: boolean, default: true }
              status:     { type: varchar(16), default: draft }
              created_at: { type: timestamp, default_sql: CURRENT_TIMESTAMP }
              role_id:    { type: int, nullable: true, references: roles.id, on_delete: set null }
            indexes:
              ix_users_created: { columns: [created_at, id] }
              ix_users_recent:  { columns: [{ column: created_at, order: desc }], where: "active" }
              ix_users_lower:   { columns: [{ expression: "lower(username)" }] }
            checks:
              ck_users_username: "username <> ''"
              ck_users_status: "status IN ('draft', 'live')"
        """;

    private const string Second = """
        tables:
          roles:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(64), unique: true }
          users:
            comment: people who sign in
            columns:
              id:         { type: bigint, primary_key: true, auto_increment: true }
              username:   { type: varchar(64), unique: true }
              login:      { type: varchar(32), nullable: true, renamed_from: user_login }
              email:      { type: varchar(255), nullable: false, comment: where mail goes }
              score:      { type: "decimal(10,2)", default: 0 }
              active:     { type: boolean, default: true }
              status:     { type: varchar(16), default: draft }
              created_at: { type: timestamp, default_sql: CURRENT_TIMESTAMP }
              role_id:    { type: int, nullable: true, references: roles.id, on_delete: set null }
              team:       { type: varchar(40), nullable: true, index: true }
            indexes:
              ix_users_created: { columns: [created_at, id] }
              ix_users_recent:  { columns: [{ column: created_at, order: desc }], where: "active" }
              ix_users_lower:   { columns: [{ expression: "lower(username)" }] }
            checks:
              ck_users_username: "username <> ''"
              ck_users_status: "status IN ('draft', 'live')"
          posts:
            columns:
              id:      { type: bigint, primary_key: true, auto_increment: true }
              user_id: { type: bigint, references: users.id, on_delete: cascade }
              body:    { type: text }
        """;

    [Fact]
    public async Task Plan_apply_change_and_roll_back_keep_the_schema_and_the_rows()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(First, "first");
        var before = await db.IntrospectAsync();
        await db.ExecuteAsync("INSERT INTO roles (name) VALUES ('admin')");
        await db.ExecuteAsync("INSERT INTO users (username, user_login, email, role_id) VALUES ('ann', 'ann_l', 'ann@example.com', 1)");

        await db.ConvergeAsync(Second, "second");
        var moved = await db.QueryAsync("SELECT login, email FROM users");
        Assert.Equal(["ann_l", "ann@example.com"], moved.Single());

        await db.RollbackAsync(first.Id);
        // PostgreSQL adds a column back at the end of the table: the same schema, but for the column position.
        Assert.Equal(ColumnsByName(before), ColumnsByName(await db.IntrospectAsync()));
        var kept = await db.QueryAsync("SELECT username, user_login, email FROM users");
        Assert.Equal(["ann", "ann_l", "ann@example.com"], kept.Single());
        var again = Planner.Create(db.Dialect, await db.IntrospectAsync(), ModelLoader.Load("schema.yaml", First));
        Assert.True(again.IsEmpty, again.UpScript);

        await db.RollbackAsync("base");
        Assert.Empty((await db.IntrospectAsync()).Tables);
        Assert.Empty(await db.QueryAsync("SELECT * FROM schematool_history"));
    }

    private static Schema ColumnsByName(Schema schema) => schema with
    {
        Tables = schema.Tables.Select(t => t with { Columns = t.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).ToValueList() }).ToValueList(),
    };

    [Fact]
    public async Task The_down_file_renames_back_and_the_up_file_warns_before_dropping()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(First, "first");
        var (plan, _) = await db.PlanAsync(Second, "second");
        Assert.Contains("ALTER TABLE \"users\" RENAME COLUMN \"user_login\" TO \"login\"", plan.UpScript);
        Assert.Contains("ALTER TABLE \"users\" RENAME COLUMN \"login\" TO \"user_login\"", plan.DownScript);
        Assert.Contains("-- WARNING: drops column users.nickname", plan.UpScript);
        Assert.Contains(plan.Warnings, w => w.Contains("users.nickname"));
    }
}
