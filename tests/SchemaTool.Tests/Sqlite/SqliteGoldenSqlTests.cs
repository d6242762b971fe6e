using SchemaTool.Dialects.Sqlite;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Tests.Support;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Sqlite;

/// <summary>
/// The SQL the SQLite dialect writes for each kind of change, up and down, kept in Golden/sqlite/*.sql so that
/// they read as documentation. Rewrite them with SCHEMATOOL_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class SqliteGoldenSqlTests
{
    private static readonly SqliteDialect Dialect = new();

    private const string Base = """
        tables:
          teams:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(64), unique: true }
          users:
            columns:
              id:       { type: int, primary_key: true, auto_increment: true }
              login:    { type: varchar(64) }
              team_id:  { type: int, nullable: true, references: teams.id, on_delete: set null }
              legacy:   { type: text, nullable: true }
            indexes:
              ix_users_login: { columns: [login] }
        """;

    private static Schema Model(string yaml) => ModelLoader.Load("schema/tables.yaml", yaml);

    /// <summary>The current schema as the database would report it (normalized), plus any unmanaged objects.</summary>
    private static Schema Current(string yaml, params UnmanagedObject[] unmanaged) =>
        Dialect.Normalize(Model(yaml)) with { Unmanaged = unmanaged.ToValueList() };

    private static string Script(Plan plan) =>
        "-- up\n" + plan.UpScript + "-- down\n" + plan.DownScript;

    private static void Verify(string name, Schema current, string desiredYaml) =>
        Golden.Verify($"sqlite/{name}.sql", Script(PlannedStatements.Create(Dialect, current, Model(desiredYaml))));

    private const string Objects = """

        views:
          team_logins: { sql: "SELECT u.login, t.name FROM users u JOIN teams t ON t.id = u.team_id" }
          logins:      { sql: "SELECT login FROM team_logins" }
        triggers:
          users_legacy:
            table: users
            timing: after
            events: [update]
            update_of: [login]
            body: "UPDATE users SET legacy = OLD.login WHERE id = NEW.id;"
        """;

    /// <summary>A plan between two models whose views and triggers an in-memory SQLite database canonicalizes, as plan's does.</summary>
    private static async Task VerifyWithObjects(string name, string currentYaml, string desiredYaml)
    {
        await using var session = await Dialect.OpenAsync(Dialect.ParseTarget("sqlite::memory:", Path.GetTempPath()), CancellationToken.None);
        var current = Dialect.Normalize(await session.CanonicalizeAsync(Model(currentYaml), CancellationToken.None));
        Golden.Verify($"sqlite/{name}.sql", Script(await Planner.CreateAsync(session, current, Model(desiredYaml), CancellationToken.None)));
    }

    [Fact]
    public Task Views_and_triggers_are_created_after_what_they_read_and_dropped_before_it() =>
        VerifyWithObjects("views_and_triggers", "tables: {}\n", Base + Objects);

    [Fact]
    public Task A_rebuild_drops_the_views_and_triggers_over_its_table_before_and_creates_them_after() =>
        VerifyWithObjects("rebuild_under_views_and_triggers", Base + Objects, Base.Replace("login:    { type: varchar(64) }", "login:    { type: varchar(80) }") + Objects);

    [Fact]
    public void A_table_and_a_column_renamed_only_by_case_are_renamed_not_recreated() =>
        Verify("rename_case_only", Current(Base),
            Base.Replace("  teams:", "  Teams:").Replace("teams.id", "Teams.id").Replace("login:    {", "Login:    {").Replace("columns: [login]", "columns: [Login]"));

    [Fact]
    public void Create_table_with_every_column_and_table_feature()
    {
        const string yaml = """
            tables:
              teams:
                columns:
                  id: { type: int, primary_key: true, auto_increment: true }
              memberships:
                columns:
                  user_id:    { type: bigint }
                  team_id:    { type: int, references: teams.id, on_delete: cascade, on_update: restrict }
                  role:       { type: varchar(16), default: "it's", collation: nocase }
                  score:      { type: "decimal(10,2)", default: 1.5 }
                  active:     { type: boolean, default: true }
                  created_at: { type: timestamp, default_sql: CURRENT_TIMESTAMP }
                  due:        { type: date, nullable: true, default_sql: "date('now', '+7 days')" }
                  payload:    { type: json, nullable: true }
                  upper_role: { type: text, generated: { expression: "upper(role)", stored: false } }
                  doubled:    { type: real, generated: { expression: "score * 2", stored: true } }
                primary_key: [user_id, team_id]
                indexes:
                  uq_memberships_role: { columns: [team_id, role], unique: true, constraint: true }
                  ix_memberships_recent: { columns: [{ column: created_at, order: desc }], where: "active = 1" }
                  ix_memberships_lower: { columns: [{ expression: "lower(role)" }] }
                  ix_memberships_role_nocase: { columns: [{ column: role, collation: nocase }] }
                checks:
                  ck_memberships_score: "score >= 0"
            """;
        Verify("create_table", Schema.Empty, yaml);
    }

    [Fact]
    public void Drop_table() =>
        Verify("drop_table", Current(Base), Base[..Base.IndexOf("  users:", StringComparison.Ordinal)]);

    [Fact]
    public void Rename_table() =>
        Verify("rename_table", Current(Base), Base.Replace("  teams:\n", "  squads:\n    renamed_from: teams\n").Replace("teams.id", "squads.id"));

    [Fact]
    public void Add_column_in_place() =>
        Verify("add_column", Current(Base), Base.Replace("      legacy:", "      bio:      { type: text, nullable: true }\n      points:   { type: int, default: 0 }\n      legacy:"));

    [Fact]
    public void Drop_column_in_place() =>
        Verify("drop_column", Current(Base), Base.Replace("      legacy:   { type: text, nullable: true }\n", ""));

    [Fact]
    public void Rename_column() =>
        Verify("rename_column", Current(Base), Base.Replace("      login:    { type: varchar(64) }", "      username: { type: varchar(64), renamed_from: login }").Replace("[login]", "[username]"));

    /// <summary>
    /// The shorthand's index follows the column's name (ix_users_login -> ix_users_username). SQLite cannot rename an
    /// index: it is dropped and created again, in the revision's transaction.
    /// </summary>
    [Fact]
    public void Rename_column_with_a_generated_index()
    {
        var shorthand = Base.Replace("    indexes:\n      ix_users_login: { columns: [login] }", "", StringComparison.Ordinal)
            .Replace("      login:    { type: varchar(64) }", "      login:    { type: varchar(64), index: true }", StringComparison.Ordinal);
        Assert.DoesNotContain("indexes:", shorthand);
        Verify("rename_column_generated_index", Current(shorthand),
            shorthand.Replace("      login:    { type: varchar(64), index: true }", "      username: { type: varchar(64), index: true, renamed_from: login }", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_and_drop_indexes() =>
        Verify("indexes", Current(Base), Base.Replace("      ix_users_login: { columns: [login] }",
            "      ix_users_team_login: { columns: [team_id, { column: login, order: desc }], unique: true, where: \"team_id IS NOT NULL\" }\n" +
            "      ix_users_lower_login: { columns: [{ expression: \"lower(login)\" }] }"));

    [Fact]
    public void Rebuild_for_a_wider_type_and_not_null() =>
        Verify("rebuild_alter_column", Current(Base), Base
            .Replace("login:    { type: varchar(64) }", "login:    { type: varchar(128) }")
            .Replace("team_id:  { type: int, nullable: true,", "team_id:  { type: int,"));

    [Fact]
    public void Rebuild_for_a_narrower_type_carries_the_warning() =>
        Verify("rebuild_narrowing", Current(Base), Base
            .Replace("login:    { type: varchar(64) }", "login:    { type: varchar(16) }")
            .Replace("legacy:   { type: text, nullable: true }", "legacy:   { type: int, nullable: true }"));

    [Fact]
    public void Rebuild_for_a_foreign_key_and_a_check() =>
        Verify("rebuild_constraints", Current(Base), Base
            .Replace("team_id:  { type: int, nullable: true, references: teams.id, on_delete: set null }", "team_id:  { type: int, nullable: true }")
            .Replace("legacy:   { type: text, nullable: true }", "legacy:   { type: text, nullable: true, references: teams.name, on_update: cascade }")
            .Replace("    indexes:\n      ix_users_login", "    checks:\n      ck_users_login: \"login <> ''\"\n    indexes:\n      ix_users_login"));

    [Fact]
    public void Rebuild_with_a_renamed_column_a_dropped_column_and_a_kept_trigger()
    {
        var trigger = new UnmanagedObject("trigger", "trg_users_touch", "users",
            "CREATE TRIGGER trg_users_touch AFTER UPDATE ON users BEGIN UPDATE users SET legacy = 'touched' WHERE id = NEW.id; END");
        Verify("rebuild_rename_drop_trigger", Current(Base, trigger), Base
            .Replace("      login:    { type: varchar(64) }", "      username: { type: varchar(80), renamed_from: login }")
            .Replace("[login]", "[username]")
            .Replace("      team_id:  { type: int, nullable: true, references: teams.id, on_delete: set null }\n", ""));
    }

    // Generated seed 972: the rename runs in place before the rebuild, so that users' foreign key follows it.
    [Fact]
    public void Rebuild_with_a_renamed_referenced_key() =>
        Verify("rebuild_rename_referenced_key", Current(Base), Base
            .Replace("      id:   { type: int, primary_key: true, auto_increment: true }\n      name: { type: varchar(64), unique: true }",
                "      team_no: { type: int, primary_key: true, auto_increment: true, renamed_from: id }\n      name: { type: varchar(80), unique: true }")
            .Replace("teams.id", "teams.team_no"));

    [Fact]
    public void Rebuild_for_a_new_primary_key() =>
        Verify("rebuild_primary_key", Current("tables:\n  tags:\n    columns:\n      name: { type: text }\n      kind: { type: text }\n"),
            "tables:\n  tags:\n    columns:\n      name: { type: text }\n      kind: { type: text }\n    primary_key: [kind, name]\n");

    [Fact]
    public void A_foreign_key_cycle_on_sqlite()
    {
        const string yaml = """
            tables:
              a:
                columns:
                  id:   { type: int, primary_key: true }
                  b_id: { type: int, nullable: true, references: b.id }
              b:
                columns:
                  id:   { type: int, primary_key: true }
                  a_id: { type: int, nullable: true, references: a.id }
            """;
        Verify("create_cycle", Schema.Empty, yaml);
    }

    [Fact]
    public void Declared_types_table_options_and_a_virtual_table() =>
        Verify("declared_types_and_table_options", Schema.Empty, """
            tables:
              kv:
                without_rowid: true
                strict: true
                columns:
                  k: { type: text, primary_key: true }
                  v: { declared_type: int, nullable: true }
              legacy:
                columns:
                  id:   { declared_type: INT, primary_key: true, nullable: true }
                  flag: { declared_type: bool }
                  n:    { type: int }
                  name: { type: varchar( 64 ) }
              docs:
                virtual: "fts5(title, body, tokenize='porter')"
            """);

    [Fact]
    public void Making_a_table_strict_is_a_rebuild_and_a_virtual_table_change_a_drop_and_a_create() =>
        Verify("rebuild_table_options", Current("""
            tables:
              kv:
                without_rowid: true
                columns:
                  k: { type: text, primary_key: true }
              docs:
                virtual: "fts5(title)"
            """), """
            tables:
              kv:
                without_rowid: true
                strict: true
                columns:
                  k: { type: text, primary_key: true }
              docs:
                virtual: "fts5(title, body)"
            """);
}
