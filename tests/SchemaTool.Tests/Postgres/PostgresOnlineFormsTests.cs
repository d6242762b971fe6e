using Npgsql;
using SchemaTool.Apply;
using SchemaTool.Project;
using SchemaTool.Revisions;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Each online form `plan` writes, applied to a table with rows while writers use it (<see cref="PostgresWriterProbe"/>):
/// the lock the server shows for each statement is the one the plan names; a statement that reads the table takes
/// none that holds up a write; one whose lock does hold writes up only changes the catalog. Afterwards every index is
/// valid and every constraint validated, the writers' rows are all there, and `rollback` puts the catalog back exactly.
/// </summary>
public sealed class PostgresOnlineFormsTests(ITestOutputHelper output)
{
    private const string Base = """
        tables:
          accounts:
            columns:
              id: { type: int, primary_key: true }
          t:
            columns:
              id:         { type: bigint, primary_key: true }
              account_id: { type: int }
              amount:     { type: int }
              note:       { type: varchar(40), nullable: true }

        """;

    private const string AmountIndex = "    indexes:\n      ix_t_amount: { columns: [amount] }\n";

    public static TheoryData<string> Kinds => new() { "create index", "drop index", "foreign key", "check", "not null", "unique constraint" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_online_form_lets_writes_go_on_and_rolls_back_exactly(string kind)
    {
        var (before, after, expected) = Models(kind);
        var name = await PostgresServer.Shared.CreateDatabaseAsync("onlineforms");
        try
        {
            var url = PostgresServer.Shared.Url(name);
            using var project = new ScratchProject(url);
            var baseId = await BaseAsync(project, before, name);
            var catalogBefore = await CatalogAsync(name);
            File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), after);
            project.Ok("plan", "-m", "change");
            var up = File.ReadAllText(Directory.GetFiles(project.Migrations, "*_change.up.sql").Single());
            foreach (var text in expected) Assert.Contains(text, up);

            var probe = new PostgresWriterProbe(PostgresServer.Shared.ConnectionString(name));
            await ApplyAsync(project, url, probe);
            await probe.DrainAsync();

            foreach (var seen in probe.Statements) output.WriteLine(seen.ToString());
            Assert.NotEmpty(probe.Statements);
            foreach (var seen in probe.Statements)
            {
                var traits = seen.Statement.Traits;
                Assert.True(seen.Modes.Count > 0, $"no lock on t seen: {seen}");
                Assert.True(seen.Modes.Max(Strength) == Strength(seen.PlannedMode!), $"the plan named another lock: {seen}");
                if (traits.Work is TableWork.Scan or TableWork.Rewrite)
                    Assert.True(seen.WriteWentThrough && !traits.BlocksWrites, $"a statement that reads the table held up a write: {seen}");
                if (!seen.WriteWentThrough)
                    Assert.True(traits.Work == TableWork.None && traits.BlocksWrites, $"a write was held up by a statement the plan did not say blocks writes: {seen}");
            }
            Assert.Equal(0L, await ScalarAsync<long>(name, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
            Assert.Equal(0L, await ScalarAsync<long>(name, "SELECT count(*) FROM pg_constraint WHERE NOT convalidated"));
            Assert.Equal(2000L + probe.RowsWritten, await ScalarAsync<long>(name, "SELECT count(*) FROM t"));
            Assert.All(await project.HistoryAsync(url), r => Assert.True(r.Complete, r.ToString()));
            Assert.Contains("no changes: the database matches the model", project.Ok("plan", "--dry-run").Out);

            project.Ok("rollback", baseId);

            Assert.Equal(catalogBefore, await CatalogAsync(name));
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(name);
        }
    }

    /// <summary>The control: the probe tells a plain form, whose lock keeps writes waiting while it reads the table.</summary>
    [Fact]
    public async Task The_plain_form_is_seen_to_hold_a_write_up_while_it_reads_the_table()
    {
        var (before, after, _) = Models("check");
        var name = await PostgresServer.Shared.CreateDatabaseAsync("onlineforms");
        try
        {
            var url = PostgresServer.Shared.Url(name);
            using var project = new ScratchProject(url);
            await BaseAsync(project, before, name);
            File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), after);
            project.Ok("plan", "-m", "change", "--offline");

            var probe = new PostgresWriterProbe(PostgresServer.Shared.ConnectionString(name));
            await ApplyAsync(project, url, probe);
            await probe.DrainAsync();

            var seen = Assert.Single(probe.Statements);
            output.WriteLine(seen.ToString());
            Assert.Equal(TableWork.Scan, seen.Statement.Traits.Work);
            Assert.Equal(["AccessExclusiveLock (waiting)"], seen.Modes);
            Assert.False(seen.WriteWentThrough);
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(name);
        }
    }

    /// <summary>
    /// An exclusion constraint has no online form: the plan says so above the statement and names the lock that holds
    /// writes up while the index is built, and the probe sees exactly that; rollback puts the catalog back.
    /// </summary>
    [Fact]
    public async Task An_exclusion_constraint_is_seen_to_hold_writes_up_as_its_plan_says()
    {
        var name = await PostgresServer.Shared.CreateDatabaseAsync("onlineforms");
        try
        {
            var url = PostgresServer.Shared.Url(name);
            using var project = new ScratchProject(url);
            var baseId = await BaseAsync(project, Base, name);
            var catalogBefore = await CatalogAsync(name);
            File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"),
                Base + "    exclusions:\n      ex_t_id: { elements: [{ column: id, with: \"=\" }] }\n");
            project.Ok("plan", "-m", "change");
            var up = File.ReadAllText(Directory.GetFiles(project.Migrations, "*_change.up.sql").Single());
            Assert.Contains("-- no online form: PostgreSQL builds an exclusion constraint's index under an ACCESS EXCLUSIVE lock", up);

            var probe = new PostgresWriterProbe(PostgresServer.Shared.ConnectionString(name));
            await ApplyAsync(project, url, probe);
            await probe.DrainAsync();

            var seen = Assert.Single(probe.Statements);
            output.WriteLine(seen.ToString());
            Assert.Equal("ACCESS EXCLUSIVE", seen.Statement.Traits.Lock);
            Assert.Equal(TableWork.Scan, seen.Statement.Traits.Work);
            Assert.True(seen.Statement.Traits.BlocksWritesWhileItWorks);
            Assert.Equal(["AccessExclusiveLock (waiting)"], seen.Modes);
            Assert.False(seen.WriteWentThrough);
            Assert.Contains("no changes: the database matches the model", project.Ok("plan", "--dry-run").Out);

            project.Ok("rollback", baseId);
            Assert.Equal(catalogBefore, await CatalogAsync(name));
        }
        finally
        {
            await PostgresServer.Shared.DropDatabaseAsync(name);
        }
    }

    /// <summary>The model before and after, and what the online form's up file must contain.</summary>
    private static (string Before, string After, string[] Expected) Models(string kind) => kind switch
    {
        "create index" => (Base, Base + AmountIndex, ["CREATE INDEX CONCURRENTLY \"ix_t_amount\""]),
        "drop index" => (Base + AmountIndex, Base, ["DROP INDEX CONCURRENTLY \"ix_t_amount\""]),
        "foreign key" => (Base, Base + "    foreign_keys:\n      fk_t_account: { columns: [account_id], references: { table: accounts, columns: [id] } }\n",
            ["ADD CONSTRAINT \"fk_t_account\" FOREIGN KEY", "NOT VALID", "VALIDATE CONSTRAINT \"fk_t_account\""]),
        "check" => (Base, Base + "    checks:\n      ck_t_amount: \"amount >= 0\"\n",
            ["ADD CONSTRAINT \"ck_t_amount\" CHECK", "NOT VALID", "VALIDATE CONSTRAINT \"ck_t_amount\""]),
        "not null" => (Base, Base.Replace("note:       { type: varchar(40), nullable: true }", "note:       { type: varchar(40) }"),
            ["IS NOT NULL) NOT VALID", "VALIDATE CONSTRAINT", "ALTER COLUMN \"note\" SET NOT NULL"]),
        "unique constraint" => (Base, Base + "    indexes:\n      uq_t_amount: { columns: [amount], unique: true, constraint: true }\n",
            ["CREATE UNIQUE INDEX CONCURRENTLY \"uq_t_amount\"", "UNIQUE USING INDEX \"uq_t_amount\""]),
        _ => throw new ArgumentException(kind),
    };

    private static async Task<string> BaseAsync(ScratchProject project, string model, string database)
    {
        File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), model);
        project.Ok("plan", "-m", "base");
        project.Ok("apply");
        await ExecuteAsync(database, "INSERT INTO accounts SELECT g FROM generate_series(1, 100) g; " +
                                     "INSERT INTO t SELECT g, 1 + g % 100, g, 'row ' || g FROM generate_series(1, 2000) g; ANALYZE");
        return (await project.AppliedAsync()).Single();
    }

    private static async Task ApplyAsync(ScratchProject project, string url, PostgresWriterProbe probe)
    {
        var workspace = Workspace.Open(project.Dir, url);
        await using var session = await workspace.ConnectAsync(CancellationToken.None);
        probe.Session = session;
        var options = new MigratorOptions(TimeSpan.FromSeconds(30), Observer: probe);
        await workspace.CreateMigrator(session, RevisionFolder.Load(project.Migrations), options).ApplyAsync("head", CancellationToken.None);
    }

    /// <summary>The constraints, indexes and NOT NULL columns of the two tables, as the server's catalog has them.</summary>
    private static Task<string> CatalogAsync(string database) => ScalarAsync<string>(database, """
        SELECT string_agg(x, E'\n' ORDER BY x) FROM (
          SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' validated=' || convalidated
            FROM pg_constraint WHERE conrelid IN ('t'::regclass, 'accounts'::regclass)
          UNION ALL
          SELECT 'index ' || pg_get_indexdef(indexrelid) || ' valid=' || indisvalid FROM pg_index WHERE indrelid IN ('t'::regclass, 'accounts'::regclass)
          UNION ALL
          SELECT 'column ' || attrelid::regclass || '.' || attname || ' ' || format_type(atttypid, atttypmod) || ' not_null=' || attnotnull
            FROM pg_attribute WHERE attrelid IN ('t'::regclass, 'accounts'::regclass) AND attnum > 0 AND NOT attisdropped
        ) s(x)
        """);

    /// <summary>PostgreSQL's table lock modes, weakest first; a mode still wanted counts as the one it wants.</summary>
    private static int Strength(string mode) => Array.IndexOf(
        ["AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"],
        mode.Replace(" (waiting)", ""));

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString(database));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString(database));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
