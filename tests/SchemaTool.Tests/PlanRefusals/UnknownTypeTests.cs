using Microsoft.Data.Sqlite;
using SchemaTool.Dialects.Sqlite;
using SchemaTool.Tests.PlanRefusals.Support;

namespace SchemaTool.Tests.PlanRefusals;

/// <summary>
/// A misspelled or unknown type is refused at plan with the nearest known spelling: PostgreSQL against its own
/// catalog (extension and user types included), MySQL/MariaDB against the server's types, SQLite against the
/// spellings whose affinity is what the name says. `string` on SQLite had NUMERIC affinity: '007' became 7.
/// </summary>
public sealed class UnknownTypeTests
{
    private static string Model(string type) =>
        $"tables:\n  users:\n    columns:\n      id: {{ type: int, primary_key: true }}\n      login: {{ type: \"{type}\" }}\n";

    public static TheoryData<string, string, string> Misspelled()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string dialect in DialectProject.Dialects)
        {
            data.Add(dialect, "string", "text");
            data.Add(dialect, "strng", "text");
            data.Add(dialect, "varchr(255)", "varchar(255)");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Misspelled))]
    public async Task A_misspelled_type_is_refused_with_the_nearest_spelling(string dialect, string type, string suggestion)
    {
        using var project = await DialectProject.CreateAsync(dialect);
        project.WriteModel(Model(type));

        var plan = project.Expect(2, "plan", "-m", "typo");

        Assert.Contains($"tables.yaml:5:7: column 'users.login': unknown type {type}", plan.Err);
        Assert.Contains($"did you mean {suggestion}?", plan.Err);
        Assert.Empty(project.MigrationFiles());
    }

    [Theory]
    [MemberData(nameof(DialectProject.Dialects), MemberType = typeof(DialectProject))]
    public async Task The_portable_types_plan_and_apply_everywhere(string dialect)
    {
        using var project = await DialectProject.CreateAsync(dialect);
        var types = new[] { "smallint", "int", "bigint", "boolean", "varchar(20)", "char(2)", "text", "decimal(10,2)", "real", "double",
                            "date", "time", "timestamp", "timestamptz", "uuid", "json", "binary" };
        project.WriteModel("tables:\n  every:\n    columns:\n      id: { type: int, primary_key: true }\n" +
                           string.Concat(types.Select((t, i) => $"      c{i}: {{ type: \"{t}\", nullable: true }}\n")));
        project.PlanAndApply("portable");

        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Out);
    }

    [Fact]
    public async Task Postgres_accepts_the_types_of_its_catalog_an_extension_an_enum_and_a_domain()
    {
        using var project = await DialectProject.CreateAsync("postgres");
        await project.ExecuteAsync("CREATE EXTENSION citext");
        await project.ExecuteAsync("CREATE TYPE mood AS ENUM ('ok', 'sad')");
        await project.ExecuteAsync("CREATE DOMAIN posint AS int CHECK (VALUE > 0)");
        project.WriteModel("extensions: [citext]\ntypes:\n  mood: { enum: [ok, sad] }\n  posint: { domain: int, check: \"VALUE > 0\" }\n" +
                           "tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n" +
                           "      email: { type: citext }\n      feeling: { type: mood }\n      n: { type: posint }\n" +
                           "      at: { type: timestamp(3) with time zone }\n      tags: { type: \"varchar(20)[]\", nullable: true }\n" +
                           "      span: { type: interval day to second, nullable: true }\n      doc: { type: jsonb, nullable: true }\n");

        project.PlanAndApply("catalog types");

        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Out);
    }

    [Theory]
    [InlineData("int(11)", "type int(11): int takes no modifiers in parentheses")]
    [InlineData("varchar(10485761)", "the length of varchar is between 1 and 10485760")]
    [InlineData("timestamp(7)", "the fractional digits of timestamp are between 0 and 6, not 7")]
    [InlineData("mood", "unknown type mood: this database has no such type")]
    [InlineData("timestamp with time zoned", "unknown type timestamp with time zoned")]
    public async Task Postgres_refuses_what_it_would_refuse_at_apply(string type, string message)
    {
        using var project = await DialectProject.CreateAsync("postgres");
        project.WriteModel(Model(type));

        Assert.Contains(message, project.Expect(2, "plan", "-m", "bad").Err);
    }

    [Theory]
    [InlineData("varchar", "MariaDB needs a length for varchar, such as varchar(255)")]
    [InlineData("varchar(70000)", "the length of varchar is between 0 and 65535 on MariaDB, not 70000")]
    [InlineData("decimal(66,2)", "the precision of decimal is between 1 and 65 on MariaDB, not 66")]
    [InlineData("enum(a,b)", "enum lists its values quoted, such as enum('draft','published')")]
    [InlineData("text unsigned", "unsigned is for numeric types")]
    [InlineData("int[]", "MariaDB has no array types")]
    [InlineData("jsonb", "unknown type jsonb on MariaDB; did you mean json?")]
    public async Task Mysql_refuses_what_it_would_refuse_at_apply(string type, string message)
    {
        using var project = await DialectProject.CreateAsync("mysql");
        project.WriteModel(Model(type));

        Assert.Contains(message, project.Expect(2, "plan", "-m", "bad").Err);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public async Task Mysql_accepts_its_own_types()
    {
        using var project = await DialectProject.CreateAsync("mysql");
        project.WriteModel("tables:\n  users:\n    columns:\n      id: { type: int unsigned, primary_key: true }\n" +
                           "      a: { type: mediumtext, nullable: true }\n      b: { type: \"enum('x','y')\", nullable: true }\n" +
                           "      c: { type: tinyint(1), nullable: true }\n      d: { type: datetime(3), nullable: true }\n" +
                           "      e: { type: \"decimal(12,4) unsigned\", nullable: true }\n      f: { type: inet6, nullable: true }\n");

        project.PlanAndApply("mysql types");

        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Out);
    }

    [Fact]
    public async Task A_type_the_database_already_has_is_not_checked_so_an_inspected_schema_plans()
    {
        using var project = await DialectProject.CreateAsync("sqlite");
        await project.ExecuteAsync("CREATE TABLE legacy (id INTEGER PRIMARY KEY, name STRING)");
        project.Ok("inspect", "-o", project.ModelFile, "--force");

        Assert.Contains("no changes", project.Ok("plan", "-m", "adopt").Out);
    }

    /// <summary>Each spelling SQLite accepts gets, in a real database, the affinity its name says.</summary>
    [Fact]
    public void Every_accepted_sqlite_spelling_has_the_affinity_its_name_says()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        foreach (var (spelling, affinity) in SqliteTypeCatalog.Affinities)
        {
            var declared = SqliteNormalizer.Type(spelling);
            using var create = connection.CreateCommand();
            create.CommandText = $"DROP TABLE IF EXISTS a; CREATE TABLE a (v {declared}); INSERT INTO a VALUES ('007'), ('1.5e1'), (x'00')";
            create.ExecuteNonQuery();
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT group_concat(typeof(v), ',') FROM a";
            var stored = (string)read.ExecuteScalar()!;
            var expected = affinity switch
            {
                "TEXT" => "text,text,blob",
                "INTEGER" => "integer,integer,blob",
                "REAL" => "real,real,blob",
                "NUMERIC" => "integer,integer,blob",
                _ => "text,text,blob", // BLOB: stored as given
            };
            Assert.True(expected == stored, $"{spelling} (declared {declared}): stored as {stored}, expected {affinity} affinity ({expected})");
        }
    }
}
