using System.Text.RegularExpressions;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Sqlite;

/// <summary>
/// Views on a real SQLite file: created in dependency order and dropped in reverse, changed, dropped, and dropped and
/// created again around the table changes that touch what they read; every down file exact, every second plan empty.
/// </summary>
public sealed partial class SqliteViewTests
{
    [GeneratedRegex(@"^wrote revision ([0-9a-f]{12}): ", RegexOptions.Multiline)]
    private static partial Regex WroteRevision();

    private static string PlanAndApply(TempProject project, string yaml, string message)
    {
        project.WriteModel(yaml);
        var revision = WroteRevision().Match(project.Ok("plan", "-m", message).Stdout).Groups[1].Value;
        Assert.NotEqual("", revision);
        project.Ok("apply");
        Assert.Contains("no changes", project.Ok("plan", "-m", "converged?").Stdout);
        return revision;
    }

    /// <summary>The statements of a revision file without its comments, in order.</summary>
    private static List<string> Statements(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal)).ToList();

    private const string Products = """
        tables:
          products:
            columns:
              id:        { type: int, primary_key: true }
              name:      { type: varchar(40) }
              price:     { type: real }
              available: { type: int, default: 1 }
              note:      { type: text, nullable: true }
        """;

    // Named so that their alphabetical order is the reverse of their dependency order.
    private const string Chain = """

        views:
          a_ids:     { sql: "SELECT id FROM b_pricey" }
          b_pricey:  { sql: "SELECT id, name FROM c_on_sale WHERE price > 100" }
          c_on_sale:
            sql: |-
              SELECT id, name, price
                FROM products
               WHERE available = 1
        """;

    private List<string> Views(TempProject project) => project.Query("SELECT name || ': ' || sql FROM sqlite_schema WHERE type = 'view' ORDER BY name");

    [Fact]
    public void A_chain_of_views_is_created_in_dependency_order_and_dropped_in_reverse()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Products + Chain, "chain");

        var up = Statements(project.UpFile(first)).Where(s => s.StartsWith("CREATE VIEW", StringComparison.Ordinal)).ToList();
        Assert.Equal(["CREATE VIEW \"c_on_sale\" AS SELECT id, name, price", "CREATE VIEW \"b_pricey\" AS SELECT id, name FROM c_on_sale WHERE price > 100;", "CREATE VIEW \"a_ids\" AS SELECT id FROM b_pricey;"], up);
        var down = Statements(project.DownFile(first));
        Assert.Equal(["DROP VIEW \"a_ids\";", "DROP VIEW \"b_pricey\";", "DROP VIEW \"c_on_sale\";", "DROP TABLE \"products\";"], down);

        project.Execute("INSERT INTO products (id, name, price) VALUES (1, 'cheap', 5), (2, 'dear', 500)");
        Assert.Equal(["2"], project.Query("SELECT id FROM a_ids"));
        // The block scalar's line breaks are kept: the view holds exactly the model's text.
        Assert.Contains("c_on_sale: CREATE VIEW \"c_on_sale\" AS SELECT id, name, price\n  FROM products\n WHERE available = 1", Views(project));

        project.Ok("rollback", "base");
        Assert.Empty(project.Objects("view"));
        Assert.Equal(["schematool_history"], project.Objects("table"));
    }

    [Fact]
    public void A_changed_query_replaces_the_view_and_the_rollback_restores_its_text_exactly()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Products + Chain, "chain");
        var before = Views(project);

        var second = PlanAndApply(project, Products + Chain.Replace("price > 100", "price > 50"), "cheaper");
        var up = Statements(project.UpFile(second));
        // b_pricey is dropped and created; a_ids, which reads it, around it.
        Assert.Equal(["DROP VIEW \"a_ids\";", "DROP VIEW \"b_pricey\";",
            "CREATE VIEW \"b_pricey\" AS SELECT id, name FROM c_on_sale WHERE price > 50;", "CREATE VIEW \"a_ids\" AS SELECT id FROM b_pricey;"], up);

        project.Ok("rollback", first);
        Assert.Equal(before, Views(project));
    }

    [Fact]
    public void Views_over_a_rebuilt_table_are_dropped_before_it_and_created_after_it()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Products + Chain, "chain");
        project.Execute("INSERT INTO products (id, name, price) VALUES (1, 'cheap', 5), (2, 'dear', 500)");
        var before = Views(project);

        // A type change is a rebuild on SQLite: DROP TABLE and RENAME would leave the views to name a table that
        // was gone and came back; they are dropped before and created after, so they hold the model's text.
        var second = PlanAndApply(project, Products.Replace("varchar(40)", "varchar(80)") + Chain, "wider name");
        var up = Statements(project.UpFile(second));
        var rebuild = up.FindIndex(s => s.StartsWith("CREATE TABLE \"_schematool_new_products\"", StringComparison.Ordinal));
        Assert.Equal(["DROP VIEW \"a_ids\";", "DROP VIEW \"b_pricey\";", "DROP VIEW \"c_on_sale\";"], up.Take(3));
        Assert.Equal(3, rebuild);
        Assert.Equal(["CREATE VIEW \"c_on_sale\" AS SELECT id, name, price", "CREATE VIEW \"b_pricey\" AS SELECT id, name FROM c_on_sale WHERE price > 100;",
            "CREATE VIEW \"a_ids\" AS SELECT id FROM b_pricey;"], up.Where(s => s.StartsWith("CREATE VIEW", StringComparison.Ordinal)));
        Assert.True(up.FindIndex(s => s.StartsWith("CREATE VIEW", StringComparison.Ordinal)) > up.FindIndex(s => s.StartsWith("ALTER TABLE \"_schematool_new_products\" RENAME", StringComparison.Ordinal)));
        Assert.Equal(["2"], project.Query("SELECT id FROM a_ids"));

        project.Ok("rollback", first);
        Assert.Equal(before, Views(project));
        Assert.Equal(["2"], project.Query("SELECT id FROM a_ids"));
        Assert.Equal("ok", project.Query("PRAGMA integrity_check").Single());
    }

    [Fact]
    public void A_column_renamed_in_place_keeps_its_views_as_the_model_writes_them()
    {
        using var project = new TempProject();
        const string view = "\nviews:\n  names: { sql: \"SELECT id, name FROM products\" }\n";
        var first = PlanAndApply(project, Products + view, "view");
        project.Execute("INSERT INTO products (id, name, price) VALUES (1, 'a', 5)");
        var before = Views(project);

        // SQLite's RENAME COLUMN rewrites the views' text ("name" quoted its own way); the view is dropped before
        // and created after from the model, so the second plan finds the model's text.
        PlanAndApply(project, Products.Replace("      name:      { type: varchar(40) }", "      title:     { type: varchar(40), renamed_from: name }")
            + view.Replace("id, name", "id, title"), "rename");
        Assert.Equal(["names: CREATE VIEW \"names\" AS SELECT id, title FROM products"], Views(project));
        Assert.Equal(["1|a"], project.Query("SELECT * FROM names"));

        project.Ok("rollback", first);
        Assert.Equal(before, Views(project));
        Assert.Equal(["1|a"], project.Query("SELECT * FROM names"));
    }

    [Fact]
    public void A_column_dropped_in_place_beside_a_view_drops_and_restores_it()
    {
        using var project = new TempProject();
        const string view = "\nviews:\n  names: { sql: \"SELECT id, name FROM products\" }\n";
        var first = PlanAndApply(project, Products + view, "view");
        project.Execute("INSERT INTO products (id, name, price, note) VALUES (1, 'a', 5, 'kept')");

        var second = PlanAndApply(project, Products.Replace("\n      note:      { type: text, nullable: true }", "") + view, "drop note");
        Assert.Contains("ALTER TABLE \"products\" DROP COLUMN \"note\";", Statements(project.UpFile(second)));
        Assert.Equal(["1|a"], project.Query("SELECT * FROM names"));

        project.Ok("rollback", first);
        Assert.Equal(["names"], project.Objects("view"));
        Assert.Equal(["1|a|NULL"], project.Query("SELECT id, name, note FROM products"));
    }

    [Fact]
    public void A_view_the_model_no_longer_has_is_dropped_and_the_down_file_creates_it_again()
    {
        using var project = new TempProject();
        var first = PlanAndApply(project, Products + Chain, "chain");
        var before = Views(project);

        var second = PlanAndApply(project, Products, "no views");
        Assert.Equal(["DROP VIEW \"a_ids\";", "DROP VIEW \"b_pricey\";", "DROP VIEW \"c_on_sale\";"], Statements(project.UpFile(second)));
        Assert.Empty(project.Objects("view"));

        project.Ok("rollback", first);
        Assert.Equal(before, Views(project));
    }

    [Fact]
    public void Inspect_writes_hand_made_views_that_plan_then_leaves_as_they_are()
    {
        using var project = new TempProject();
        project.Execute(""""
            CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, price REAL);
            create   view  IF NOT EXISTS main.pricey(pid, label) AS
              -- only the expensive ones
              select id, name from products where price > 100 ;
            CREATE VIEW "quoted ""name""" AS SELECT count(*) FROM pricey
            """");
        var inspect = project.Ok("inspect");
        Assert.Contains("  pricey: { sql: \"select id, name from products where price > 100\", columns: [pid, label] }", inspect.Stdout);
        Assert.Contains("  \"quoted \\\"name\\\"\": { sql: \"SELECT count(*) FROM pricey\" }", inspect.Stdout);
        Assert.DoesNotContain("left alone", inspect.Stderr);

        project.WriteModel(inspect.Stdout);
        Assert.Contains("no changes", project.Ok("plan", "-m", "adopt").Stdout);
    }

    [Fact]
    public void A_view_that_reads_a_missing_column_is_refused_at_plan_and_nothing_is_written()
    {
        using var project = new TempProject();
        project.WriteModel(Products + "\nviews:\n  broken: { sql: \"SELECT id, colour FROM products\" }\n");

        var plan = project.Expect(2, "plan", "-m", "broken");
        Assert.Contains("view broken: SQLite refuses it", plan.Stderr + plan.Stdout);
        Assert.Contains("no such column: colour", plan.Stderr + plan.Stdout);
        Assert.Empty(project.MigrationFiles());
    }

    [Fact]
    public void A_view_named_like_a_table_or_an_index_but_for_case_is_refused_at_plan()
    {
        using var project = new TempProject();
        project.WriteModel(Products.Replace("name:      { type: varchar(40) }", "name:      { type: varchar(40), index: true }")
            + "\nviews:\n  Products: { sql: \"SELECT 1\" }\n  IX_PRODUCTS_NAME: { sql: \"SELECT 2\" }\n");

        var plan = project.Expect(2, "plan", "-m", "clash");
        Assert.Contains("view IX_PRODUCTS_NAME: SQLite refuses it: there is already an index named IX_PRODUCTS_NAME", plan.Stderr);
        Assert.Empty(project.MigrationFiles());
        project.WriteModel(Products + "\nviews:\n  Products: { sql: \"SELECT 1\" }\n");
        Assert.Contains("view Products: SQLite refuses it: table \"Products\" already exists", project.Expect(2, "plan", "-m", "clash").Stderr);
    }

    [Fact]
    public void A_view_with_the_name_of_a_table_is_refused_where_it_is_declared()
    {
        using var project = new TempProject();
        project.WriteModel(Products + "\nviews:\n  products: { sql: \"SELECT 1\" }\n");

        var plan = project.Expect(2, "plan", "-m", "clash");
        Assert.Contains("schema/tables.yaml:10:3: view 'products' has the name of a table", plan.Stderr);
    }

    [Fact]
    public void A_view_over_a_virtual_table_is_dropped_and_created_again_around_its_recreation()
    {
        const string model = """
            tables:
              docs:
                virtual: "fts5(title, body)"
            views:
              titles: { sql: "SELECT title FROM docs" }
            """;
        using var project = new TempProject();
        var first = PlanAndApply(project, model, "docs");

        // A virtual table cannot be altered: a new argument is a drop and a create, which a view over it would not survive.
        var second = PlanAndApply(project, model.Replace("fts5(title, body)", "fts5(title, body, tokenize = porter)"), "porter");
        Assert.Equal(["DROP VIEW \"titles\";", "DROP TABLE \"docs\";", "CREATE VIRTUAL TABLE \"docs\" USING fts5(title, body, tokenize = porter);",
            "CREATE VIEW \"titles\" AS SELECT title FROM docs;"], Statements(project.UpFile(second)));
        project.Execute("INSERT INTO docs (title, body) VALUES ('running', 'x')");
        Assert.Equal(["running"], project.Query("SELECT title FROM titles"));

        project.Ok("rollback", first);
        Assert.Contains("titles: CREATE VIEW \"titles\" AS SELECT title FROM docs", Views(project));
        Assert.Contains("fts5(title, body)", project.Query("SELECT sql FROM sqlite_schema WHERE name = 'docs'").Single());
        Assert.Equal("ok", project.Query("PRAGMA integrity_check").Single());
    }
}
