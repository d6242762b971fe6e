using SchemaTool.Apply;
using SchemaTool.Dialects.Postgres;

namespace SchemaTool.Tests.Postgres;

/// <summary>Failure, concurrency and cost of the apply engine on a real PostgreSQL 15.</summary>
public sealed class PostgresApplyTests
{
    private const string Base = """
        tables:
          accounts:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(64) }
        """;

    private const string Next = """
        tables:
          accounts:
            columns:
              id:    { type: int, primary_key: true, auto_increment: true }
              name:  { type: varchar(64) }
              email: { type: varchar(255), nullable: true }
          invoices:
            columns:
              id:         { type: int, primary_key: true, auto_increment: true }
              account_id: { type: int, references: accounts.id }
        """;

    [Fact]
    public async Task A_bad_statement_in_the_middle_rolls_the_revision_back_whole_and_is_named()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var first = await db.ConvergeAsync(Base, "base");
        var before = await db.IntrospectAsync();
        var (_, second) = await db.PlanAsync(Next, "next");
        var lines = File.ReadAllText(second!.UpPath).Split('\n').ToList();
        var middle = lines.FindIndex(l => l.StartsWith("CREATE TABLE", StringComparison.Ordinal));
        lines.Insert(middle, "ALTER TABLE accounts ADD COLUMN broken no_such_type;");
        File.WriteAllText(second.UpPath, string.Join('\n', lines));

        var error = await Assert.ThrowsAsync<StepFailedException>(() => db.ApplyAsync());
        Assert.Contains("ALTER TABLE accounts ADD COLUMN broken no_such_type", error.Message);
        Assert.Contains("no_such_type", error.Message);
        Assert.Contains("rolled back whole", error.Message);
        Assert.Equal(3, error.ExitCode);
        Assert.Equal(before, await db.IntrospectAsync());
        var history = await db.QueryAsync("SELECT revision FROM schematool_history");
        Assert.Equal(first.Id, Assert.Single(history)[0]);
    }

    [Fact]
    public async Task Two_migrators_at_once_both_succeed_and_each_revision_runs_once()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.PlanAsync(Base, "base");
        await db.ExecuteAsync("SELECT 1");
        await using var a = await db.OpenAsync();
        await using var b = await db.OpenAsync();
        var waits = new List<string>();

        // Hold the lock on a third session, so that both migrators must wait and then race for it.
        await using var holder = await db.OpenAsync();
        var held = await holder.AcquireLockAsync(TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None);
        var runA = db.Migrator(a, m => { lock (waits) waits.Add(m); }).ApplyAsync("head", CancellationToken.None);
        var runB = db.Migrator(b, m => { lock (waits) waits.Add(m); }).ApplyAsync("head", CancellationToken.None);
        await Task.Delay(500);
        await held.DisposeAsync();
        var applied = await Task.WhenAll(runA, runB);

        Assert.Equal(1, applied.Sum(r => r.Count));
        Assert.Contains(waits, m => m.StartsWith("waiting for another schematool run to release the lock", StringComparison.Ordinal));
        Assert.Single(await db.QueryAsync("SELECT revision FROM schematool_history"));
        Assert.Single((await db.IntrospectAsync()).Tables);
    }

    [Fact]
    public async Task The_lock_times_out_with_a_database_error()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var holder = await db.OpenAsync();
        await using var other = await db.OpenAsync();
        await using var held = await holder.AcquireLockAsync(TimeSpan.FromSeconds(5), _ => { }, CancellationToken.None);
        var waited = 0;
        var error = await Assert.ThrowsAsync<SchemaTool.Dialects.LockTimeoutException>(
            () => other.AcquireLockAsync(TimeSpan.FromMilliseconds(600), _ => waited++, CancellationToken.None));
        Assert.Equal(1, waited);
        Assert.Contains("lock", error.Message);
        Assert.DoesNotContain("Password", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(500)]
    public async Task Introspection_costs_a_fixed_number_of_statements(int tables)
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var ddl = string.Concat(Enumerable.Range(0, tables).Select(i =>
            $"CREATE TABLE t{i} (id int PRIMARY KEY, parent int REFERENCES t{i} (id), name text CHECK (name <> ''), " +
            $"code varchar(10) UNIQUE); CREATE INDEX ix_t{i} ON t{i} (lower(name)); "));
        await db.ExecuteAsync(ddl);

        await using var session = await db.OpenAsync();
        var before = session.StatementsSent;
        var schema = await session.IntrospectAsync(CancellationToken.None);
        var cost = session.StatementsSent - before;

        Assert.Equal(tables, schema.Tables.Count);
        Assert.Equal(PostgresCatalogQueries.Count, cost);
        Assert.InRange(cost, 1, 16);
    }

    [Fact]
    public async Task A_schema_named_by_search_path_holds_the_tables_and_the_history()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE SCHEMA billing; CREATE TABLE public.elsewhere (id int)");
        var target = db.Dialect.ParseTarget(db.Target.ConnectionString + ";Search Path=billing", db.Migrations);
        Assert.Equal("billing", target.Schema);
        var model = SchemaTool.Yaml.ModelLoader.Load("schema.yaml", Base);
        await using (var session = await db.Dialect.OpenAsync(target, CancellationToken.None))
        {
            var plan = Planning.Planner.Create(db.Dialect, await session.IntrospectAsync(CancellationToken.None), model);
            Revisions.RevisionFolder.Write(db.Migrations, "00000000000a", [], "billing", DateTimeOffset.UtcNow, plan.UpScript, plan.DownScript);
            await db.Migrator(session).ApplyAsync("head", CancellationToken.None);
            var again = Planning.Planner.Create(db.Dialect, await session.IntrospectAsync(CancellationToken.None), model);
            Assert.True(again.IsEmpty, again.UpScript);
        }
        var tables = await db.QueryAsync("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema IN ('billing', 'public') ORDER BY 1");
        Assert.Equal(["billing.accounts", "billing.schematool_history", "public.elsewhere"], tables.Select(r => (string)r[0]!));
    }
}
