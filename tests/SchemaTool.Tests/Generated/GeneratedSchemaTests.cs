using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Revisions;
using SchemaTool.Tests.Conformance;
using SchemaTool.Yaml;
using Xunit.Abstractions;

using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Generated;

/// <summary>
/// Property test over random model pairs (<see cref="SchemaGenerator"/>): on a real database, the plan from A
/// to B reaches B (it compares equal to a database built from B alone, and a second plan is empty), rows
/// inserted in A survive every change that need not lose them, and rollback returns to A with the rows.
/// SQLite, PostgreSQL and MariaDB run 200 seeds each (one database per seed side on the shared test server), SQLite
/// and PostgreSQL with views, triggers (and PostgreSQL's trigger function) too (ObjectGenerator), MariaDB with the same views
/// and triggers in MySQL's form;
/// SCHEMATOOL_LONG=1 runs 2,000 on every dialect; SCHEMATOOL_SEED=N replays one, SCHEMATOOL_SEEDS=1-500,733 a list;
/// SCHEMATOOL_GENERATED_PARALLEL=N runs N seeds at once.
/// </summary>
public sealed class GeneratedSchemaTests(ITestOutputHelper output)
{
    private const int SqliteSeeds = 200;
    private const int PostgresSeeds = 200;
    /// <summary>A seed waits on the server for most of its time (two CREATE DATABASE, DDL round trips).</summary>
    private const int PostgresParallelism = 8;
    private const int MariaDbSeeds = 200;

    /// <summary>The seeds to run: one replayed, a list, the long run's 2,000, or the first <paramref name="ciCount"/>.</summary>
    private static IReadOnlyList<int> Seeds(int ciCount)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("SCHEMATOOL_SEED"), out var one)) return [one];
        if (Environment.GetEnvironmentVariable("SCHEMATOOL_SEEDS") is { Length: > 0 } list) return ParseSeedList(list);
        if (Environment.GetEnvironmentVariable("SCHEMATOOL_LONG") == "1") return Enumerable.Range(1, 2000).ToList();
        return Enumerable.Range(1, ciCount).ToList();
    }

    /// <summary>"1-500,733,901-910": ranges and single seeds, for replaying a slice of the long run.</summary>
    private static List<int> ParseSeedList(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(part => part.Split('-') is [var from, var to]
                ? Enumerable.Range(int.Parse(from, CultureInfo.InvariantCulture), int.Parse(to, CultureInfo.InvariantCulture) - int.Parse(from, CultureInfo.InvariantCulture) + 1)
                : [int.Parse(part, CultureInfo.InvariantCulture)])
            .ToList();

    [Fact]
    public async Task Sqlite_generated_pairs_converge_and_roll_back()
    {
        var folder = Directory.CreateTempSubdirectory("schematool-generated-sqlite-").FullName;
        try
        {
            await RunAsync(new SqliteConformanceServer(folder), folder, Seeds(SqliteSeeds), objects: seed => new ObjectGenerator(seed));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_generated_pairs_converge_and_roll_back()
    {
        var folder = Directory.CreateTempSubdirectory("schematool-generated-pg-").FullName;
        try
        {
            await RunAsync(ServerConformanceServer.Postgres(), folder, Seeds(PostgresSeeds), PostgresParallelism,
                objects: seed => new ObjectGenerator(seed, ObjectGenerator.TriggerForm.Function));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Mariadb_generated_pairs_converge_and_roll_back()
    {
        var folder = Directory.CreateTempSubdirectory("schematool-generated-mysql-").FullName;
        try
        {
            await RunAsync(ServerConformanceServer.MariaDb(), folder, Seeds(MariaDbSeeds), objects: seed => new ObjectGenerator(seed), mySqlTriggers: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>SCHEMATOOL_GENERATED_PARALLEL overrides the number of seeds run at once (for timing runs).</summary>
    private static int Parallelism(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("SCHEMATOOL_GENERATED_PARALLEL"), out var n) && n > 0 ? n : fallback;

    /// <param name="objects">The views and triggers of each seed's models (<see cref="ObjectGenerator"/>), on the dialects that model them.</param>
    /// <param name="mySqlTriggers">Whether the triggers take MySQL's form (no WHEN, no UPDATE OF: <see cref="ObjectGenerator.ForMySql"/>).</param>
    private async Task RunAsync(IConformanceServer server, string folder, IReadOnlyList<int> seeds, int parallelism = 4, Func<int, ObjectGenerator>? objects = null,
                                bool mySqlTriggers = false)
    {
        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentBag<(int Seed, string Reason)>();
        await Parallel.ForEachAsync(seeds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism(parallelism) }, async (seed, ct) =>
        {
            string? reason;
            try
            {
                reason = await new SeedRun(server, folder, seed, objects, mySqlTriggers).RunAsync(ct);
            }
            catch (Exception e)
            {
                reason = $"{e.GetType().Name}: {e.Message}";
            }
            if (reason is not null) failures.Add((seed, reason));
        });
        var sorted = failures.OrderBy(f => f.Seed).ToList();
        output.WriteLine($"{server.Dialect.Name}: {seeds.Count} seed(s) in {clock.Elapsed.TotalSeconds:0.0} s, {sorted.Count} failed");
        Assert.True(sorted.Count == 0,
            $"{sorted.Count} generated {server.Dialect.Name} seed(s) failed; replay one with SCHEMATOOL_SEED=N " +
            $"dotnet test tests/SchemaTool.Tests --filter FullyQualifiedName~Generated\n" +
            $"failing seeds: {string.Join(", ", sorted.Select(f => f.Seed))}\n" +
            string.Join("\n", sorted.Take(10).Select(f => $"seed {f.Seed}: {f.Reason}")));
    }

    private sealed class SeedRun(IConformanceServer server, string folder, int seed, Func<int, ObjectGenerator>? objects, bool mySqlTriggers)
    {
        private IDialect Dialect => server.Dialect;

        public async Task<string?> RunAsync(CancellationToken ct)
        {
            var (a, b) = new SchemaGenerator(seed).Pair();
            var (schemaA, schemaB) = objects is not null
                ? objects(seed).Pair(a, b)
                : (new Schema(a.Select(t => t.ToModel())), new Schema(b.Select(t => t.ToModel())));
            // PostgreSQL models sequences (and types) of its own: every seed has some.
            if (Dialect.Name == "postgres") (schemaA, schemaB) = new TypeGenerator(seed).Pair(schemaA, schemaB);
            if (mySqlTriggers) (schemaA, schemaB) = (ObjectGenerator.ForMySql(schemaA), ObjectGenerator.ForMySql(schemaB));
            var yamlA = ModelWriter.Write(schemaA);
            var yamlB = ModelWriter.Write(schemaB);
            Schema modelA, modelB;
            try
            {
                modelA = ModelLoader.Load("a.yaml", yamlA);
                modelB = ModelLoader.Load("b.yaml", yamlB);
            }
            catch (ModelException e)
            {
                return $"the generated model does not load: {string.Join("; ", e.Errors)}\n{yamlA}\n{yamlB}";
            }
            string Models() => $"\n--- A:\n{yamlA}--- B:\n{yamlB}";

            var migrations = Path.Combine(folder, $"seed{seed}-migrations");
            var fresh = Path.Combine(folder, $"seed{seed}-fresh");
            var url = await server.CreateDatabaseAsync($"seed{seed}");
            var freshUrl = await server.CreateDatabaseAsync($"seed{seed}_b");
            try
            {
                await using var db = await Dialect.OpenAsync(Dialect.ParseTarget(url, folder), ct);
                var first = await PlanAndApplyAsync(db, migrations, modelA, "a", ct);
                var rowsA = await InsertRowsAsync(db, a, ct);
                var before = await db.IntrospectAsync(ct);
                var plan = await PlannedStatements.CreateAsync(db, before, modelB, ct);
                var up = plan.UpScript;
                await PlanAndApplyAsync(db, migrations, modelB, "b", ct);

                await using (var other = await Dialect.OpenAsync(Dialect.ParseTarget(freshUrl, folder), ct))
                {
                    await PlanAndApplyAsync(other, fresh, modelB, "b", ct);
                    var differences = SchemaComparison.Differences(await other.IntrospectAsync(ct), await db.IntrospectAsync(ct), Dialect);
                    if (differences.Count > 0) return $"A -> B does not reach B: {string.Join("; ", differences)}\n{up}{Models()}";
                }
                var second = await Planner.CreateAsync(db, await db.IntrospectAsync(ct), modelB, ct);
                if (!second.IsEmpty) return $"second plan not empty: {string.Join("; ", second.Operations.Select(o => o.Describe()))}\n{up}{Models()}";
                if (await CompareRowsAsync(db, a, b, rowsA, forward: true, ct) is { } lostForward) return $"after A -> B: {lostForward}\n{up}{Models()}";

                var graph = RevisionFolder.Load(migrations);
                await new Migrator(db, graph, new MigratorOptions(TimeSpan.FromSeconds(30))).RollbackAsync(first!.Id, ct);
                var undone = SchemaComparison.Differences(before, await db.IntrospectAsync(ct), Dialect);
                if (undone.Count > 0) return $"rollback does not return to A: {string.Join("; ", undone)}\n{plan.DownScript}{Models()}";
                if (await CompareRowsAsync(db, a, b, rowsA, forward: false, ct) is { } lostBack) return $"after rollback: {lostBack}\n{plan.DownScript}{Models()}";
                return null;
            }
            catch (Exception e) when (e is SchemaToolException or NotSupportedException or System.Data.Common.DbException)
            {
                return $"{e.GetType().Name}: {e.Message}{Models()}";
            }
            finally
            {
                await server.DropDatabaseAsync(url);
                await server.DropDatabaseAsync(freshUrl);
            }
        }

        private async Task<Revision?> PlanAndApplyAsync(IDatabaseSession db, string migrations, Schema model, string message, CancellationToken ct)
        {
            var graph = RevisionFolder.Load(migrations);
            var plan = await PlannedStatements.CreateAsync(db, await db.IntrospectAsync(ct), model, ct);
            if (plan.IsEmpty) return graph.Heads.FirstOrDefault();
            var parents = graph.Heads.Select(h => h.Id).ToList();
            var revision = RevisionFolder.Write(migrations, RevisionFile.NewId(), parents, message, DateTimeOffset.UtcNow, plan.UpScript, plan.DownScript);
            await new Migrator(db, RevisionFolder.Load(migrations), new MigratorOptions(TimeSpan.FromSeconds(30))).ApplyAsync("head", ct);
            return revision;
        }

        /// <summary>Two rows per table of A, with distinct values in every column (foreign keys left null).</summary>
        private async Task<Dictionary<string, List<Dictionary<string, string>>>> InsertRowsAsync(IDatabaseSession db, List<GenTable> tables, CancellationToken ct)
        {
            var rows = new Dictionary<string, List<Dictionary<string, string>>>();
            foreach (var table in tables)
            {
                var fkColumns = table.ForeignKeys.SelectMany(f => f.Columns).ToHashSet();
                for (var row = 1; row <= 2; row++)
                {
                    var values = table.Columns.ToDictionary(c => c.Name, c => fkColumns.Contains(c.Name) ? null : Values.Row(c.Type, row));
                    var sql = $"INSERT INTO {db.Quote(table.Name)} ({string.Join(", ", values.Keys.Select(db.Quote))}) " +
                              $"VALUES ({string.Join(", ", values.Values.Select(Literal))})";
                    await using var cmd = db.CreateCommand(sql);
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                rows[table.Name] = await ReadRowsAsync(db, table.Name, table.Columns.Select(c => c.Name).ToList(), ct);
            }
            return rows;
        }

        /// <summary>A row value as a SQL literal in the dialect under test.</summary>
        private string Literal(ColumnDefault? value) => (Dialect.Name, value) switch
        {
            (_, null) => "NULL",
            // MySQL reads a backslash in a string literal as an escape.
            // MariaDB takes no offset in a datetime literal; schematool's sessions run at UTC, so the UTC time as written.
            ("mysql", { Kind: DefaultKind.String }) when value.Text.EndsWith("+00:00") && value.Text.Length == 25 =>
                "'" + value.Text[..^"+00:00".Length] + "'",
            // MySQL reads a backslash in a string literal as an escape.
            ("mysql", { Kind: DefaultKind.String }) => "'" + value.Text.Replace("\\", "\\\\").Replace("'", "''") + "'",
            (_, { Kind: DefaultKind.String }) => SqlLiterals.String(value.Text),
            ("sqlite", { Kind: DefaultKind.Boolean }) => value.Text == "true" ? "1" : "0",
            (_, { Kind: DefaultKind.Boolean }) => value.Text.ToUpperInvariant(),
            _ => value.Text,
        };

        private static async Task<List<Dictionary<string, string>>> ReadRowsAsync(IDatabaseSession db, string table, List<string> columns, CancellationToken ct)
        {
            await using var cmd = db.CreateCommand($"SELECT {string.Join(", ", columns.Select(db.Quote))} FROM {db.Quote(table)}");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var rows = new List<Dictionary<string, string>>();
            while (await reader.ReadAsync(ct))
                rows.Add(columns.Select((c, i) => (c, Text(reader.GetValue(i)))).ToDictionary(x => x.c, x => x.Item2));
            return rows;
        }

        private static string Text(object value) => value switch
        {
            DBNull => "NULL",
            byte[] bytes => Convert.ToHexString(bytes),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        /// <summary>
        /// The rows of every table that B keeps from A, over the columns that B keeps (renamed or not): equal to
        /// what A held, after the change and again after the rollback.
        /// </summary>
        private static async Task<string?> CompareRowsAsync(IDatabaseSession db, List<GenTable> a, List<GenTable> b, Dictionary<string, List<Dictionary<string, string>>> rowsA, bool forward, CancellationToken ct)
        {
            foreach (var kept in b.Where(t => t.Origin is not null))
            {
                var original = a.First(t => t.Name == kept.Origin);
                var columns = kept.Columns.Where(c => c.Origin is not null).ToList();
                if (columns.Count == 0) continue;
                var table = forward ? kept.Name : original.Name;
                var names = columns.Select(c => forward ? c.Name : c.Origin!).ToList();
                var now = await ReadRowsAsync(db, table, names, ct);
                // PostgreSQL reads char(n) blank-padded to n: the same value reads longer after char(8) -> char(30).
                var padded = columns.Select(c => c.Type.StartsWith("char(") || original.Columns.First(o => o.Name == c.Origin).Type.StartsWith("char(")).ToList();
                string Value(string text, int i) => padded[i] ? text.TrimEnd(' ') : text;
                var expected = Sorted(rowsA[original.Name].Select(r => columns.Select((c, i) => Value(r[c.Origin!], i))));
                var actual = Sorted(now.Select(r => names.Select((n, i) => Value(r[n], i))));
                if (expected != actual)
                    return $"rows of {table} ({string.Join(", ", names)}) changed: expected {expected}, found {actual}";
            }
            return null;
        }

        private static string Sorted(IEnumerable<IEnumerable<string>> rows) =>
            string.Join(" | ", rows.Select(r => string.Join(", ", r)).Order(StringComparer.Ordinal));
    }
}
