namespace SchemaTool.Tests.Postgres.Types;

/// <summary>
/// Sequences of their own (not a column's auto_increment) on the real server: created before the defaults that
/// use them, owned after their table, altered and renamed in place, read back through pg_sequence and pg_depend.
/// </summary>
public sealed class PostgresSequenceTests
{
    private const string Invoices = """
        sequences:
          invoice_no: { type: int, start: 1000, increment: 5, max: 1000000, cache: 20, cycle: true, comment: "one per invoice" }
          shared_ids: { owned_by: credits.b }
        tables:
          invoices:
            columns:
              id: { type: bigint, primary_key: true, default_sql: "nextval('invoice_no')" }
              a:  { type: bigint, nullable: true, default_sql: "nextval('shared_ids')" }
          credits:
            columns:
              id: { type: bigint, primary_key: true }
              b:  { type: bigint, nullable: true, default_sql: "nextval('shared_ids'::regclass)" }
        """;

    private const string Catalog = """
        SELECT c.relname || ' ' || format_type(s.seqtypid, NULL) || ' start ' || s.seqstart || ' inc ' || s.seqincrement
               || ' min ' || s.seqmin || ' max ' || s.seqmax || ' cache ' || s.seqcache || ' cycle ' || s.seqcycle
               || coalesce(' owned by ' || (SELECT t.relname || '.' || a.attname FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'), '')
               || coalesce(' comment ' || obj_description(c.oid, 'pg_class'), '')
        FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' ORDER BY c.relname
        """;

    private static async Task<string> SequencesAsync(PostgresTestDatabase db) =>
        string.Join("\n", (await db.QueryAsync(Catalog)).Select(r => (string)r[0]!));

    /// <summary>
    /// PostgreSQL refuses bounds that leave out a sequence's current value ("RESTART value (-200) cannot be less than
    /// MINVALUE"): narrowed bounds move the sequence inside them first, so that it goes on from the new bound.
    /// </summary>
    [Fact]
    public async Task Narrowed_bounds_move_an_identity_and_a_free_sequence_inside_them_and_the_down_file_widens_them_again()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        const string Wide = """
            sequences:
              ticket_no: { start: 1, max: 1000 }
            tables:
              voltages:
                columns:
                  volt: { type: int, auto_increment: { start: -200, increment: 10, min: -200, max: 200 } }
                  ticket: { type: bigint, default_sql: "nextval('ticket_no')" }
            """;
        var narrow = Wide.Replace("{ start: 1, max: 1000 }", "{ start: 500, min: 500, max: 600 }")
            .Replace("{ start: -200, increment: 10, min: -200, max: 200 }", "{ start: -100, increment: 5, min: -100, max: 100 }");
        var wide = await db.ConvergeAsync(Wide, "wide");
        await db.ExecuteAsync("INSERT INTO voltages DEFAULT VALUES");

        var narrowed = await db.ConvergeAsync(narrow, "narrow");
        await db.ExecuteAsync("INSERT INTO voltages DEFAULT VALUES");
        Assert.Equal("-200 1; -100 500", string.Join("; ", (await db.QueryAsync("SELECT volt || ' ' || ticket FROM voltages ORDER BY volt")).Select(r => r[0])));

        await db.RollbackAsync(wide.Id);
        Assert.Contains("ticket_no bigint start 1 inc 1 min 1 max 1000", await SequencesAsync(db));
        await db.ExecuteAsync("INSERT INTO voltages DEFAULT VALUES");
        Assert.Equal("-200 1; -100 500; -90 501", string.Join("; ", (await db.QueryAsync("SELECT volt || ' ' || ticket FROM voltages ORDER BY volt")).Select(r => r[0])));
        Assert.True((await db.PlanOnlyAsync(Wide)).IsEmpty);
        Assert.NotNull(narrowed);
    }

    [Fact]
    public async Task A_free_sequence_is_created_before_its_defaults_owned_after_its_table_and_rolled_back_exactly()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var revision = await db.ConvergeAsync(Invoices);
        var up = File.ReadAllText(revision.UpPath);
        Assert.True(up.IndexOf("CREATE SEQUENCE \"invoice_no\"", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE \"invoices\"", StringComparison.Ordinal), up);
        Assert.True(up.IndexOf("CREATE TABLE \"credits\"", StringComparison.Ordinal) < up.IndexOf("OWNED BY \"credits\".\"b\"", StringComparison.Ordinal), up);
        Assert.Equal("""
            invoice_no integer start 1000 inc 5 min 1 max 1000000 cache 20 cycle true comment one per invoice
            shared_ids bigint start 1 inc 1 min 1 max 9223372036854775807 cache 1 cycle false owned by credits.b
            """, await SequencesAsync(db));
        await db.ExecuteAsync("INSERT INTO invoices DEFAULT VALUES; INSERT INTO invoices DEFAULT VALUES");
        Assert.Equal([1000L, 1005L], (await db.QueryAsync("SELECT id FROM invoices ORDER BY id")).Select(r => (long)r[0]!));

        var down = File.ReadAllText(revision.DownPath);
        Assert.True(down.IndexOf("OWNED BY NONE", StringComparison.Ordinal) < down.IndexOf("DROP TABLE \"credits\"", StringComparison.Ordinal), down);
        await db.RollbackAsync("base");
        Assert.Equal("", await SequencesAsync(db));
        Assert.Empty(await db.QueryAsync("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S') AND c.relname <> 'schematool_history'"));
    }

    [Fact]
    public async Task Options_owner_and_name_change_in_place_and_the_down_file_puts_them_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Invoices);
        var before = await SequencesAsync(db);
        await db.ExecuteAsync("SELECT nextval('invoice_no'), nextval('invoice_no')");
        var changed = Invoices
            .Replace("invoice_no: { type: int, start: 1000, increment: 5, max: 1000000, cache: 20, cycle: true, comment: \"one per invoice\" }",
                     "invoice_number: { renamed_from: invoice_no, start: 1000, increment: 5 }")
            .Replace("nextval('invoice_no')", "nextval('invoice_number')")
            .Replace("shared_ids: { owned_by: credits.b }", "shared_ids: { owned_by: invoices.a, max: 5000 }");
        var second = await db.ConvergeAsync(changed);
        var up = File.ReadAllText(second.UpPath);
        Assert.Contains("ALTER SEQUENCE \"invoice_no\" RENAME TO \"invoice_number\"", up);
        Assert.DoesNotContain("DROP SEQUENCE", up);
        Assert.Equal("""
            invoice_number bigint start 1000 inc 5 min 1 max 9223372036854775807 cache 1 cycle false
            shared_ids bigint start 1 inc 1 min 1 max 5000 cache 1 cycle false owned by invoices.a
            """, await SequencesAsync(db));
        // The sequence kept its value through the rename (the first session had cached 20 values: 1000 to 1095).
        Assert.Equal(1100L, (await db.QueryAsync("SELECT nextval('invoice_number')"))[0][0]);

        await db.RollbackAsync(first.Id);
        Assert.Equal(before, await SequencesAsync(db));
        var (again, _) = await db.PlanAsync(Invoices);
        Assert.True(again.IsEmpty, again.UpScript);
    }

    [Fact]
    public async Task A_sequence_the_model_leaves_out_is_dropped_after_the_defaults_that_use_it()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Invoices);
        var without = """
            tables:
              invoices:
                columns:
                  id: { type: bigint, primary_key: true }
                  a:  { type: bigint, nullable: true }
              credits:
                columns:
                  id: { type: bigint, primary_key: true }
                  b:  { type: bigint, nullable: true }
            """;
        var revision = await db.ConvergeAsync(without);
        Assert.Contains("-- WARNING: drops sequence invoice_no: its current value is lost", File.ReadAllText(revision.UpPath));
        Assert.Equal("", await SequencesAsync(db));
    }

    [Fact]
    public async Task A_sequence_of_a_type_that_is_no_integer_is_refused_at_plan()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var refused = await Assert.ThrowsAsync<SchemaTool.InputException>(() => db.PlanAsync(
            "sequences:\n  s: { type: \"text; DROP TABLE x\" }\ntables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n"));
        Assert.Contains("sequence 's': type must be smallint, integer or bigint, not text; DROP TABLE x", refused.Message);
    }
}
