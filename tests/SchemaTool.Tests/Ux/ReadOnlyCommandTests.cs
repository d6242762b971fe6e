using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>
/// The commands that only read never create a SQLite file. A missing file is an error naming its path (exit 3, as
/// for a server database that does not exist), except for plan, which plans the first revision against an empty
/// database, and apply --sql, whose script then starts at base: both create nothing either.
/// </summary>
public sealed class ReadOnlyCommandTests : IDisposable
{
    private readonly TempProject _project = new();

    public ReadOnlyCommandTests()
    {
        _project.WriteModel("tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n");
        // A revision to be pending, written against a scratch database that is then removed.
        _project.Ok("plan", "-m", "first");
    }

    public void Dispose() => _project.Dispose();

    [Theory]
    [InlineData("status")]
    [InlineData("check")]
    [InlineData("history")]
    [InlineData("diff")]
    [InlineData("inspect")]
    [InlineData("apply", "--dry-run")]
    [InlineData("rollback", "base", "--dry-run")]
    [InlineData("status", "--json")]
    public void A_missing_database_file_is_an_error_naming_it_and_is_not_created(params string[] args)
    {
        var run = _project.Run(args);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal($"error: sqlite:app.db does not exist: there is no file {_project.DatabasePath}. Check --database or `database:` " +
                     "in schematool.yaml; `schematool apply` creates the file\n", run.Stderr);
        Assert.DoesNotContain("pending", run.Stdout);
        Assert.False(File.Exists(_project.DatabasePath), $"{string.Join(" ", args)} created the database file");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("apply")]
    [InlineData("inspect")]
    public void A_file_that_is_not_a_sqlite_database_is_named_in_the_error(params string[] args)
    {
        File.WriteAllText(_project.DatabasePath, "hello, not a database\n");
        var run = _project.Run(args);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains($"sqlite:app.db: {_project.DatabasePath} is not a SQLite database", run.Stderr);
        Assert.Contains("Check --database or `database:` in schematool.yaml", run.Stderr);
        Assert.Equal("hello, not a database\n", File.ReadAllText(_project.DatabasePath));
    }

    [Fact]
    public void A_mistyped_database_path_is_named_in_the_error()
    {
        var run = _project.Run("status", "--database", "sqlite:data/ap.db");
        Assert.Equal(3, run.ExitCode);
        Assert.Contains(Path.Combine(_project.Directory, "data", "ap.db"), run.Stderr);
    }

    [Fact]
    public void Plan_plans_against_an_empty_database_and_creates_no_file()
    {
        foreach (var file in Directory.GetFiles(_project.MigrationsDirectory)) File.Delete(file);
        var dryRun = _project.Ok("plan", "--dry-run");
        Assert.Contains("CREATE TABLE \"users\"", dryRun.Stdout);
        Assert.Contains("note: sqlite:app.db does not exist yet: planned against an empty database", dryRun.Stderr);
        Assert.False(File.Exists(_project.DatabasePath), "plan --dry-run created the database file");

        _project.Ok("plan", "-m", "again");
        Assert.Single(Directory.GetFiles(_project.MigrationsDirectory, "*.up.sql"));
        Assert.False(File.Exists(_project.DatabasePath), "plan created the database file");
    }

    [Fact]
    public void Apply_sql_starts_at_base_and_creates_no_file()
    {
        var run = _project.Ok("apply", "--sql");
        Assert.Contains("from base to head, 1 revision(s)", run.Stdout);
        Assert.Contains("does not exist", run.Stderr);
        Assert.False(File.Exists(_project.DatabasePath), "apply --sql created the database file");
    }

    [Fact]
    public void Apply_creates_the_file_and_then_the_read_only_commands_work()
    {
        _project.Ok("apply");
        Assert.True(File.Exists(_project.DatabasePath));
        Assert.Contains("pending:  none", _project.Ok("status").Stdout);
        _project.Ok("check");
    }
}
