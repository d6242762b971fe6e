namespace SchemaTool.Tests.Postgres.Types;

/// <summary>
/// Enum types on the real server: created before their columns, values added in place (outside the revision's
/// transaction when a later statement uses the new value), renamed, removed through a new type, read back from pg_enum.
/// </summary>
public sealed class PostgresEnumTests
{
    private const string Model = """
        types:
          mood: { enum: [sad, ok, happy], comment: how it went }
        tables:
          days:
            columns:
              id:     { type: bigint, primary_key: true }
              mood:   { type: mood, default: ok }
              others: { type: "mood[]", nullable: true }
        """;

    private const string Catalog = """
        SELECT t.typname || ' (' || coalesce((SELECT string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') || ')'
               || coalesce(' comment ' || obj_description(t.oid, 'pg_type'), '')
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e' ORDER BY t.typname
        """;

    private const string Columns = """
        SELECT a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = 'days'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
        """;

    private static async Task<string> ReadAsync(PostgresTestDatabase db, string sql) =>
        string.Join("; ", (await db.QueryAsync(sql)).Select(r => (string)r[0]!));

    [Fact]
    public async Task An_enum_type_is_created_before_its_columns_compares_equal_to_them_and_goes_after_them()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var revision = await db.ConvergeAsync(Model);
        var up = File.ReadAllText(revision.UpPath);
        Assert.True(up.IndexOf("CREATE TYPE \"mood\" AS ENUM ('sad', 'ok', 'happy')", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE", StringComparison.Ordinal), up);
        Assert.Equal("mood (sad, ok, happy) comment how it went", await ReadAsync(db, Catalog));
        Assert.Equal("id bigint; mood mood default 'ok'::mood; others mood[]", await ReadAsync(db, Columns));
        Assert.Empty((await db.IntrospectAsync()).Unmanaged);

        await db.RollbackAsync("base");
        Assert.Equal("", await ReadAsync(db, Catalog));
    }

    /// <summary>PostgreSQL has no cast from one enum type to another: the values go through their text, and the default is set again.</summary>
    [Fact]
    public async Task A_column_moves_from_one_enum_type_to_another_with_its_rows_and_default_and_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var withFeeling = Model.Replace("types:\n", "types:\n  feeling: { enum: [sad, ok, happy] }\n");
        await db.ConvergeAsync(withFeeling);
        await db.ExecuteAsync("INSERT INTO days VALUES (1, 'happy', '{sad,ok}'), (2, DEFAULT, NULL)");
        var before = await ReadAsync(db, Columns);

        var moved = await db.ConvergeAsync(withFeeling.Replace("{ type: mood, default: ok }", "{ type: feeling, default: ok }").Replace("\"mood[]\"", "\"feeling[]\""), "feeling");
        var up = File.ReadAllText(moved.UpPath);
        Assert.Contains("ALTER TABLE \"days\" ALTER COLUMN \"mood\" TYPE feeling USING \"mood\"::text::feeling", up);
        Assert.Contains("ALTER TABLE \"days\" ALTER COLUMN \"others\" TYPE feeling[] USING \"others\"::text::feeling[]", up);
        Assert.Equal("id bigint; mood feeling default 'ok'::feeling; others feeling[]", await ReadAsync(db, Columns));
        Assert.Equal("1 happy {sad,ok}; 2 ok ", string.Join("; ", (await db.QueryAsync("SELECT id || ' ' || mood || ' ' || coalesce(others::text, '') FROM days ORDER BY id")).Select(r => r[0])));

        await db.RollbackAsync(moved.Parents[0]);
        Assert.Equal(before, await ReadAsync(db, Columns));
        Assert.Equal("1 happy {sad,ok}; 2 ok ", string.Join("; ", (await db.QueryAsync("SELECT id || ' ' || mood || ' ' || coalesce(others::text, '') FROM days ORDER BY id")).Select(r => r[0])));
    }

    [Fact]
    public async Task Values_are_added_renamed_and_the_type_renamed_in_place_and_the_down_file_puts_them_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Model);
        await db.ExecuteAsync("INSERT INTO days VALUES (1, 'sad', '{ok,happy}'), (2, 'happy', NULL)");
        var changed = Model
            .Replace("mood: { enum: [sad, ok, happy], comment: how it went }",
                     "feeling: { enum: [sad, meh, { value: fine, renamed_from: ok }, happy, great], renamed_from: mood, comment: how it went }")
            .Replace("type: mood,", "type: feeling,").Replace("\"mood[]\"", "\"feeling[]\"").Replace("default: ok", "default: meh");
        var second = await db.ConvergeAsync(changed);
        var up = File.ReadAllText(second.UpPath);
        Assert.Contains("ALTER TYPE \"mood\" RENAME TO \"feeling\"", up);
        Assert.Contains("ALTER TYPE \"feeling\" RENAME VALUE 'ok' TO 'fine'", up);
        Assert.Contains("ALTER TYPE \"feeling\" ADD VALUE 'meh' BEFORE 'fine'", up);
        Assert.Equal("feeling (sad, meh, fine, happy, great) comment how it went", await ReadAsync(db, Catalog));
        Assert.Equal("id bigint; mood feeling default 'meh'::feeling; others feeling[]", await ReadAsync(db, Columns));
        Assert.Equal(["1 sad {fine,happy}", "2 happy "], (await db.QueryAsync("SELECT id || ' ' || mood || ' ' || coalesce(others::text, '') FROM days ORDER BY id")).Select(r => (string)r[0]!));

        await db.RollbackAsync(first.Id);
        Assert.Equal("mood (sad, ok, happy) comment how it went", await ReadAsync(db, Catalog));
        Assert.Equal("id bigint; mood mood default 'ok'::mood; others mood[]", await ReadAsync(db, Columns));
        Assert.Equal(["1 sad {ok,happy}", "2 happy "], (await db.QueryAsync("SELECT id || ' ' || mood || ' ' || coalesce(others::text, '') FROM days ORDER BY id")).Select(r => (string)r[0]!));
        var (again, _) = await db.PlanAsync(Model);
        Assert.True(again.IsEmpty, again.UpScript);
    }

    [Fact]
    public async Task A_removed_value_re_creates_the_type_with_a_warning_and_its_columns_keep_their_rows()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Model);
        await db.ExecuteAsync("INSERT INTO days VALUES (1, 'sad', '{ok,sad}'), (2, 'ok', NULL)");
        var (plan, _) = await db.PlanAsync(Model.Replace("[sad, ok, happy]", "[sad, ok]"));
        Assert.Contains(plan.Warnings, w => w.Contains("removes value 'happy' from enum type mood") && w.Contains("days.mood, days.others"));
        await db.ApplyAsync();
        Assert.Equal("mood (sad, ok) comment how it went", await ReadAsync(db, Catalog));
        Assert.Equal("id bigint; mood mood default 'ok'::mood; others mood[]", await ReadAsync(db, Columns));
        Assert.Equal(["1 sad {ok,sad}", "2 ok "], (await db.QueryAsync("SELECT id || ' ' || mood || ' ' || coalesce(others::text, '') FROM days ORDER BY id")).Select(r => (string)r[0]!));
        var (again, _) = await db.PlanAsync(Model.Replace("[sad, ok, happy]", "[sad, ok]"));
        Assert.True(again.IsEmpty, again.UpScript);

        await db.RollbackAsync(first.Id);
        Assert.Equal("mood (sad, ok, happy) comment how it went", await ReadAsync(db, Catalog));
        Assert.Equal("id bigint; mood mood default 'ok'::mood; others mood[]", await ReadAsync(db, Columns));
    }
}
