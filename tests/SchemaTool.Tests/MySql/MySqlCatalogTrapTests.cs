namespace SchemaTool.Tests.MySql;

/// <summary>
/// The traps of TRAPS.md on a real MariaDB server: a schema made by hand, as a user or another tool would,
/// compared with the model that declares the same thing. Each must plan nothing.
/// </summary>
public sealed class MySqlCatalogTrapTests
{
    private static async Task AssertNoChangesAsync(string sql, string model)
    {
        await using var project = await MySqlProject.CreateAsync("trap");
        await project.ExecuteAsync(sql);
        var plan = await project.PlanAsync(model);
        Assert.True(plan.IsEmpty, plan.UpScript);
    }

    [Fact]
    public Task MariaDB_quoted_string_defaults_NULL_and_current_timestamp() => AssertNoChangesAsync("""
        CREATE TABLE t (
          id int NOT NULL PRIMARY KEY,
          name varchar(20) NOT NULL DEFAULT 'abc',
          quote varchar(20) NOT NULL DEFAULT 'it''s \\ x',
          word varchar(20) NULL DEFAULT 'NULL',
          maybe varchar(20) NULL DEFAULT NULL,
          at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
          price decimal(10,2) NOT NULL DEFAULT 1.50,
          token char(36) NOT NULL DEFAULT (uuid()),
          updated datetime NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
          touched timestamp(3) NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP(3)
        )
        """, """
        tables:
          t:
            columns:
              id:    { type: int, primary_key: true }
              name:  { type: varchar(20), default: abc }
              quote: { type: varchar(20), default: "it's \\ x" }
              word:  { type: varchar(20), nullable: true, default: "NULL" }
              maybe: { type: varchar(20), nullable: true }
              at:    { type: timestamp, default_sql: now() }
              price: { type: "decimal(10,2)", default: 1.5 }
              token: { type: uuid, default_sql: UUID() }
              updated: { type: timestamp, default_sql: CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP }
              touched: { type: timestamptz(3), nullable: true, default_sql: "NULL ON UPDATE now(3)" }
        """);

    [Fact]
    public async Task On_update_current_timestamp_survives_a_modify_column()
    {
        await using var project = await MySqlProject.CreateAsync("on_update");
        const string model = """
            tables:
              t:
                columns:
                  id: { type: int, primary_key: true }
                  updated: { type: timestamp, nullable: false, default_sql: CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP }
            """;
        await project.PlanRevisionAsync(model, "init");
        await project.ApplyAsync();
        var changed = model.Replace("nullable: false", "nullable: true");
        await project.PlanRevisionAsync(changed, "nullable");
        await project.ApplyAsync();

        Assert.True((await project.PlanAsync(changed)).IsEmpty);
        var extra = await project.QueryAsync("SELECT EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'updated'");
        Assert.Equal("on update current_timestamp()", extra.Single()[0]);
    }

    [Fact]
    public Task Tinyint_1_is_the_boolean() => AssertNoChangesAsync(
        "CREATE TABLE t (id int PRIMARY KEY, flag tinyint(1) NOT NULL DEFAULT 1, off bool NOT NULL DEFAULT FALSE)", """
        tables:
          t:
            columns:
              id:   { type: int, primary_key: true }
              flag: { type: boolean, default: true }
              off:  { type: "tinyint(1)", default: 0 }
        """);

    [Fact]
    public Task Integer_display_widths_and_unsigned() => AssertNoChangesAsync(
        "CREATE TABLE t (id bigint(20) unsigned NOT NULL PRIMARY KEY, n int(11) NOT NULL, s smallint(6) NULL)", """
        tables:
          t:
            columns:
              id: { type: bigint unsigned, primary_key: true }
              n:  { type: int }
              s:  { type: smallint, nullable: true }
        """);

    [Fact]
    public Task The_tables_default_collation_is_no_column_collation() => AssertNoChangesAsync(
        "CREATE TABLE t (id int PRIMARY KEY, a varchar(10) NOT NULL, b varchar(10) COLLATE latin1_bin NOT NULL) DEFAULT CHARSET=latin1", """
        tables:
          t:
            columns:
              id: { type: int, primary_key: true }
              a:  { type: varchar(10) }
              b:  { type: varchar(10), collation: latin1_bin }
        """);

    [Fact]
    public Task Auto_increment_with_a_moved_counter_and_PRIMARY_as_the_key_name() => AssertNoChangesAsync(
        "CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, PRIMARY KEY (id)) AUTO_INCREMENT=42; INSERT INTO t VALUES ();", """
        tables:
          t:
            columns:
              id: { type: int, auto_increment: true }
            primary_key: [id]
        """);

    [Fact]
    public Task Restrict_is_no_action_and_the_foreign_key_index_is_InnoDBs() => AssertNoChangesAsync("""
        CREATE TABLE roles (id int PRIMARY KEY);
        CREATE TABLE users (id int PRIMARY KEY, role_id int NULL, boss_id int NULL,
          CONSTRAINT fk_users_role FOREIGN KEY (role_id) REFERENCES roles (id) ON DELETE NO ACTION ON UPDATE RESTRICT,
          CONSTRAINT fk_users_boss FOREIGN KEY (boss_id) REFERENCES users (id) ON DELETE RESTRICT);
        """, """
        tables:
          roles:
            columns:
              id: { type: int, primary_key: true }
          users:
            columns:
              id:      { type: int, primary_key: true }
              role_id: { type: int, nullable: true }
              boss_id: { type: int, nullable: true }
            foreign_keys:
              fk_users_role: { columns: [role_id], references: { table: roles, columns: [id] } }
              fk_users_boss: { columns: [boss_id], references: { table: users, columns: [id] }, on_delete: restrict }
        """);

    [Fact]
    public Task Column_checks_json_valid_and_rewritten_check_expressions() => AssertNoChangesAsync("""
        CREATE TABLE t (
          id int PRIMARY KEY,
          age int NOT NULL CHECK (age > 0),
          name varchar(20) NOT NULL,
          meta json NULL,
          CONSTRAINT ck_t_name CHECK (name <> '' AND LOWER(name) != 'root' AND age IN (1, 2, 3))
        )
        """, """
        tables:
          t:
            columns:
              id:   { type: int, primary_key: true }
              age:  { type: int, check: "`age` > 0" }
              name: { type: varchar(20) }
              meta: { type: json, nullable: true }
            checks:
              ck_t_name: "name<>'' and lcase(name) <> 'root' and age in (1,2,3)"
        """);

    [Fact]
    public async Task Sequences_are_part_of_the_model_and_one_it_leaves_out_is_dropped()
    {
        await using var project = await MySqlProject.CreateAsync("unmanaged");
        await project.ExecuteAsync("""
            CREATE TABLE t (id int PRIMARY KEY);
            CREATE SEQUENCE s;
            """);
        var table = "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n";
        Assert.True((await project.PlanAsync(table + "sequences:\n  s: {}\n")).IsEmpty);
        var plan = await project.PlanAsync(table);
        Assert.Empty(plan.Current.Unmanaged);
        Assert.Contains("DROP SEQUENCE `s`;", plan.UpScript);
        Assert.Contains("CREATE SEQUENCE `s`;", plan.DownScript);
    }
}
