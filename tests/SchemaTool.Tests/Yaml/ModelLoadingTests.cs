using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Yaml;

public sealed class ModelLoadingTests
{
    // SPEC.md's model, with every key it names.
    private const string SpecModel = """
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
              email:      { type: varchar(255), nullable: true, collation: nocase }
              role_id:    { type: int, nullable: true, references: roles.id, on_delete: set null, on_update: cascade }
              active:     { type: boolean, default: true }
              created_at: { type: timestamp, default_sql: CURRENT_TIMESTAMP }
              login:      { type: varchar(64), renamed_from: user_login, comment: the sign-in name }
              score:      { type: "decimal(10,2)", default: 1.5 }
              title:      { type: text, default: "it's" }
              full_name:  { type: text, nullable: true, generated: { expression: "username || email", stored: true } }
            indexes:
              ix_users_created: { columns: [created_at, id] }
              uq_users_email:   { columns: [email], unique: true }
              ix_users_recent:  { columns: [{ column: created_at, order: desc }], where: "active" }
              ix_users_lower:   { columns: [{ expression: "lower(username)" }] }
              ix_users_trgm:    { using: gin, columns: [{ column: username, opclass: gin_trgm_ops }] }
              ix_users_prefix:  { columns: [{ column: email, length: 32, collation: nocase }], comment: short }
              uq_users_login:   { columns: [login], unique: true, constraint: true }
            foreign_keys:
              fk_users_role:    { columns: [role_id], references: { table: roles, columns: [id] }, on_delete: set null, on_update: restrict, deferrable: initially deferred }
            checks:
              ck_users_username: "username <> ''"
          memberships:
            renamed_from: old_memberships
            columns:
              user_id: { type: bigint }
              role_id: { type: int }
            primary_key: [user_id, role_id]
        """;

    [Fact]
    public void Every_spec_key_is_loaded()
    {
        var schema = ModelLoader.Load("schema/model.yaml", SpecModel);

        Assert.Equal(["memberships", "roles", "users"], schema.Tables.Select(t => t.Name));
        var users = schema.FindTable("users")!;
        Assert.Equal("people who sign in", users.Comment);
        Assert.Equal(new PrimaryKey(new[] { "id" }), users.PrimaryKey);
        Assert.Equal(
            new Column[]
            {
                new("id", "bigint", AutoIncrement: true),
                new("username", "varchar(64)"),
                new("email", "varchar(255)", Nullable: true, Collation: "nocase"),
                new("role_id", "int", Nullable: true),
                new("active", "boolean", Default: ColumnDefault.Boolean(true)),
                new("created_at", "timestamp", Default: ColumnDefault.Sql("CURRENT_TIMESTAMP")),
                new("login", "varchar(64)", Comment: "the sign-in name", RenamedFrom: "user_login"),
                new("score", "decimal(10,2)", Default: ColumnDefault.Number("1.5")),
                new("title", "text", Default: ColumnDefault.String("it's")),
                new("full_name", "text", Nullable: true, Generated: new GeneratedColumn("username || email", Stored: true)),
            },
            users.Columns);

        Assert.Equal(
            new TableIndex[]
            {
                new("ix_users_created", new[] { IndexPart.Of("created_at"), IndexPart.Of("id") }),
                new("ix_users_lower", new[] { new IndexPart(null, Expression: "lower(username)") }),
                new("ix_users_prefix", new[] { new IndexPart("email", Length: 32, Collation: "nocase") }, Comment: "short"),
                new("ix_users_recent", new[] { new IndexPart("created_at", Descending: true) }, Where: "active"),
                new("ix_users_trgm", new[] { new IndexPart("username", OpClass: "gin_trgm_ops") }, Method: "gin"),
                new("ix_users_username", new[] { IndexPart.Of("username") }, Unique: true),
                new("uq_users_email", new[] { IndexPart.Of("email") }, Unique: true),
                new("uq_users_login", new[] { IndexPart.Of("login") }, Unique: true, Constraint: true),
            },
            users.Indexes);

        Assert.Equal(
            new ForeignKey[]
            {
                new("fk_users_role", new[] { "role_id" }, "roles", new[] { "id" }, ReferentialAction.SetNull, ReferentialAction.Restrict, Deferrability.InitiallyDeferred),
                new("fk_users_role_id", new[] { "role_id" }, "roles", new[] { "id" }, ReferentialAction.SetNull, ReferentialAction.Cascade),
            },
            users.ForeignKeys);
        Assert.Equal([new Check("ck_users_username", "username <> ''")], users.Checks);

        var roles = schema.FindTable("roles")!;
        Assert.Equal([new Column("id", "int", AutoIncrement: true), new Column("name", "varchar(64)")], roles.Columns);
        Assert.Equal([new TableIndex("uq_roles_name", new[] { IndexPart.Of("name") }, Unique: true)], roles.Indexes);

        var memberships = schema.FindTable("memberships")!;
        Assert.Equal("old_memberships", memberships.RenamedFrom);
        Assert.Equal(new PrimaryKey(new[] { "user_id", "role_id" }), memberships.PrimaryKey);
    }

    [Fact]
    public void Columns_are_not_null_unless_nullable()
    {
        var schema = ModelLoader.Load("m.yaml", "tables:\n  t:\n    columns:\n      a: { type: int }\n      b: { type: int, nullable: true }\n      c: { type: int, nullable: false }\n");
        Assert.Equal([false, true, false], schema.Tables[0].Columns.Select(c => c.Nullable));
    }

    [Theory]
    [InlineData("default: 0", DefaultKind.Number, "0")]
    [InlineData("default: -12.5", DefaultKind.Number, "-12.5")]
    [InlineData("default: false", DefaultKind.Boolean, "false")]
    [InlineData("default: \"true\"", DefaultKind.String, "true")]
    [InlineData("default: \"42\"", DefaultKind.String, "42")]
    [InlineData("default: draft", DefaultKind.String, "draft")]
    [InlineData("default: ''", DefaultKind.String, "")]
    [InlineData("default_sql: \"lower('X')\"", DefaultKind.Sql, "lower('X')")]
    public void Defaults_keep_their_kind(string yaml, DefaultKind kind, string text)
    {
        var schema = ModelLoader.Load("m.yaml", $"tables:\n  t:\n    columns:\n      a: {{ type: text, {yaml} }}\n");
        Assert.Equal(new ColumnDefault(kind, text), schema.Tables[0].Columns[0].Default);
    }

    [Fact]
    public void Files_are_merged_and_tables_sorted_by_name()
    {
        var schema = ModelLoader.Load([
            ("schema/b.yaml", "tables:\n  zebras:\n    columns:\n      id: { type: int, primary_key: true }\n"),
            ("schema/a.yaml", "tables:\n  apes:\n    columns:\n      id: { type: int, primary_key: true }\n      zebra_id: { type: int, references: zebras.id }\n"),
        ]);
        Assert.Equal(["apes", "zebras"], schema.Tables.Select(t => t.Name));
        Assert.Equal("zebras", schema.FindTable("apes")!.ForeignKeys.Single().ReferencedTable);
    }

    [Fact]
    public void An_empty_file_is_an_empty_schema()
    {
        Assert.Empty(ModelLoader.Load("m.yaml", "").Tables);
        Assert.Empty(ModelLoader.Load("m.yaml", "tables:\n").Tables);
    }

    [Fact]
    public void LoadPath_reads_yaml_and_yml_files_of_a_folder_and_nothing_else()
    {
        var dir = Directory.CreateTempSubdirectory("schematool-model-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.yaml"), "tables:\n  a:\n    columns:\n      id: { type: int }\n");
            Directory.CreateDirectory(Path.Combine(dir.FullName, "more"));
            File.WriteAllText(Path.Combine(dir.FullName, "more", "b.yml"), "tables:\n  b:\n    columns:\n      id: { type: int }\n");
            File.WriteAllText(Path.Combine(dir.FullName, "notes.txt"), "not: [yaml");
            Assert.Equal(["a", "b"], ModelLoader.LoadPath(dir.FullName).Tables.Select(t => t.Name));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
