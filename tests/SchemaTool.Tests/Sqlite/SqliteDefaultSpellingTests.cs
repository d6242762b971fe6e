namespace SchemaTool.Tests.Sqlite;

/// <summary>
/// SQLite keeps a default's text as written (`pragma table_info` prints it back), so `DEFAULT false` and `DEFAULT 0`
/// are different definitions even though they store the same value. Inspect, plan and apply copy the spelling (the
/// real-application corpus: Synapse's `used BOOLEAN NOT NULL DEFAULT false`); the two spellings are still no change.
/// </summary>
public sealed class SqliteDefaultSpellingTests
{
    [Fact]
    public void Boolean_keyword_defaults_are_copied_as_written()
    {
        using var adoption = SqliteAdoption.RoundTrip("""
            CREATE TABLE t (
              id INTEGER PRIMARY KEY,
              used BOOLEAN NOT NULL DEFAULT false,
              b BOOL DEFAULT TRUE,
              c boolean DEFAULT (false),
              d boolean DEFAULT 0
            );
            """, copy => Assert.Equal(["false", "TRUE", "false", "0"],
                copy.Query("SELECT dflt_value FROM pragma_table_info('t') WHERE name <> 'id' ORDER BY cid")));
    }

    [Fact]
    public void False_written_as_a_keyword_or_as_0_is_no_change()
    {
        using var project = new SchemaTool.Tests.Support.TempProject();
        project.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a boolean NOT NULL DEFAULT 0, b boolean NOT NULL DEFAULT false)");
        project.WriteModel("""
            tables:
              t:
                columns:
                  id: { type: integer, primary_key: true }
                  a:  { type: boolean, default_sql: "false" }
                  b:  { type: boolean, default: false }
            """);

        Assert.Contains("no changes", project.Ok("plan", "-m", "same").Stdout);
    }
}
