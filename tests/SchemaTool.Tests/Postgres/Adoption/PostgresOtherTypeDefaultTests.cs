namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// Defaults and index expressions that pg_dump writes with a cast to another type than the column's (Kamailio's
/// `varchar DEFAULT 0`, Rails' `varchar DEFAULT 'active'::text`, an index on `upper((name)::text)`) are copied as the
/// server prints them, not re-typed, and compare equal to the inspected model (real-application class 8).
/// </summary>
public sealed class PostgresOtherTypeDefaultTests
{
    [Fact]
    public async Task Defaults_and_index_expressions_with_another_types_cast_are_copied_exactly()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE subscriber (
              id integer PRIMARY KEY,
              name character varying(64),
              flags character varying(10) DEFAULT 0,
              status character varying(10) DEFAULT 'active'::text,
              code character varying(5) DEFAULT 'x'::character varying,
              tags text[] DEFAULT '{}'::text[]
            );
            CREATE INDEX subscriber_upper_name ON subscriber (upper((name)::text));
            """);
        Assert.Contains("default_sql: \"'active'::text\"", db.Yaml);
        await db.RoundTripAsync();
    }
}
