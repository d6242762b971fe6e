using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Postgres.Types;

/// <summary>
/// An enum type that loses a value is re-created and its columns cast to the new type: the views over those columns,
/// and the checks and partial indexes that name them (whose values PostgreSQL would read again against the old type),
/// are dropped before and made again after, in both directions, on the real server.
/// </summary>
public sealed class PostgresEnumDependentsTests
{
    private const string Model = """
        types:
          mood: { enum: [sad, ok, gone, meh] }
        tables:
          days:
            columns:
              id:     { type: int, primary_key: true }
              status: { type: mood, default_sql: "'ok'::mood" }
              note:   { type: text, nullable: true }
            indexes:
              ix_days_status: { columns: [status] }
              ix_days_note:   { columns: [note], where: "status <> 'gone'" }
            checks:
              ck_days_status: "status <> 'sad'"
        views:
          cheerful: { sql: "SELECT id, status FROM days WHERE status = 'ok'" }
        """;

    private const string WithoutMeh = "[sad, ok, gone]";

    /// <summary>The type's values, and the table's defaults, constraints, indexes and view as the server prints them.</summary>
    private static async Task<List<string>> CatalogAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT 'type mood: ' || string_agg(enumlabel, ', ' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'mood'::regtype
            UNION ALL
            SELECT 'default ' || a.attname || ': ' || pg_get_expr(d.adbin, d.adrelid)
            FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'days'::regclass
            UNION ALL
            SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'days'::regclass
            UNION ALL
            SELECT 'index ' || indexrelid::regclass::text || ': ' || pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'days'::regclass
            UNION ALL
            SELECT 'view cheerful: ' || pg_get_viewdef('cheerful'::regclass)
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Views_checks_and_partial_indexes_over_its_columns_are_made_again_around_a_removed_value()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "moods");
        await db.ExecuteAsync("INSERT INTO days (id, status, note) VALUES (1, 'ok', 'a'), (2, 'gone', 'b'), (3, DEFAULT, NULL)");
        var before = await CatalogAsync(db);

        var (plan, revision) = await db.PlanAsync(Model.Replace("[sad, ok, gone, meh]", WithoutMeh), "no meh");
        // PostgreSQL 18 prints a one-table view's columns unqualified, earlier versions as days.id: compared without.
        Golden.Verify("postgres/recreate_enum_type_dependents.sql", ("-- up\n" + plan.UpScript + "-- down\n" + plan.DownScript).Replace("days.", ""));
        await db.ApplyAsync();
        var again = await db.PlanOnlyAsync(Model.Replace("[sad, ok, gone, meh]", WithoutMeh));
        Assert.True(again.IsEmpty, again.UpScript);
        var after = await CatalogAsync(db);
        Assert.Contains("type mood: sad, ok, gone", after);
        Assert.Equal(before.Where(l => !l.StartsWith("type", StringComparison.Ordinal)), after.Where(l => !l.StartsWith("type", StringComparison.Ordinal)));
        Assert.Equal(["1 ok", "3 ok"], (await db.QueryAsync("SELECT id || ' ' || status FROM cheerful ORDER BY id")).Select(r => (string)r[0]!));

        await db.RollbackAsync(revision!.Parents[0]);
        Assert.Equal(before, await CatalogAsync(db));
        Assert.Equal(3L, (await db.QueryAsync("SELECT count(*) FROM days")).Single()[0]);
    }
}
