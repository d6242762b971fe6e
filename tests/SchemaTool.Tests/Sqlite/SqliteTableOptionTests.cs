using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>WITHOUT ROWID and STRICT tables are modelled (`without_rowid:`, `strict:`), adopted, changed by a rebuild and rolled back.</summary>
public sealed class SqliteTableOptionTests
{
    [Fact]
    public void Without_rowid_and_strict_tables_are_adopted_by_inspect_plan_and_apply()
    {
        using var adoption = SqliteAdoption.RoundTrip("""
            CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v INTEGER) WITHOUT ROWID, STRICT;
            CREATE TABLE s (id INTEGER PRIMARY KEY, n ANY, t TEXT NOT NULL) STRICT;
            CREATE TABLE w (a INT, b TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID;
            """, copy =>
            {
                Assert.EndsWith(") WITHOUT ROWID, STRICT", copy.Query("SELECT sql FROM sqlite_schema WHERE name = 'kv'").Single());
                Assert.Equal(["kv|1|1", "s|0|1", "w|1|0"], copy.Query("SELECT name, wr, strict FROM pragma_table_list WHERE name IN ('kv', 's', 'w') ORDER BY name"));
            });
        Assert.Contains("  kv:\n    without_rowid: true\n    strict: true\n", adoption.Yaml);
    }

    [Fact]
    public void Making_a_table_strict_is_a_rebuild_that_keeps_its_rows_and_rolls_back()
    {
        using var project = new TempProject();
        const string model = "tables:\n  kv:\n    without_rowid: true\n    columns:\n      k: { type: text, primary_key: true }\n      v: { type: integer, nullable: true }\n";
        project.WriteModel(model);
        project.Ok("plan", "-m", "kv");
        project.Ok("apply");
        project.Execute("INSERT INTO kv VALUES ('a', 1), ('b', 2)");

        project.WriteModel(model.Replace("    without_rowid: true\n", "    without_rowid: true\n    strict: true\n"));
        Assert.Contains("rebuild", project.Ok("plan", "-m", "strict").Stdout);
        project.Ok("apply");
        Assert.EndsWith(") WITHOUT ROWID, STRICT", project.Query("SELECT sql FROM sqlite_schema WHERE name = 'kv'").Single());
        Assert.Equal(["a|1", "b|2"], project.Query("SELECT * FROM kv ORDER BY k"));
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Stdout);

        project.Ok("rollback", "-1");
        Assert.EndsWith(") WITHOUT ROWID", project.Query("SELECT sql FROM sqlite_schema WHERE name = 'kv'").Single());
        Assert.Equal(["a|1", "b|2"], project.Query("SELECT * FROM kv ORDER BY k"));
    }

    [Fact]
    public void A_strict_table_refuses_a_type_SQLite_would_refuse()
    {
        using var project = new TempProject();
        project.WriteModel("tables:\n  s:\n    strict: true\n    columns:\n      id: { type: int, primary_key: true }\n      name: { type: varchar(64) }\n");
        Assert.Contains("column s.name is varchar(64), which a strict table refuses: use one of int, integer, real, text, blob, any",
            project.Expect(2, "plan", "-m", "x").Stderr);
    }
}
