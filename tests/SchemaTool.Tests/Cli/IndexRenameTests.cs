using MySqlConnector;
using Npgsql;
using SchemaTool.Dialects;
using SchemaTool.Planning;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Support;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Cli;

/// <summary>
/// Renaming a column renames the index or unique constraint that a shorthand generated for it (ix_users_username
/// -> ix_users_login) instead of dropping and building it again: on PostgreSQL and MariaDB the index keeps its
/// identity (same OID / InnoDB index id), the down file renames it back, and a second plan finds nothing. SQLite
/// cannot rename an index: there it is dropped and created again inside the revision's transaction.
/// </summary>
public sealed class IndexRenameTests
{
    private const string Before = """
        tables:
          users:
            columns:
              id:       { type: int, primary_key: true }
              username: { type: varchar(64), index: true }
              email:    { type: varchar(255), unique: true }
              code:     { type: varchar(16) }
            indexes:
              uq_users_code: { columns: [code], unique: true, constraint: true }
        """;

    private const string After = """
        tables:
          users:
            columns:
              id:     { type: int, primary_key: true }
              login:  { type: varchar(64), index: true, renamed_from: username }
              mail:   { type: varchar(255), unique: true, renamed_from: email }
              code:   { type: varchar(16) }
            indexes:
              uq_users_code_v2: { columns: [code], unique: true, constraint: true }
        """;

    /// <summary>The whole plan, up and down, in Golden/{dialect}/ (SCHEMATOOL_UPDATE_GOLDEN=1 rewrites it).</summary>
    [Theory]
    [InlineData("postgres", "postgres/rename_column_generated_index.sql")]
    [InlineData("mysql", "mysql/RenameColumnGeneratedIndex.sql")]
    public void The_plan_renames_the_column_then_its_indexes(string dialectName, string golden)
    {
        var dialect = DialectRegistry.Get(dialectName);
        var current = dialect.Normalize(ModelLoader.Load("schema/tables.yaml", Before));
        var plan = Planner.Create(dialect, current, ModelLoader.Load("schema/tables.yaml", After));
        Golden.Verify(golden, "-- up\n" + plan.UpScript + "-- down\n" + plan.DownScript);
    }

    private static TempProject Project(string url)
    {
        var project = new TempProject();
        File.WriteAllText(Path.Combine(project.Directory, "schematool.yaml"), $"database: {url}\nschema: schema\nmigrations: migrations\n");
        return project;
    }

    private static string Up(TempProject project, string message) =>
        File.ReadAllText(Directory.GetFiles(project.MigrationsDirectory, $"*_{message}.up.sql").Single());

    private static string Down(TempProject project, string message) =>
        File.ReadAllText(Directory.GetFiles(project.MigrationsDirectory, $"*_{message}.down.sql").Single());

    [Fact]
    public async Task Postgres_renames_indexes_and_constraints_in_place_and_back()
    {
        var server = PostgresServer.Shared;
        var database = await server.CreateDatabaseAsync("ixrename");
        try
        {
            using var project = Project(server.Url(database));
            project.WriteModel(Before);
            project.Ok("plan", "-m", "first");
            project.Ok("apply");
            var before = await PostgresOidsAsync(server, database, "ix_users_username", "uq_users_email", "uq_users_code");
            Assert.All(before, oid => Assert.Matches(@"^\d+/(\d+|-)$", oid));
            Assert.EndsWith("/-", before[0]); // an index; the last is a constraint with its own OID
            Assert.DoesNotMatch("/-$", before[2]);

            project.WriteModel(After);
            var plan = project.Ok("plan", "-m", "rename");
            Assert.Contains("rename index ix_users_username on users to ix_users_login", plan.Stdout);
            var up = Up(project, "rename");
            Assert.Contains("ALTER INDEX \"ix_users_username\" RENAME TO \"ix_users_login\";\n", up);
            Assert.Contains("ALTER INDEX \"uq_users_email\" RENAME TO \"uq_users_mail\";\n", up);
            Assert.Contains("ALTER TABLE \"users\" RENAME CONSTRAINT \"uq_users_code\" TO \"uq_users_code_v2\";\n", up);
            Assert.DoesNotContain("DROP INDEX", up);
            Assert.DoesNotContain("CREATE", up);
            Assert.DoesNotContain("DROP CONSTRAINT", up);
            var down = Down(project, "rename");
            Assert.Contains("ALTER INDEX \"ix_users_login\" RENAME TO \"ix_users_username\";\n", down);
            Assert.Contains("ALTER TABLE \"users\" RENAME CONSTRAINT \"uq_users_code_v2\" TO \"uq_users_code\";\n", down);

            project.Ok("apply");
            Assert.Equal(before, await PostgresOidsAsync(server, database, "ix_users_login", "uq_users_mail", "uq_users_code_v2"));
            Assert.Contains("no changes", project.Ok("plan", "-m", "again").Stdout);

            project.Ok("rollback", "-1");
            Assert.Equal(before, await PostgresOidsAsync(server, database, "ix_users_username", "uq_users_email", "uq_users_code"));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    /// <summary>The OIDs of the named indexes (pg_class) and, for a constraint's index, of its constraint too.</summary>
    private static async Task<List<string>> PostgresOidsAsync(PostgresServer server, string database, params string[] indexes)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        var oids = new List<string>();
        foreach (var name in indexes)
        {
            await using var cmd = new NpgsqlCommand(
                "SELECT c.oid::text || '/' || coalesce((SELECT k.oid::text FROM pg_constraint k WHERE k.conindid = c.oid), '-') " +
                "FROM pg_class c WHERE c.relname = @name AND c.relkind = 'i'", connection);
            cmd.Parameters.AddWithValue("name", name);
            oids.Add(await cmd.ExecuteScalarAsync() as string ?? $"no index {name}");
        }
        return oids;
    }

    [Fact]
    public async Task MariaDb_renames_indexes_in_place_and_back()
    {
        var server = MariaDbServer.Shared;
        var database = await server.CreateDatabaseAsync("ixrename");
        try
        {
            using var project = Project(server.Url(database));
            project.WriteModel(Before);
            project.Ok("plan", "-m", "first");
            project.Ok("apply");
            var before = await InnoDbIndexIdsAsync(server, database, "ix_users_username", "uq_users_email", "uq_users_code");
            Assert.All(before, id => Assert.Matches(@"^\d+$", id));

            project.WriteModel(After);
            project.Ok("plan", "-m", "rename");
            var up = Up(project, "rename");
            Assert.Contains("ALTER TABLE `users` RENAME INDEX `ix_users_username` TO `ix_users_login`, ALGORITHM=INSTANT;\n", up);
            Assert.Contains("ALTER TABLE `users` RENAME INDEX `uq_users_email` TO `uq_users_mail`, ALGORITHM=INSTANT;\n", up);
            Assert.Contains("ALTER TABLE `users` RENAME INDEX `uq_users_code` TO `uq_users_code_v2`, ALGORITHM=INSTANT;\n", up);
            Assert.DoesNotContain("DROP INDEX", up);
            Assert.DoesNotContain("ADD UNIQUE", up);
            Assert.Contains("ALTER TABLE `users` RENAME INDEX `ix_users_login` TO `ix_users_username`, ALGORITHM=INSTANT;\n", Down(project, "rename"));

            project.Ok("apply");
            Assert.Equal(before, await InnoDbIndexIdsAsync(server, database, "ix_users_login", "uq_users_mail", "uq_users_code_v2"));
            Assert.Contains("no changes", project.Ok("plan", "-m", "again").Stdout);

            project.Ok("rollback", "-1");
            Assert.Equal(before, await InnoDbIndexIdsAsync(server, database, "ix_users_username", "uq_users_email", "uq_users_code"));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    /// <summary>InnoDB's id of each named index of users: a rebuilt index gets a new one, a renamed one keeps it.</summary>
    private static async Task<List<string>> InnoDbIndexIdsAsync(MariaDbServer server, string database, params string[] indexes)
    {
        await using var connection = new MySqlConnection(server.ConnectionString(database));
        await connection.OpenAsync();
        var ids = new List<string>();
        foreach (var name in indexes)
        {
            await using var cmd = new MySqlCommand(
                "SELECT i.INDEX_ID FROM information_schema.INNODB_SYS_INDEXES i JOIN information_schema.INNODB_SYS_TABLES t ON t.TABLE_ID = i.TABLE_ID " +
                "WHERE t.NAME = @table AND i.NAME = @name", connection);
            cmd.Parameters.AddWithValue("@table", database + "/users");
            cmd.Parameters.AddWithValue("@name", name);
            ids.Add((await cmd.ExecuteScalarAsync())?.ToString() ?? $"no index {name}");
        }
        return ids;
    }

    [Fact]
    public void Sqlite_drops_and_creates_the_index_again_as_it_cannot_rename_one()
    {
        using var project = new TempProject();
        project.WriteModel(Before);
        project.Ok("plan", "-m", "first");
        project.Ok("apply");
        project.Execute("INSERT INTO users VALUES (1, 'ada', 'ada@example.com', 'A')");

        // A UNIQUE constraint's name is part of SQLite's CREATE TABLE: renaming it is a table rebuild, as before.
        project.WriteModel(After.Replace("uq_users_code_v2", "uq_users_code", StringComparison.Ordinal));
        project.Ok("plan", "-m", "rename");
        var up = Up(project, "rename");
        Assert.Contains("DROP INDEX \"ix_users_username\";\n", up);
        Assert.Contains("CREATE INDEX \"ix_users_login\" ON \"users\" (\"login\");\n", up);
        project.Ok("apply");
        Assert.Equal(["ix_users_login", "uq_users_mail"], project.Objects("index").Where(n => !n.StartsWith("sqlite_", StringComparison.Ordinal)).ToList());
        Assert.Equal(["1|ada|ada@example.com"], project.Query("SELECT id, login, mail FROM users"));
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Stdout);
    }
}
