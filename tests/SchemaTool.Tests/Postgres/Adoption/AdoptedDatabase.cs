using SchemaTool.Planning;
using SchemaTool.Project;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// The adoption path on the real server: a database made by hand (as an application's install script or pg_dump
/// makes it), `inspect`, a plan against it that must be empty, then plan and apply of the inspected model on an
/// empty database, whose catalog is compared with the original's through the test's own queries
/// (<see cref="CatalogSnapshot"/>, not schematool's introspector); a second plan there is empty, and rollback empties it.
/// </summary>
internal sealed class AdoptedDatabase : IAsyncDisposable
{
    private AdoptedDatabase(PostgresTestDatabase original, PostgresTestDatabase copy, Inspection inspection)
    {
        Original = original;
        Copy = copy;
        Inspection = inspection;
    }

    public PostgresTestDatabase Original { get; }
    public PostgresTestDatabase Copy { get; }
    public Inspection Inspection { get; }
    public string Yaml => Inspection.Yaml;

    /// <summary>Runs <paramref name="sql"/> in a new database and inspects it; a plan of the inspected model against it is empty.</summary>
    public static async Task<AdoptedDatabase> InspectAsync(string sql)
    {
        var original = await PostgresTestDatabase.CreateAsync();
        var copy = await PostgresTestDatabase.CreateAsync();
        await original.ExecuteAsync(sql);
        Inspection inspection;
        await using (var session = await original.OpenAsync())
            inspection = await Inspector.InspectAsync(session, CancellationToken.None);
        var adopted = new AdoptedDatabase(original, copy, inspection);
        var again = await adopted.PlanAsync(original);
        Assert.True(again.IsEmpty, $"a plan of the inspected model against the database it came from should be empty, but is:\n{again.UpScript}\nmodel:\n{inspection.Yaml}");
        return adopted;
    }

    /// <summary>A plan of the inspected model against <paramref name="database"/>, made with the dialect of a session (it knows the server's version).</summary>
    public async Task<Plan> PlanAsync(PostgresTestDatabase database)
    {
        await using var session = await database.OpenAsync();
        var current = await session.IntrospectAsync(CancellationToken.None);
        return await Planner.CreateAsync(session, current, ModelLoader.Load("schema/tables.yaml", Yaml), CancellationToken.None);
    }

    /// <summary>
    /// Plans and applies the inspected model on the empty copy (after <paramref name="setup"/>, for what the model
    /// leaves to the user), compares both catalogs, checks that a second plan is empty, and rolls back to base.
    /// </summary>
    public async Task RoundTripAsync(string? setup = null, IReadOnlyCollection<string>? leftAlone = null)
    {
        if (setup is not null) await Copy.ExecuteAsync(setup);
        var (plan, revision) = await Copy.PlanAsync(Yaml, "adopt");
        Assert.NotNull(revision);
        await Copy.ApplyAsync();

        var expected = await CatalogSnapshot.ReadAsync(Original, leftAlone);
        var actual = await CatalogSnapshot.ReadAsync(Copy, leftAlone);
        Assert.True(expected.SequenceEqual(actual), CatalogSnapshot.Difference(expected, actual) + "\nafter applying:\n" + plan.UpScript);

        var second = await PlanAsync(Copy);
        Assert.True(second.IsEmpty, "a second plan on the copy should be empty, but is:\n" + second.UpScript);

        await Copy.RollbackAsync("base");
        var rolledBack = await Copy.QueryAsync(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' " +
            "AND c.relkind IN ('r', 'p', 'S') AND c.relname <> 'schematool_history'" + (setup is null ? "" : " AND c.relkind <> 'S'"));
        Assert.True(rolledBack.Count == 0, "rollback to base left: " + string.Join(", ", rolledBack.Select(r => r[0])));
    }

    public async ValueTask DisposeAsync()
    {
        await Original.DisposeAsync();
        await Copy.DisposeAsync();
    }
}
