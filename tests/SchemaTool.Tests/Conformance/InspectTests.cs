using Microsoft.Data.Sqlite;
using SchemaTool.Cli;
using SchemaTool.Dialects;
using SchemaTool.Planning;
using SchemaTool.Project;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Conformance;

public sealed class InspectTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schematool-inspect-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> DatabaseAsync(string sql)
    {
        var path = Path.Combine(_folder, "app.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
        return path;
    }

    [Fact]
    public async Task Plan_finds_nothing_to_do_after_inspect()
    {
        var path = await DatabaseAsync("""
            CREATE TABLE roles (id INTEGER PRIMARY KEY AUTOINCREMENT, name varchar(64) NOT NULL UNIQUE);
            CREATE TABLE users (
              id integer NOT NULL PRIMARY KEY,
              username text NOT NULL COLLATE NOCASE,
              email varchar(255) DEFAULT 'none',
              score real DEFAULT -1.5,
              active boolean NOT NULL DEFAULT TRUE,
              created_at timestamp DEFAULT CURRENT_TIMESTAMP,
              role_id int REFERENCES roles(id) ON DELETE SET NULL,
              CONSTRAINT ck_users_name CHECK (username <> ''),
              CHECK (score > -10)
            );
            CREATE INDEX ix_users_username ON users (username);
            CREATE UNIQUE INDEX users_email ON users (email DESC) WHERE email IS NOT NULL;
            CREATE INDEX users_lower ON users (lower(email));
            CREATE VIEW v_users AS SELECT id FROM users;
            """);
        var dialect = DialectRegistry.Get("sqlite");
        await using var session = await dialect.OpenAsync(dialect.ParseTarget("sqlite:" + path, _folder), CancellationToken.None);
        var inspection = await Inspector.InspectAsync(session, CancellationToken.None);

        Assert.Contains("views:\n  v_users: { sql: \"SELECT id FROM users\" }\n", inspection.Yaml);
        Assert.Contains("username:   { type: text, index: true, collation: NOCASE }", inspection.Yaml);
        Assert.Contains("role_id:    { declared_type: int, nullable: true, references: roles.id, on_delete: set null }", inspection.Yaml);
        Assert.DoesNotContain("ix_users_username", inspection.Yaml);
        var model = ModelLoader.Load("inspected.yaml", inspection.Yaml);
        var plan = await Planner.CreateAsync(session, await session.IntrospectAsync(CancellationToken.None), model, CancellationToken.None);
        Assert.True(plan.IsEmpty, plan.UpScript);
    }

    [Fact]
    public async Task The_command_writes_the_file_with_views_and_table_options_and_leaves_nothing_alone()
    {
        await DatabaseAsync("CREATE TABLE t (id INTEGER PRIMARY KEY); CREATE TABLE kv (k TEXT PRIMARY KEY) WITHOUT ROWID; CREATE VIEW v AS SELECT id FROM t;");
        File.WriteAllText(Path.Combine(_folder, "schematool.yaml"), "database: sqlite:app.db\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(["inspect", "-o", Path.Combine(_folder, "schema", "inspected.yaml"), "--project", _folder, "--no-color"], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.DoesNotContain("left alone", stderr.ToString());
        Assert.Equal("""
            tables:
              kv:
                without_rowid: true
                columns:
                  k: { type: TEXT, primary_key: true }
              t:
                columns:
                  id: { type: INTEGER, nullable: true, primary_key: true }
            views:
              v: { sql: "SELECT id FROM t" }

            """.ReplaceLineEndings("\n"), File.ReadAllText(Path.Combine(_folder, "schema", "inspected.yaml")));

        var plan = CommandLine.Run(["plan", "--dry-run", "--project", _folder, "--no-color"], stdout, stderr);
        Assert.Equal(0, plan);
        Assert.Contains("no changes", stdout.ToString());
    }
}
