using System.Text;
using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// Names past the database's limit are refused at plan (PostgreSQL 63 bytes of UTF-8, MySQL 64 characters):
/// PostgreSQL cut them silently, and the next plan dropped the cut table, rows and all, and created it again.
/// Names the tool makes from shorthands are cut to fit with a hash, the same every time.
/// </summary>
public sealed class NameLengthTests
{
    private static string Model(string table, string column = "id") =>
        $"tables:\n  {table}:\n    columns:\n      {column}: {{ type: int, primary_key: true }}\n";

    [Fact]
    public async Task A_table_name_of_64_bytes_is_refused_on_postgres_with_the_limit()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        var name = string.Concat(Enumerable.Repeat("é", 32)); // 32 characters, 64 bytes
        project.WriteModel(Model(name));

        var plan = project.Expect(2, "plan", "-m", "long");

        Assert.Contains($"tables.yaml:2:3: table name '{name}' is 64 bytes long in UTF-8; PostgreSQL names are at most 63 bytes (longer ones are cut short): shorten it", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public async Task A_column_name_of_64_bytes_is_refused_on_postgres()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        project.WriteModel(Model("t", new string('c', 64)));

        var plan = project.Expect(2, "plan", "-m", "long");

        Assert.Contains($"tables.yaml:4:7: column name 't.{new string('c', 64)}' is 64 bytes long in UTF-8", plan.Err);
    }

    [Fact]
    public async Task Names_of_63_bytes_and_the_names_made_from_them_keep_their_rows_over_two_plans_on_postgres()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        var parent = string.Concat(Enumerable.Repeat("ü", 31)) + "p"; // 63 bytes
        var child = string.Concat(Enumerable.Repeat("ö", 31)) + "c";
        var column = new string('k', 60) + "_id"; // 63 bytes: ix_, uq_ and fk_ names made from it are far longer
        Assert.Equal(63, Encoding.UTF8.GetByteCount(parent));
        project.WriteModel($$"""
            tables:
              {{parent}}:
                columns:
                  id: { type: int, primary_key: true }
                  {{column}}: { type: int, unique: true }
              {{child}}:
                columns:
                  id: { type: int, primary_key: true }
                  {{column}}: { type: int, index: true, references: {{parent}}.id }
            """);
        project.PlanAndApply("long names");
        await project.ExecuteAsync($"INSERT INTO {project.Quote(parent)} VALUES (1, 10), (2, 20)");
        await project.ExecuteAsync($"INSERT INTO {project.Quote(child)} VALUES (1, 1), (2, 2)");

        for (var i = 0; i < 2; i++)
            Assert.Contains("no changes", project.Ok("plan", "-m", "again " + i).Out);

        project.Ok("check");
        Assert.Equal(2, await project.ScalarAsync($"SELECT count(*) FROM {project.Quote(parent)}"));
        Assert.Equal(2, await project.ScalarAsync($"SELECT count(*) FROM {project.Quote(child)}"));
        // The two primary keys, named by the server, and ix_ and uq_, shortened by the tool with a hash of the whole.
        Assert.Equal(4, await project.ScalarAsync("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND tablename <> 'schematool_history'"));
        Assert.Equal(2, await project.ScalarAsync(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname ~ '^(ix|uq)_.*_[0-9a-f]{8}$'"));
    }

    [Fact]
    public async Task A_primary_key_added_to_a_table_of_63_bytes_rolls_back_by_the_name_postgres_gave_it()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        var table = new string('p', 63);
        project.WriteModel($"tables:\n  {table}:\n    columns:\n      id: {{ type: int }}\n");
        project.PlanAndApply("unkeyed");
        project.WriteModel(Model(table));
        project.PlanAndApply("keyed");
        Assert.Equal(1, await project.ScalarAsync($"SELECT count(*) FROM pg_constraint WHERE conname = '{new string('p', 58)}_pkey'"));

        project.Ok("rollback", "-1"); // the down file drops the key PostgreSQL named, cut to 63 bytes

        Assert.Equal(0, await project.ScalarAsync($"SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND conrelid = '{table}'::regclass"));
    }

    [Fact]
    public async Task A_name_of_65_characters_is_refused_on_mysql_with_the_limit()
    {
        using var project = await DialectProject.CreateAsync("mysql");
        var name = new string('t', 65);
        project.WriteModel(Model(name));

        var plan = project.Expect(2, "plan", "-m", "long");

        Assert.Contains($"tables.yaml:2:3: table name '{name}' is 65 characters long; MySQL names are at most 64 characters: shorten it", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public async Task A_name_of_64_characters_round_trips_on_mysql()
    {
        using var project = await DialectProject.CreateAsync("mysql");
        var name = new string('t', 64);
        project.WriteModel(Model(name, new string('c', 64)));
        project.PlanAndApply("64");

        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Out);
    }

    [Fact]
    public async Task Sqlite_has_no_length_limit()
    {
        using var project = await DialectProject.CreateAsync("sqlite");
        var name = new string('t', 300);
        project.WriteModel(Model(name, new string('c', 300)));
        project.PlanAndApply("300");

        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Out);
    }
}
