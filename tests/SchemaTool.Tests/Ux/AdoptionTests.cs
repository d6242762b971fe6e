using Microsoft.Data.Sqlite;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>
/// Adopting a database: `inspect --database URL` works before there is a project, and `init --database URL` with
/// a password writes a ${...} variable into schematool.yaml, not the password.
/// </summary>
public sealed class AdoptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("schematool-adopt-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private void CreateSqliteDatabase(string file)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, file)};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            CREATE TABLE roles (id INTEGER PRIMARY KEY AUTOINCREMENT, name varchar(64) NOT NULL UNIQUE);
            CREATE TABLE users (id INTEGER PRIMARY KEY, username varchar(64) NOT NULL, role_id int REFERENCES roles(id));
            CREATE INDEX ix_users_username ON users (username);
            """;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void Inspect_without_a_project_prints_the_database_as_model_yaml()
    {
        CreateSqliteDatabase("legacy.db");
        var run = CliRunner.Raw("inspect", "--database", "sqlite:" + Path.Combine(_dir, "legacy.db"));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("tables:\n", run.Stdout);
        Assert.Contains("  roles:\n", run.Stdout);
        Assert.Contains("  users:\n", run.Stdout);
        Assert.Contains("index: true", run.Stdout); // ix_users_username is the name the shorthand generates
        Assert.Equal("", run.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "schematool.yaml")));
    }

    [Fact]
    public void Inspect_into_a_folder_is_refused_naming_it_not_an_internal_error()
    {
        CreateSqliteDatabase("legacy.db");
        var run = CliRunner.Raw("inspect", "--database", "sqlite:" + Path.Combine(_dir, "legacy.db"), "-o", _dir);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"-o {_dir} is a folder; name the file to write, e.g. -o schema/tables.yaml", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
    }

    [Fact]
    public void Inspect_never_overwrites_a_model_the_user_wrote_unless_forced()
    {
        CreateSqliteDatabase("legacy.db");
        var model = Path.Combine(_dir, "tables.yaml");
        const string written = "# my hand-written model\ntables:\n  notes:\n    columns:\n      id: { type: int, primary_key: true }\n";
        File.WriteAllText(model, written);

        var refused = CliRunner.Raw("inspect", "--database", "sqlite:" + Path.Combine(_dir, "legacy.db"), "-o", model);
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains($"-o {model} exists", refused.Stderr);
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal(written, File.ReadAllText(model));

        var forced = CliRunner.Raw("inspect", "--database", "sqlite:" + Path.Combine(_dir, "legacy.db"), "-o", model, "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Contains("  roles:\n", File.ReadAllText(model));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp*"));
    }

    [Fact]
    public void Inspect_replaces_the_example_model_init_wrote_as_it_is()
    {
        CreateSqliteDatabase("app.db");
        var init = CliRunner.Raw("init", "--project", _dir, "--database", "sqlite:app.db");
        Assert.True(init.ExitCode == 0, init.ToString());
        var example = Path.Combine(_dir, "schema", "tables.yaml");
        Assert.Contains("roles:", File.ReadAllText(example));

        var inspect = CliRunner.Raw("--project", _dir, "inspect", "-o", example);
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Contains("  users:\n", File.ReadAllText(example));

        File.AppendAllText(example, "# edited\n");
        var again = CliRunner.Raw("--project", _dir, "inspect", "-o", example);
        Assert.True(again.ExitCode == 2, again.ToString());
    }

    [Fact]
    public void Inspect_then_init_then_plan_adopts_the_database_with_nothing_to_change()
    {
        CreateSqliteDatabase("app.db");
        var inspect = CliRunner.Raw("--project", _dir, "inspect", "--database", "sqlite:app.db", "-o", Path.Combine(_dir, "schema", "tables.yaml"));
        Assert.True(inspect.ExitCode == 0, inspect.ToString());
        Assert.Contains("2 table(s)", inspect.Stdout);

        var init = CliRunner.Raw("init", "--project", _dir, "--database", "sqlite:app.db");
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.DoesNotContain("schema/tables.yaml", init.Stdout); // kept: init never overwrites the inspected model
        var plan = CliRunner.Raw("plan", "--project", _dir, "-m", "baseline");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("no changes", plan.Stdout);
    }

    [Fact]
    public async Task Inspect_without_a_project_reads_a_postgres_database()
    {
        var server = PostgresServer.Shared;
        var database = await server.CreateDatabaseAsync("adopt");
        try
        {
            await using (var connection = new Npgsql.NpgsqlConnection(server.ConnectionString(database)))
            {
                await connection.OpenAsync();
                await using var cmd = new Npgsql.NpgsqlCommand("CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL UNIQUE)", connection);
                await cmd.ExecuteNonQueryAsync();
            }
            var run = CliRunner.Raw("inspect", "--project", _dir, "--database", server.Url(database));
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("  accounts:\n", run.Stdout);
            Assert.Contains("email:", run.Stdout);
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public void Inspect_without_a_project_or_a_database_says_how_to_give_one()
    {
        var run = CliRunner.Raw("inspect", "--project", _dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--database URL", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("postgres://app:s3cr3t-pw@db1:5432/app", "postgres://app:${SCHEMATOOL_DB_PASSWORD}@db1:5432/app")]
    [InlineData("mysql://app:s3cr3t-pw@db1:3306/app", "mysql://app:${SCHEMATOOL_DB_PASSWORD}@db1:3306/app")]
    [InlineData("postgres://app@db1:5432/app?password=s3cr3t-pw&sslmode=require", "postgres://app@db1:5432/app?password=${SCHEMATOOL_DB_PASSWORD}&sslmode=require")]
    [InlineData("Host=db1;Username=app;Password=s3cr3t-pw;Database=app", "Host=db1;Username=app;Password=${SCHEMATOOL_DB_PASSWORD};Database=app")]
    public void Init_writes_a_variable_in_place_of_the_password_and_says_where_it_goes(string url, string written)
    {
        var args = url.Contains("://") ? new[] { "init", "--project", _dir, "--database", url } : ["init", "--project", _dir, "--database", url, "--dialect", "postgres"];
        var run = CliRunner.Raw(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        var config = File.ReadAllText(Path.Combine(_dir, "schematool.yaml"));
        Assert.Contains($"database: {written}\n", config);
        Assert.DoesNotContain("s3cr3t-pw", config);
        Assert.DoesNotContain("s3cr3t-pw", run.Stdout + run.Stderr);
        Assert.Contains("SCHEMATOOL_DB_PASSWORD", run.Stdout);
        Assert.Contains("export SCHEMATOOL_DB_PASSWORD=", run.Stdout);
    }

    [Fact]
    public void Init_leaves_a_url_without_a_password_or_with_a_variable_as_it_is()
    {
        var run = CliRunner.Raw("init", "--project", _dir, "--database", "postgres://app:${PGPASS}@db1:5432/app");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("database: postgres://app:${PGPASS}@db1:5432/app\n", File.ReadAllText(Path.Combine(_dir, "schematool.yaml")));
        Assert.DoesNotContain("SCHEMATOOL_DB_PASSWORD", run.Stdout);
    }

    [Fact]
    public async Task The_written_variable_is_read_from_the_environment_when_the_tool_connects()
    {
        var server = PostgresServer.Shared;
        var database = await server.CreateDatabaseAsync("initpw");
        try
        {
            var url = server.Url(database).Replace("postgres@", "postgres:s3cr3t-pw@", StringComparison.Ordinal);
            Assert.True(CliRunner.Raw("init", "--project", _dir, "--database", url).ExitCode == 0);
            var missing = CliRunner.Raw("plan", "--project", _dir, "--dry-run");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains("environment variable SCHEMATOOL_DB_PASSWORD is not set", missing.Stderr);

            Environment.SetEnvironmentVariable("SCHEMATOOL_DB_PASSWORD", "s3cr3t-pw");
            try
            {
                var plan = CliRunner.Raw("plan", "--project", _dir, "--dry-run");
                Assert.True(plan.ExitCode == 0, plan.ToString());
                Assert.Contains("CREATE TABLE \"roles\"", plan.Stdout);
            }
            finally
            {
                Environment.SetEnvironmentVariable("SCHEMATOOL_DB_PASSWORD", null);
            }
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }
}
