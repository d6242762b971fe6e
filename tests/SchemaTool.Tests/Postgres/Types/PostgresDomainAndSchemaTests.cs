namespace SchemaTool.Tests.Postgres.Types;

/// <summary>
/// Domains and schemas (namespaces) on the real server: created before their columns (and contents), changed in
/// place (a domain's default, NOT NULL and checks), read back through pg_type, pg_constraint and pg_namespace, and
/// compared in the form the server prints them (casts, parentheses) without a phantom change.
/// </summary>
public sealed class PostgresDomainAndSchemaTests
{
    private const string Model = """
        schemas:
          auth: { comment: who signs in }
        types:
          email: { domain: text, nullable: false, check: "VALUE ~ '@'", default: nobody@example.com, comment: addresses }
          year:  { domain: int, checks: { year_check: "(VALUE >= 1901) AND (VALUE <= 2155)" } }
        tables:
          people:
            columns:
              id:    { type: bigint, primary_key: true }
              email: { type: email }
              born:  { type: year, nullable: true }
        """;

    private const string Domains = """
        SELECT t.typname || ' ' || format_type(t.typbasetype, t.typtypmod) || ' notnull ' || t.typnotnull || coalesce(' default ' || t.typdefault, '')
               || coalesce(' ' || (SELECT string_agg(con.conname || ' ' || pg_get_constraintdef(con.oid, true), ', ' ORDER BY con.conname)
                                   FROM pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c'), '')
               || coalesce(' comment ' || obj_description(t.oid, 'pg_type'), '')
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'd' ORDER BY t.typname
        """;

    private const string Schemas = """
        SELECT n.nspname || coalesce(' comment ' || obj_description(n.oid, 'pg_namespace'), '') FROM pg_namespace n
        WHERE n.nspname NOT IN ('public', 'information_schema') AND n.nspname NOT LIKE 'pg\_%' ORDER BY n.nspname
        """;

    private static async Task<string> ReadAsync(PostgresTestDatabase db, string sql) =>
        string.Join("; ", (await db.QueryAsync(sql)).Select(r => (string)r[0]!));

    [Fact]
    public async Task Domains_and_schemas_are_created_before_their_columns_compare_equal_and_go_after_them()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var revision = await db.ConvergeAsync(Model);
        var up = File.ReadAllText(revision.UpPath);
        Assert.True(up.IndexOf("CREATE DOMAIN \"email\"", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE", StringComparison.Ordinal), up);
        Assert.Contains("CREATE SCHEMA \"auth\"", up);
        Assert.Equal(
            "email text notnull true default 'nobody@example.com'::text email_check CHECK (VALUE ~ '@'::text) comment addresses; " +
            "year integer notnull false year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)", await ReadAsync(db, Domains));
        Assert.Equal("auth comment who signs in", await ReadAsync(db, Schemas));
        Assert.Empty((await db.IntrospectAsync()).Unmanaged);
        Assert.Equal("email email; born year", string.Join("; ", (await db.QueryAsync(
            "SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'people'::regclass AND attnum > 1 ORDER BY attnum")).Select(r => r[0])));

        await db.RollbackAsync("base");
        Assert.Equal("", await ReadAsync(db, Domains));
        Assert.Equal("", await ReadAsync(db, Schemas));
    }

    [Fact]
    public async Task A_domain_changes_in_place_and_is_renamed_with_its_columns_and_the_down_file_puts_it_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Model);
        var before = await ReadAsync(db, Domains);
        await db.ExecuteAsync("INSERT INTO people VALUES (1, 'a@b', 1999)");
        var changed = Model
            .Replace("email: { domain: text, nullable: false, check: \"VALUE ~ '@'\", default: nobody@example.com, comment: addresses }",
                     "mail: { domain: text, renamed_from: email, checks: { email_check: \"VALUE ~ '@'\", mail_lower: \"VALUE = lower(VALUE)\" }, comment: addresses }")
            .Replace("{ type: email }", "{ type: mail }")
            .Replace("schemas:\n  auth: { comment: who signs in }\n", "schemas: [auth, billing]\n");
        var second = await db.ConvergeAsync(changed);
        var up = File.ReadAllText(second.UpPath);
        Assert.Contains("ALTER DOMAIN \"email\" RENAME TO \"mail\"", up);
        Assert.Contains("ALTER DOMAIN \"mail\" ADD CONSTRAINT \"mail_lower\" CHECK (VALUE = lower(VALUE))", up);
        Assert.DoesNotContain("ALTER TABLE", up);
        Assert.Equal(
            "mail text notnull false email_check CHECK (VALUE ~ '@'::text), mail_lower CHECK (VALUE = lower(VALUE)) comment addresses; " +
            "year integer notnull false year_check CHECK (VALUE >= 1901 AND VALUE <= 2155)", await ReadAsync(db, Domains));
        Assert.Equal("auth; billing", await ReadAsync(db, Schemas));

        await db.RollbackAsync(first.Id);
        Assert.Equal(before, await ReadAsync(db, Domains));
        Assert.Equal("auth comment who signs in", await ReadAsync(db, Schemas));
        var (again, _) = await db.PlanAsync(Model);
        Assert.True(again.IsEmpty, again.UpScript);
    }

    [Fact]
    public async Task A_schema_that_holds_what_is_left_alone_is_not_dropped_and_a_domains_base_type_is_not_changed()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model);
        await db.ExecuteAsync("CREATE TABLE auth.users (id int)");
        var refused = await Assert.ThrowsAsync<SchemaTool.InputException>(() => db.PlanAsync(Model
            .Replace("schemas:\n  auth: { comment: who signs in }\n", "")
            .Replace("year:  { domain: int,", "year:  { domain: bigint,")));
        Assert.Contains("schema 'auth': the model leaves it out, but it holds what schematool leaves alone (table auth.users)", refused.Message);
        Assert.Contains("domain 'year': PostgreSQL cannot change a domain's base type or collation in place (integer in the database)", refused.Message);
    }
}
