using SchemaTool.Tests.Postgres.Adoption;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Exclusion constraints on the real server: created from the model in any spelling and compared as the catalog holds
/// them (a second plan is empty), read back by the test's own query (pg_get_constraintdef), changed by a drop and an
/// add, a comment set alone, kept across a rename and a type change of their columns, and rolled back exactly.
/// </summary>
public sealed class PostgresExclusionTests
{
    // Spelled unlike the server: the method's case, an OPERATOR() form, spaces and case in the expression and condition.
    private const string Model = """
        extensions: [btree_gist]
        tables:
          bookings:
            columns:
              id:        { type: int, primary_key: true }
              room:      { type: int }
              guest:     { type: text }
              during:    { type: tstzrange }
              cancelled: { type: boolean, default: false }
            exclusions:
              no_overlap:
                using: GIST
                elements:
                  - { column: room, with: "OPERATOR(pg_catalog.=)" }
                  - { column: during, with: "&&" }
                where: "NOT Cancelled"
                comment: one booking per room at a time
              one_guest_name:
                elements: [{ expression: "LOWER( guest )", with: "=" }]
                deferrable: initially deferred
        """;

    /// <summary>Each exclusion constraint of the schema as the server prints it, with its comment.</summary>
    private static async Task<List<string>> CatalogAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT con.conname || ': ' || pg_get_constraintdef(con.oid) || coalesce(' -- ' || obj_description(con.oid, 'pg_constraint'), '')
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND con.contype = 'x'
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Exclusion_constraints_are_created_after_their_extension_compared_canonically_and_rolled_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var revision = await db.ConvergeAsync(Model, "bookings");
        var up = File.ReadAllText(revision.UpPath);
        Assert.True(up.IndexOf("CREATE EXTENSION", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE", StringComparison.Ordinal), up);

        Assert.Equal(
        [
            "no_overlap: EXCLUDE USING gist (room WITH =, during WITH &&) WHERE ((NOT cancelled)) -- one booking per room at a time",
            "one_guest_name: EXCLUDE USING btree (lower(guest) WITH =) DEFERRABLE INITIALLY DEFERRED",
        ], await CatalogAsync(db));
        await db.ExecuteAsync("INSERT INTO bookings VALUES (1, 7, 'Ann', '[2026-01-01,2026-01-05)', false)");
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            db.ExecuteAsync("INSERT INTO bookings VALUES (2, 7, 'Bob', '[2026-01-03,2026-01-04)', false)"));
        Assert.Equal("23P01", refused.SqlState);

        await db.ExecuteAsync("DELETE FROM bookings");
        await db.RollbackAsync("base");
        Assert.Empty(await db.QueryAsync("SELECT 1 FROM pg_class WHERE relname = 'bookings'"));
    }

    [Fact]
    public async Task A_changed_constraint_is_dropped_and_added_a_comment_is_set_alone_and_both_go_back_exactly()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "bookings");
        var before = await CatalogAsync(db);

        var commented = await db.ConvergeAsync(Model.Replace("one booking per room at a time", "no double booking"), "comment");
        Assert.Equal(["COMMENT ON CONSTRAINT \"no_overlap\" ON \"bookings\" IS 'no double booking';"], Statements(File.ReadAllText(commented.UpPath)));
        await db.UndoAsync(commented);
        Assert.Equal(before, await CatalogAsync(db));

        var changed = await db.ConvergeAsync(Model.Replace("\"NOT Cancelled\"", "\"NOT cancelled AND room > 0\""), "condition");
        var up = Statements(File.ReadAllText(changed.UpPath));
        Assert.Equal("ALTER TABLE \"bookings\" DROP CONSTRAINT \"no_overlap\";", up[0]);
        Assert.StartsWith("ALTER TABLE \"bookings\" ADD CONSTRAINT \"no_overlap\" EXCLUDE USING gist (\"room\" WITH =, \"during\" WITH &&) WHERE (", up[1]);
        Assert.DoesNotContain(up, s => s.Contains("one_guest_name", StringComparison.Ordinal));
        await db.UndoAsync(changed);
        Assert.Equal(before, await CatalogAsync(db));

        var renamedAway = await db.ConvergeAsync(Model.Replace("no_overlap:", "no_double_booking:"), "rename");
        await db.UndoAsync(renamedAway);
        Assert.Equal(before, await CatalogAsync(db));
        Assert.True((await db.PlanOnlyAsync(Model)).IsEmpty);
    }

    [Fact]
    public async Task A_constraint_stays_when_its_column_is_renamed_or_changes_type()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "bookings");
        await db.ExecuteAsync("INSERT INTO bookings VALUES (1, 7, 'Ann', '[2026-01-01,2026-01-05)', false)");
        var before = await CatalogAsync(db);

        var renamed = await db.ConvergeAsync(
            Model.Replace("room:      { type: int }", "chamber:   { type: int, renamed_from: room }").Replace("column: room,", "column: chamber,"), "rename room");
        Assert.Equal(["ALTER TABLE \"bookings\" RENAME COLUMN \"room\" TO \"chamber\";"], Statements(File.ReadAllText(renamed.UpPath)));
        await db.UndoAsync(renamed);
        Assert.Equal(before, await CatalogAsync(db));

        // The server builds the constraint's index again for the new type: nothing to drop and add around it.
        var widened = await db.ConvergeAsync(Model.Replace("room:      { type: int }", "room:      { type: bigint }"), "widen room");
        var up = Statements(File.ReadAllText(widened.UpPath));
        Assert.Equal(["ALTER TABLE \"bookings\" ALTER COLUMN \"room\" TYPE bigint;"], up);
        Assert.Equal(before, await CatalogAsync(db));
        await db.UndoAsync(widened);
        Assert.Equal(before, await CatalogAsync(db));
        Assert.Equal(1L, (await db.QueryAsync("SELECT count(*) FROM bookings"))[0][0]);
    }

    [Fact]
    public async Task Dropping_a_column_drops_its_constraint_first_and_the_down_file_adds_it_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "bookings");
        var before = await CatalogAsync(db);
        var withoutGuest = Model.Replace("      guest:     { type: text }\n", "")
            .Replace("      one_guest_name:\n        elements: [{ expression: \"LOWER( guest )\", with: \"=\" }]\n        deferrable: initially deferred", "");
        var dropped = await db.ConvergeAsync(withoutGuest, "drop guest");
        var up = Statements(File.ReadAllText(dropped.UpPath));
        Assert.True(up.FindIndex(s => s.Contains("DROP CONSTRAINT \"one_guest_name\"", StringComparison.Ordinal))
                    < up.FindIndex(s => s.Contains("DROP COLUMN \"guest\"", StringComparison.Ordinal)), string.Join("\n", up));
        await db.UndoAsync(dropped);
        Assert.Equal(before, await CatalogAsync(db));
    }

    [Fact]
    public async Task Inspect_models_exclusion_constraints_and_a_copy_has_the_same_catalog()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE EXTENSION btree_gist;
            CREATE TABLE rooms (id int PRIMARY KEY, name varchar(40), during tstzrange NOT NULL, floor int,
              CONSTRAINT rooms_no_overlap EXCLUDE USING gist (floor WITH =, during WITH &&) WHERE (floor > 0),
              EXCLUDE (lower(name::text) DESC NULLS LAST WITH =));
            ALTER TABLE rooms ADD CONSTRAINT rooms_later EXCLUDE USING gist (id WITH <>) DEFERRABLE;
            COMMENT ON CONSTRAINT rooms_no_overlap ON rooms IS 'one floor, one time';
            """);
        Assert.Contains("exclusions:", db.Yaml);
        Assert.DoesNotContain(db.Inspection.LeftAlone, l => l.Kind.Contains("exclusion", StringComparison.Ordinal));
        await db.RoundTripAsync();
    }


    /// <summary>A revision file's statements without its comments (a statement may span lines; each ends with a semicolon).</summary>
    private static List<string> Statements(string script) =>
        string.Join("\n", script.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)))
            .Split(";\n").Select(s => s.Trim()).Where(s => s.Length > 0).Select(s => s + ";").ToList();
    /// <summary>A table in another schema keeps its exclusion constraint: read under the table's qualified name, never dropped by the next plan.</summary>
    [Fact]
    public async Task An_exclusion_constraint_of_a_table_in_another_schema_converges_and_rolls_back()
    {
        const string qualified = """
            extensions: [btree_gist]
            schemas: [booking]
            tables:
              booking.rooms:
                columns:
                  id:     { type: int, primary_key: true }
                  room:   { type: int }
                  during: { type: tstzrange }
                exclusions:
                  no_overlap: { using: gist, elements: [{ column: room, with: "=" }, { column: during, with: "&&" }] }
            """;
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(qualified, "rooms");
        var printed = await db.QueryAsync("""
            SELECT n.nspname || '.' || c.relname || ' ' || con.conname || ': ' || pg_get_constraintdef(con.oid)
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype = 'x'
            """);
        Assert.Equal("booking.rooms no_overlap: EXCLUDE USING gist (room WITH =, during WITH &&)", (string)printed.Single()[0]!);
        Assert.Contains(db.Dialect.Normalize(await db.IntrospectAsync()).Tables.Single().Exclusions, e => e.Name == "no_overlap");
        await db.RollbackAsync("base");
        Assert.Empty(await db.QueryAsync("SELECT 1 FROM pg_constraint WHERE contype = 'x'"));
    }
}
