using SchemaTool.Yaml;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// SQL fields with what PostgreSQL's lexer reads differently from a naive one: E'' strings with backslash escapes,
/// dollar-quoted strings, comments (nested ones too), a$b names, operators next to a minus. Each is applied to the
/// real server, stored as the server stores the expression written verbatim, and reads back equal.
/// </summary>
public sealed class PostgresExpressionRoundTripTests
{
    public static TheoryData<string, string> Checks => new()
    {
        { "E'' strings", @"a <> E'it\'s; x' AND a <> E'back\\slash' AND a <> e'tab\there'" },
        { "dollar quotes", "a <> $$it's$$ AND a <> $t$ $$ ; $t$" },
        { "comments", "a <> 'x' /* why /* nested */ still */ AND b > 0 -- note\n AND b < 10" },
        { "a name with a dollar", "a$b > 0" },
        { "minus after an operator", "b>-1 AND b<>-2" },
        { "dashes and comment openers in strings", "a <> 'x -- y' AND a <> '/* c */'" },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task A_check_is_stored_as_written_and_reads_back_equal(string name, string expression)
    {
        _ = name;
        var quoted = "\"" + expression.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
        var model = $"""
            tables:
              t:
                columns:
                  id: {"{"} type: int, primary_key: true {"}"}
                  a: {"{"} type: text, nullable: true {"}"}
                  b: {"{"} type: int, nullable: true {"}"}
                  a$b: {"{"} type: int, nullable: true {"}"}
                checks:
                  ck_t: {quoted}
            """;
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(model);
        var (second, _) = await db.PlanAsync(model);
        Assert.True(second.IsEmpty, second.UpScript);

        var raw = ModelLoader.Load("schema.yaml", model).FindTable("t")!.Checks[0].Expression;
        await db.ExecuteAsync($"CREATE TABLE raw_t (id int, a text, b int, a$b int, CONSTRAINT ck_t CHECK ({raw}\n))");
        var stored = await db.QueryAsync(
            "SELECT conrelid::regclass::text, pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conname = 'ck_t' ORDER BY 1");
        Assert.Equal(stored[0][1], stored[1][1]);
    }
}

/// <summary>E'' and dollar-quoted constants in the standard form the catalog prints them in.</summary>
public sealed class PostgresStringConstantTests
{
    /// <summary>
    /// The catalog casts a varchar column to text in a comparison with a string ("c"::text &lt;&gt; 'x'); the cast is
    /// dropped for a column named with quotes, spaces or emoji as for a plain one (found by the apply fuzz test).
    /// </summary>
    /// <summary>
    /// Inside ARRAY[...] a varchar column's ::text cast decides the array's type, and so which operator and function
    /// the expression calls (danbooru's index on lower(ARRAY[name::text, ...] || other_names)): kept, not dropped
    /// as a cast that changes nothing.
    /// </summary>
    [Fact]
    public async Task A_text_cast_of_a_varchar_column_inside_an_array_is_kept_in_an_index_expression()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("""
            CREATE TABLE artists (id int PRIMARY KEY, name varchar(100) NOT NULL, group_name varchar(100), other_names text[] NOT NULL DEFAULT '{}');
            CREATE INDEX ix_artists_names ON artists USING gin ((ARRAY[name::text, group_name::text] || other_names));
            """);
        var inspected = SchemaTool.Yaml.ModelWriter.Write(await db.IntrospectAsync());

        await using var copy = await PostgresTestDatabase.CreateAsync();
        await copy.ConvergeAsync(inspected);

        var original = await db.QueryAsync("SELECT pg_get_indexdef('ix_artists_names'::regclass)");
        var copied = await copy.QueryAsync("SELECT pg_get_indexdef('ix_artists_names'::regclass)");
        Assert.Equal(Convert.ToString(original[0][0]), Convert.ToString(copied[0][0]));
        var (second, _) = await copy.PlanAsync(inspected);
        Assert.True(second.IsEmpty, second.UpScript);
    }

    [Fact]
    public async Task A_check_on_a_varchar_column_with_a_quoted_name_reads_back_equal()
    {
        const string model = """
            tables:
              t:
                columns:
                  id: { type: int, primary_key: true }
                  "it's \"q\" 😀%": { type: varchar(20), nullable: true }
                checks:
                  ck_t: "\"it's \"\"q\"\" 😀%\" IS NULL OR \"it's \"\"q\"\" 😀%\" <> '/*'"
            """;
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(model);
        var stored = await db.QueryAsync("SELECT pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conname = 'ck_t'");
        Assert.Contains("::text", Convert.ToString(stored[0][0]));
        var (second, _) = await db.PlanAsync(model);
        Assert.True(second.IsEmpty, second.UpScript);
    }

    [Theory]
    [InlineData(@"a = E'it\'s'", "a = 'it''s'")]
    [InlineData(@"a = E'it''s'", "a = 'it''s'")]
    [InlineData(@"a = E'\303\251'", "a = 'é'")]
    [InlineData(@"a = E'\xC3\xA9!'", "a = 'é!'")]
    [InlineData(@"a = E'\u00e9\U0001F600'", "a = 'é😀'")]
    [InlineData(@"a = E'back\\slash\q'", @"a = 'back\slashq'")]
    [InlineData(@"a = E'\xff'", @"a = E'\xff'")]
    [InlineData(@"a = E'\0'", @"a = E'\0'")]
    [InlineData(@"a = E'\uD83D'", @"a = E'\uD83D'")]
    [InlineData("a = $$it's$$", "a = 'it''s'")]
    [InlineData("a = $t$a$$b$t$", "a = 'a$$b'")]
    public void Become_standard_strings(string expression, string canonical) =>
        Assert.Equal(canonical, SchemaTool.Dialects.Postgres.PostgresExpressions.Canonical(expression));
}
