using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>
/// Virtual tables (fts3/4/5, rtree) are modelled by their module and arguments (`virtual:`); the shadow tables in
/// which the module keeps its data (docs_content, docs_idx...) are never modelled, as creating the virtual table
/// makes them.
/// </summary>
public sealed class SqliteVirtualTableTests
{
    private const string Schema = """
        CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter');
        CREATE VIRTUAL TABLE notes USING fts4(text);
        CREATE VIRTUAL TABLE boxes USING rtree(id, min_x, max_x);
        CREATE TABLE docs_archive (id INTEGER PRIMARY KEY, title TEXT);
        """;

    [Fact]
    public void Virtual_tables_are_adopted_by_their_module_and_their_shadow_tables_are_not_modelled()
    {
        using var adoption = SqliteAdoption.RoundTrip(Schema, copy =>
        {
            copy.Execute("INSERT INTO docs (title, body) VALUES ('running', 'she runs fast')");
            Assert.Equal(["running"], copy.Query("SELECT title FROM docs WHERE docs MATCH 'run'"));
        });
        Assert.Contains("  docs:\n    virtual: \"fts5(title, body, tokenize='porter')\"\n  docs_archive:\n", adoption.Yaml);
        Assert.Contains("  notes:\n    virtual: \"fts4(text)\"\n", adoption.Yaml);
        Assert.Contains("  boxes:\n    virtual: \"rtree(id, min_x, max_x)\"\n", adoption.Yaml);
        foreach (var shadow in new[] { "docs_content", "docs_data", "docs_idx", "docs_docsize", "docs_config", "notes_segdir", "notes_content", "boxes_node", "boxes_rowid", "boxes_parent" })
            Assert.DoesNotContain(shadow + ":", adoption.Yaml);
    }

    [Fact]
    public void A_changed_module_argument_recreates_the_virtual_table_and_rollback_restores_it()
    {
        using var project = new TempProject();
        const string model = "tables:\n  docs:\n    virtual: \"fts5(title, body)\"\n";
        project.WriteModel(model);
        project.Ok("plan", "-m", "fts");
        project.Ok("apply");
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Stdout);

        var changed = model.Replace("fts5(title, body)", "fts5(title, body, tokenize='porter')");
        project.WriteModel(changed);
        var plan = project.Ok("plan", "-m", "porter");
        Assert.Contains("drops table docs", plan.Stderr);
        project.Ok("apply");
        Assert.EndsWith("USING fts5(title, body, tokenize='porter')", project.Query("SELECT sql FROM sqlite_schema WHERE name = 'docs'").Single());
        Assert.Contains("no changes", project.Ok("plan", "-m", "again").Stdout);

        project.Ok("rollback", "-1");
        Assert.EndsWith("USING fts5(title, body)", project.Query("SELECT sql FROM sqlite_schema WHERE name = 'docs'").Single());
        project.Ok("rollback", "base");
        Assert.Empty(SqliteAdoption.UserTables(project));
    }

    [Fact]
    public void A_virtual_table_takes_no_columns_in_the_model()
    {
        using var project = new TempProject();
        project.WriteModel("tables:\n  docs:\n    virtual: \"fts5(title)\"\n    columns:\n      title: { type: text }\n");
        var run = project.Expect(2, "plan", "-m", "x");
        Assert.Contains("tables.yaml:4:5: table 'docs' is virtual: its columns come from `virtual:` (fts5(title)); remove `columns:`", run.Stderr);
    }
}
