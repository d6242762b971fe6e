using SchemaTool.Tests.Postgres.Adoption;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Views and materialized views on the real server: created from text in any spelling and compared in the server's
/// canonical form (a second plan is empty), read back through pg_catalog by the test's own queries, replaced in
/// place or dropped and created, dropped and created around a change of a column they read, and rolled back exactly.
/// </summary>
public sealed class PostgresViewTests
{
    private const string Tables = """
        tables:
          users:
            columns:
              id:     { type: int, primary_key: true }
              name:   { type: text }
              active: { type: boolean, default: true }
              score:  { type: int, nullable: true }
        """;

    // Spelled unlike the server: case, spacing, a cast, a view over a view named before it.
    private const string Views = """

        views:
          a_top:
            sql: select ID, NAME from b_active   where Score>10
            comment: the best
          b_active: { sql: "SELECT id, name, score FROM users WHERE active = 'true'::boolean" }
          c_names:
            sql: SELECT lower(name) AS name, count(*) AS n FROM users GROUP BY lower(name)
            materialized: true
            indexes: { ix_c_names_name: { columns: [name], unique: true } }
            comment: counted names
        """;

    /// <summary>Each view of the schema as the server keeps it: kind, definition, populated, comment; and the matview indexes.</summary>
    private static async Task<List<string>> CatalogAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT c.relname || ' ' || c.relkind::text || ' ' || c.relispopulated || ' ' || coalesce(obj_description(c.oid, 'pg_class'), '-')
                   || ': ' || pg_get_viewdef(c.oid, true)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm')
            UNION ALL
            SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'c_names'
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Views_and_a_materialized_view_are_created_in_order_compared_canonically_and_rolled_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Tables + Views, "views");
        var up = File.ReadAllText(first.UpPath);
        Assert.True(up.IndexOf("CREATE VIEW \"b_active\"", StringComparison.Ordinal) < up.IndexOf("CREATE VIEW \"a_top\"", StringComparison.Ordinal), up);
        Assert.Contains("WITH DATA", up);

        var catalog = await CatalogAsync(db);
        Assert.Equal(4, catalog.Count);
        Assert.StartsWith("a_top v true the best: ", catalog[0]);
        Assert.Contains("score > 10", catalog[0]);
        Assert.StartsWith("b_active v true -: ", catalog[1]);
        Assert.StartsWith("c_names m true counted names: ", catalog[2]);
        Assert.Equal("index ix_c_names_name: CREATE UNIQUE INDEX ix_c_names_name ON public.c_names USING btree (name)", catalog[3]);

        await db.RollbackAsync("base");
        Assert.Empty(await CatalogAsync(db));
        Assert.Empty(await db.QueryAsync("SELECT 1 FROM pg_class WHERE relname = 'users'"));
    }

    [Fact]
    public async Task A_view_over_a_column_whose_type_changes_is_dropped_and_created_around_the_change()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Tables + Views, "views");
        var before = await CatalogAsync(db);

        var widened = (Tables + Views).Replace("score:  { type: int, nullable: true }", "score:  { type: bigint, nullable: true }");
        var change = await db.ConvergeAsync(widened, "widen score");
        var up = Statements(File.ReadAllText(change.UpPath));
        var alter = up.FindIndex(s => s.Contains("ALTER COLUMN \"score\" TYPE bigint", StringComparison.Ordinal));
        Assert.True(alter > 0, string.Join("\n", up));
        Assert.True(up.FindIndex(s => s.StartsWith("DROP VIEW \"a_top\"", StringComparison.Ordinal)) < alter);
        Assert.True(up.FindIndex(s => s.StartsWith("DROP VIEW \"b_active\"", StringComparison.Ordinal)) < alter);
        Assert.True(up.FindIndex(s => s.StartsWith("CREATE VIEW \"b_active\"", StringComparison.Ordinal)) > alter);
        Assert.True(up.FindIndex(s => s.StartsWith("CREATE VIEW \"a_top\"", StringComparison.Ordinal)) > up.FindIndex(s => s.StartsWith("CREATE VIEW \"b_active\"", StringComparison.Ordinal)));
        // The materialized view reads only name: it stays, with its rows.
        Assert.DoesNotContain(up, s => s.Contains("c_names", StringComparison.Ordinal));
        Assert.Equal("bigint", (await db.QueryAsync("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'b_active'::regclass AND attname = 'score'"))[0][0]);

        await db.UndoAsync(change);
        Assert.Equal(before, await CatalogAsync(db));
        Assert.True((await db.PlanOnlyAsync(Tables + Views)).IsEmpty);
    }

    [Fact]
    public async Task A_query_with_the_same_columns_is_replaced_in_place_and_other_changes_drop_and_create_the_view()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Tables + Views, "views");
        var before = await CatalogAsync(db);

        var filtered = await db.ConvergeAsync((Tables + Views).Replace("where Score>10", "where Score > 20"), "filter");
        var up = Statements(File.ReadAllText(filtered.UpPath));
        // PostgreSQL 16 stopped qualifying the columns of a one-table query: the text is the server's either way.
        Assert.Single(up);
        Assert.StartsWith("CREATE OR REPLACE VIEW \"a_top\" AS SELECT ", up[0]);
        Assert.EndsWith("score > 20;", up[0]);
        await db.UndoAsync(filtered);
        Assert.Equal(before, await CatalogAsync(db));

        // b_active loses a column that a_top does not read: b_active is dropped and created, and a_top around it.
        var narrowed = (Tables + Views).Replace("SELECT id, name, score FROM users", "SELECT id, score FROM users")
            .Replace("select ID, NAME from b_active", "select ID from b_active");
        var change = await db.ConvergeAsync(narrowed, "narrow");
        up = Statements(File.ReadAllText(change.UpPath));
        Assert.Equal(["DROP VIEW \"a_top\";", "DROP VIEW \"b_active\";"], up.Take(2));
        Assert.Contains(up, s => s.StartsWith("CREATE VIEW \"a_top\" AS SELECT ", StringComparison.Ordinal));
        await db.UndoAsync(change);
        Assert.Equal(before, await CatalogAsync(db));

        // A materialized view's query changes: dropped and created (never replaced), filled again.
        var requery = await db.ConvergeAsync((Tables + Views).Replace("count(*) AS n", "count(id) AS n"), "requery");
        up = Statements(File.ReadAllText(requery.UpPath));
        Assert.StartsWith("DROP MATERIALIZED VIEW \"c_names\"", up[0]);
        Assert.Contains(up, s => s.StartsWith("CREATE UNIQUE INDEX \"ix_c_names_name\"", StringComparison.Ordinal));
        await db.UndoAsync(requery);
        Assert.Equal(before, await CatalogAsync(db));
    }

    [Fact]
    public async Task A_view_the_server_refuses_is_refused_at_plan_with_its_name()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var broken = Tables + "\nviews:\n  broken: { sql: SELECT colour FROM users }\n";
        var e = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(broken));
        Assert.StartsWith("schema.yaml:9:3: view broken: PostgreSQL refuses it: column \"colour\" does not exist", e.Message);
        Assert.Empty(await db.QueryAsync("SELECT 1 FROM pg_namespace WHERE nspname LIKE 'schematool_scratch%'"));
    }

    [Fact]
    public async Task Inspect_models_views_and_materialized_views_and_a_copy_has_the_same_catalog()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE orders (id bigint PRIMARY KEY, placed date NOT NULL, total numeric(10,2));
            CREATE VIEW recent AS SELECT id, total FROM orders WHERE placed > '2020-01-01'::date;
            CREATE VIEW big_recent AS SELECT id FROM recent WHERE total > 100;
            COMMENT ON VIEW big_recent IS 'over 100';
            CREATE MATERIALIZED VIEW daily AS SELECT placed, sum(total) AS total FROM orders GROUP BY placed;
            CREATE UNIQUE INDEX daily_placed ON daily (placed);
            """);
        Assert.Contains("views:", db.Yaml);
        Assert.Contains("materialized: true", db.Yaml);
        Assert.DoesNotContain(db.Inspection.LeftAlone, l => l.Kind.Contains("view", StringComparison.Ordinal));
        // The catalog comparison of the round trip reads each view's definition and comment (CatalogSnapshot).
        await db.RoundTripAsync();
    }

    [Fact]
    public async Task Inspect_keeps_a_views_options_and_a_copy_has_the_same_catalog()
    {
        // A view's options are reloptions beside its query: a copy without security_barrier or the check option
        // lets rows through that the original keeps out.
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE orders (id bigint PRIMARY KEY, owner text NOT NULL, total numeric(10,2));
            CREATE VIEW mine WITH (security_barrier) AS SELECT id, total FROM orders WHERE owner = current_user;
            CREATE VIEW big AS SELECT id, total FROM orders WHERE total > 100 WITH CASCADED CHECK OPTION;
            CREATE VIEW big_local AS SELECT id, total FROM big WHERE total < 1000 WITH LOCAL CHECK OPTION;
            """);
        Assert.Contains("security_barrier", db.Yaml);
        Assert.Contains("check_option", db.Yaml);
        // The catalog comparison reads each view's reloptions (CatalogSnapshot's relation line).
        await db.RoundTripAsync();
    }

    /// <summary>Each view's reloptions as the server keeps them.</summary>
    private static async Task<List<string>> OptionsAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT c.relname || ' ' || coalesce(array_to_string(c.reloptions, ','), '-')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('v', 'm') ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task A_views_options_are_set_changed_in_place_and_rolled_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        const string barrier = Tables + """

            views:
              active: { sql: "SELECT id, name FROM users WHERE active", with: { security_barrier: on, check_option: local } }
              scored: { sql: "SELECT id, score FROM users WHERE score > 0 WITH CHECK OPTION" }
              totals: { sql: "SELECT active, count(*) AS n FROM users GROUP BY active", materialized: true, with: { fillfactor: 70 } }
            """;
        await db.ConvergeAsync(barrier, "views with options");
        var created = await OptionsAsync(db);
        Assert.Equal(["active security_barrier=on,check_option=local", "scored check_option=cascaded", "totals fillfactor=70"], created);
        // The query's own WITH CHECK OPTION and on for true are the server's spellings too: nothing to do.
        Assert.True((await db.PlanOnlyAsync(barrier)).IsEmpty);

        var changed = barrier.Replace("with: { security_barrier: on, check_option: local }", "with: { check_option: cascaded }");
        var change = await db.ConvergeAsync(changed, "change options");
        var up = File.ReadAllText(change.UpPath);
        Assert.Contains("CREATE OR REPLACE VIEW \"active\" WITH (check_option = cascaded) AS", up);
        Assert.Equal(["active check_option=cascaded", "scored check_option=cascaded", "totals fillfactor=70"], await OptionsAsync(db));

        await db.RollbackAsync(change.Parents[0]);
        Assert.Equal(created, await OptionsAsync(db));
    }

    [Fact]
    public async Task Security_invoker_needs_postgresql_15_and_converges_there()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var model = Tables + "\nviews:\n  mine: { sql: SELECT id FROM users, with: { security_invoker: true } }\n";
        var version = Convert.ToInt32((await db.QueryAsync("SELECT current_setting('server_version_num')::int / 10000"))[0][0]);
        if (version < 15)
        {
            var e = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(model));
            Assert.Contains("view 'mine': option security_invoker=true needs PostgreSQL 15 or later", e.Message);
            return;
        }
        await db.ConvergeAsync(model, "invoker");
        Assert.Equal(["mine security_invoker=true"], await OptionsAsync(db));
        Assert.True((await db.PlanOnlyAsync(model)).IsEmpty);
    }


    /// <summary>A revision file's statements without its comments (a statement may span lines; each ends with a semicolon).</summary>
    private static List<string> Statements(string script) =>
        string.Join("\n", script.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)))
            .Split(";\n").Select(s => s.Trim()).Where(s => s.Length > 0).Select(s => s + ";").ToList();
}
