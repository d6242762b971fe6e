using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Cli;

/// <summary>
/// A column dropped and one of the same type added in the same table is most often a rename written without
/// `renamed_from:`, and as planned its data is lost: plan says which line to add, on stderr and in the up file.
/// </summary>
public sealed class RenameSuggestionTests
{
    private const string Hint =
        "column users.login is dropped and users.username of the same type (varchar(64)) is added: if it is a rename, " +
        "add `renamed_from: login` to column username in the model and plan again (as written, the data in login is lost)";

    [Fact]
    public void Plan_names_the_renamed_from_line_on_stderr_and_in_the_up_file()
    {
        using var project = new TempProject();
        project.WriteModel("tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n      login: { type: varchar(64) }\n");
        project.Ok("plan", "-m", "first");
        project.Ok("apply");
        project.Execute("INSERT INTO users VALUES (1, 'ada')");
        // Nullable, so that the table's row does not make plan refuse the added column (the next test).
        project.WriteModel("tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n      username: { type: varchar(64), nullable: true }\n");

        var plan = project.Ok("plan", "--dry-run");
        Assert.Contains("WARNING: " + Hint + "\n", plan.Stderr);
        Assert.Contains("-- WARNING: " + Hint + "\n", plan.Stdout);

        var written = project.Ok("plan", "-m", "username");
        Assert.Contains("WARNING: " + Hint + "\n", written.Stderr);
        var up = File.ReadAllText(Directory.GetFiles(project.MigrationsDirectory, "*_username.up.sql").Single());
        Assert.Contains("-- WARNING: " + Hint + "\n", up);
        Assert.DoesNotContain("renamed_from", File.ReadAllText(Directory.GetFiles(project.MigrationsDirectory, "*_username.down.sql").Single()));

        // Following the hint: the rename keeps the row, and the hint is gone.
        foreach (var file in Directory.GetFiles(project.MigrationsDirectory, "*_username.*")) File.Delete(file);
        project.WriteModel("tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n      username: { type: varchar(64), nullable: true, renamed_from: login }\n");
        var renamed = project.Ok("plan", "-m", "rename");
        Assert.DoesNotContain("renamed_from", renamed.Stderr);
        project.Ok("apply");
        Assert.Equal(["1|ada"], project.Query("SELECT id, username FROM users"));
    }

    /// <summary>
    /// The same pair with the new column NOT NULL on a table with rows: plan refuses it (nothing would fill the
    /// column), and the refusal names the rename as one of the fixes, since it is the likely one.
    /// </summary>
    [Fact]
    public void A_not_null_column_replacing_a_dropped_one_on_a_table_with_rows_is_refused_with_the_rename_as_a_fix()
    {
        using var project = new TempProject();
        project.WriteModel("tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n      login: { type: varchar(64) }\n");
        project.Ok("plan", "-m", "first");
        project.Ok("apply");
        project.Execute("INSERT INTO users VALUES (1, 'ada')");
        project.WriteModel("tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n      username: { type: varchar(64) }\n");

        var plan = project.Run("plan", "-m", "username");

        Assert.Equal(2, plan.ExitCode);
        Assert.Contains("has rows", plan.Stderr);
        Assert.Contains("if it is a rename of login, add `renamed_from: login` to it", plan.Stderr);
        Assert.Empty(Directory.GetFiles(project.MigrationsDirectory, "*_username.*"));
    }

    private static Schema Users(params Column[] columns) =>
        new([new Table("users", new[] { new Column("id", "int", false) }.Concat(columns).ToValueList(), new PrimaryKey(new[] { "id" }))]);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("mysql")]
    public void Every_dialect_suggests_the_rename(string dialect)
    {
        var plan = Planner.Create(DialectRegistry.Get(dialect), Users(new Column("login", "text", false)), Users(new Column("username", "text", false)));
        var hint = Assert.Single(plan.Warnings, w => w.Contains("renamed_from", StringComparison.Ordinal));
        Assert.Contains("add `renamed_from: login` to column username", hint);
        Assert.StartsWith("-- WARNING: column users.login is dropped and users.username", plan.UpScript);
    }

    [Fact]
    public void Columns_of_different_types_get_no_suggestion()
    {
        var plan = Planner.Create(DialectRegistry.Get("postgres"), Users(new Column("login", "text", false)), Users(new Column("age", "int", false)));
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("renamed_from", StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.Contains("drops column users.login", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ambiguous_pairing_gets_no_suggestion()
    {
        var plan = Planner.Create(DialectRegistry.Get("postgres"),
            Users(new Column("login", "text", false), new Column("nick", "text", false)),
            Users(new Column("username", "text", false)));
        Assert.DoesNotContain(plan.Warnings, w => w.Contains("renamed_from", StringComparison.Ordinal));
    }

    [Fact]
    public void A_renamed_table_is_named_by_its_new_name()
    {
        var current = Users(new Column("login", "text", false));
        var model = new Schema([current.Tables[0] with { Name = "members", RenamedFrom = "users", Columns = new[] { new Column("id", "int", false), new Column("username", "text", false) }.ToValueList() }]);
        var plan = Planner.Create(DialectRegistry.Get("postgres"), current, model);
        Assert.Contains(plan.Warnings, w => w.StartsWith("column members.login is dropped and members.username of the same type", StringComparison.Ordinal));
    }
}
