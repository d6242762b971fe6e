using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>
/// SQLite keeps a column's declared type as written, and it matters: `id INT PRIMARY KEY` is not the rowid,
/// `id INTEGER PRIMARY KEY` is. Inspect, plan and apply keep the declared spelling exactly; a model written by
/// hand still maps the portable names (int is INTEGER); spellings of one type are no change.
/// </summary>
public sealed class SqliteDeclaredTypeTests
{
    [Fact]
    public void Declared_types_are_copied_exactly_by_inspect_plan_and_apply()
    {
        using var adoption = SqliteAdoption.RoundTrip("""
            CREATE TABLE t (
              id INT PRIMARY KEY,
              a int NOT NULL,
              b int(11),
              c bool,
              d Boolean,
              e varchar( 255 ),
              f unsigned big int,
              g binary(16),
              h DOUBLE PRECISION,
              i text,
              j,
              k integer,
              l BIGINT UNSIGNED,
              s string
            );
            CREATE TABLE r (id integer PRIMARY KEY AUTOINCREMENT, n Int);
            """, copy =>
            {
                Assert.Equal(["id INT", "a int", "b int(11)", "c bool", "d Boolean", "e varchar( 255 )", "f unsigned big int",
                              "g binary(16)", "h DOUBLE PRECISION", "i text", "j ", "k integer", "l BIGINT UNSIGNED", "s string"],
                    SqliteAdoption.DeclaredTypes(copy, "t"));
                Assert.Equal(["id integer", "n Int"], SqliteAdoption.DeclaredTypes(copy, "r"));
                // INT PRIMARY KEY is no rowid in the copy either: a NULL key stays NULL instead of taking the rowid.
                copy.Execute("INSERT INTO t (id, a) VALUES (NULL, 1)");
                Assert.Equal(["NULL"], copy.Query("SELECT id FROM t"));
            });
        Assert.Matches(@"\n      id: +\{ declared_type: INT, nullable: true, primary_key: true \}", adoption.Yaml);
        Assert.Matches(@"\n      e: +\{ type: varchar\( 255 \), nullable: true \}", adoption.Yaml);
        // Types plan would not take from a model written by hand are the database's own: written as declared.
        Assert.Matches(@"\n      l: +\{ declared_type: BIGINT UNSIGNED, nullable: true \}", adoption.Yaml);
        Assert.Matches(@"\n      s: +\{ declared_type: string, nullable: true \}", adoption.Yaml);
        Assert.Matches(@"\n      id: +\{ type: integer, nullable: true, primary_key: true, auto_increment: true \}", adoption.Yaml);
    }

    private const string HandWritten = """
        tables:
          t:
            columns:
              id:   { type: int, primary_key: true }
              flag: { type: bool, default: false }
              data: { type: binary, nullable: true }
              name: { type: varchar(64) }
              n:    { type: int }
        """;

    [Fact]
    public void A_model_written_by_hand_still_maps_the_portable_names()
    {
        using var project = new TempProject();
        project.WriteModel(HandWritten);
        project.Ok("plan", "-m", "init");
        project.Ok("apply");
        Assert.Equal(["id INTEGER", "flag BOOLEAN", "data BLOB", "name varchar(64)", "n INTEGER"], SqliteAdoption.DeclaredTypes(project, "t"));
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Stdout);
    }

    [Fact]
    public void Spellings_of_one_type_plan_nothing_against_a_database_made_by_hand_or_by_an_earlier_schematool()
    {
        using var project = new TempProject();
        project.Execute("CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, flag bool NOT NULL DEFAULT 0, data BINARY, name VARCHAR (64) NOT NULL, n int NOT NULL)");
        project.WriteModel(HandWritten);
        Assert.Contains("no changes", project.Ok("plan", "-m", "adopt").Stdout);
    }

    [Fact]
    public void A_key_that_becomes_the_rowid_or_stops_being_it_is_a_change_made_by_a_rebuild()
    {
        using var project = new TempProject();
        project.Execute("CREATE TABLE t (id int NOT NULL PRIMARY KEY, v text); INSERT INTO t VALUES (5, 'x');");
        project.WriteModel("tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n      v: { type: text, nullable: true }\n");
        var plan = project.Ok("plan", "-m", "rowid");
        Assert.Contains("rebuild", plan.Stdout + File.ReadAllText(project.UpFile(project.MigrationFiles()[0][..12])));
        project.Ok("apply");
        Assert.Equal(["id INTEGER", "v text"], SqliteAdoption.DeclaredTypes(project, "t"));
        Assert.Equal(["5|x"], project.Query("SELECT id, v FROM t"));
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Stdout);

        project.Ok("rollback", "base");
        Assert.Equal(["id int", "v text"], SqliteAdoption.DeclaredTypes(project, "t"));
    }
}
