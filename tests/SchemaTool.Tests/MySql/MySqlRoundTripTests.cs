namespace SchemaTool.Tests.MySql;

/// <summary>A model applied to a real MariaDB server reads back equal: the second plan is empty.</summary>
public sealed class MySqlRoundTripTests
{
    private const string Model = """
        tables:
          roles:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(64), unique: true }
          users:
            comment: people who sign in
            columns:
              id:         { type: bigint, primary_key: true, auto_increment: true }
              username:   { type: varchar(64), unique: true, index: true }
              email:      { type: varchar(255), nullable: true, comment: "it's \\ here" }
              role_id:    { type: int, nullable: true, references: roles.id, on_delete: set null }
              active:     { type: boolean, default: true }
              score:      { type: "decimal(10, 2)", default: 1.50 }
              ratio:      { type: double, default: 1e3 }
              title:      { type: varchar(20), default: "it's \\ x" }
              code:       { type: varchar(5), default: 5 }
              created_at: { type: timestamp, default_sql: CURRENT_TIMESTAMP }
              seen_at:    { type: timestamptz, nullable: true }
              token:      { type: uuid, default_sql: "uuid()" }
              meta:       { type: json, nullable: true }
              payload:    { type: binary, nullable: true }
              body:       { type: text, nullable: true }
              small:      { type: smallint unsigned, default: 0 }
              kind:       { type: "enum('a', 'b')", default: a }
              name_bin:   { type: varchar(10), nullable: true, collation: utf8mb4_bin }
              double_score: { type: int, nullable: true, generated: { expression: "score * 2", stored: true } }
            indexes:
              ix_users_created: { columns: [created_at, id] }
              ix_users_recent:  { columns: [{ column: created_at, order: desc }] }
              ix_users_prefix:  { columns: [{ column: email, length: 32 }] }
              ix_users_body:    { columns: [{ column: body, length: 100 }] }
            checks:
              ck_users_username: "username <> '' AND small IN (0, 1, 2)"
              ck_users_lower: "LOWER(username) != 'root'"
        """;

    [Fact]
    public async Task A_model_applied_to_MariaDB_plans_nothing_the_second_time()
    {
        await using var project = await MySqlProject.CreateAsync("roundtrip");
        var revision = await project.PlanRevisionAsync(Model, "init");
        Assert.NotNull(revision);
        await project.ApplyAsync();

        var second = await project.PlanAsync(Model);
        Assert.True(second.IsEmpty, second.UpScript);
    }
}
