using System.Text.Json;
using Npgsql;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// `plan` on a table the catalog estimates large: the online forms by default, each statement listed with its lock
/// and what it does to the rows; the plain forms with `plan --offline` or `online: false`, where a statement that
/// blocks writes while it reads the whole table is flagged with a warning; `plan --json` says the same per statement.
/// </summary>
public sealed class PostgresOnlinePlanTests
{
    private const string Before = """
        tables:
          events:
            columns:
              id:     { type: bigint, primary_key: true }
              amount: { type: int }
        """;

    private const string After = """
        tables:
          events:
            columns:
              id:     { type: bigint, primary_key: true }
              amount: { type: int }
            indexes:
              ix_events_amount: { columns: [amount] }
        """;

    [Fact]
    public async Task The_default_plan_builds_the_index_concurrently_and_flags_nothing()
    {
        await using var db = await LargeTableAsync();
        using var project = db.Project();

        var plan = project.Ok("plan", "-m", "index", "--dry-run");

        Assert.Contains("CREATE INDEX CONCURRENTLY \"ix_events_amount\" ON \"events\" (\"amount\")", plan.Stdout);
        Assert.Contains("-- runs outside the revision's transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction block", plan.Stdout);
        Assert.Matches(@"SHARE UPDATE EXCLUSIVE lock; reads every row of events \(1[0-9,]{6} rows estimated\); writes go on", plan.Stdout);
        Assert.DoesNotContain("blocks writes", plan.Stderr);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task The_plain_forms_are_flagged_when_they_block_writes_on_a_large_table(bool offlineOption, bool offlineConfig)
    {
        await using var db = await LargeTableAsync();
        using var project = db.Project(offlineConfig ? "online: false\n" : "");

        var plan = offlineOption ? project.Ok("plan", "-m", "index", "--dry-run", "--offline") : project.Ok("plan", "-m", "index", "--dry-run");

        Assert.Contains("CREATE INDEX \"ix_events_amount\" ON \"events\" (\"amount\");", plan.Stdout);
        Assert.DoesNotContain("CONCURRENTLY", plan.Stdout);
        Assert.Matches(@"SHARE lock; reads every row of events \(1[0-9,]{6} rows estimated\); writes wait until it ends", plan.Stdout);
        Assert.Matches(@"statement 1 blocks writes to events \(1[0-9,]{6} rows estimated\) until it has read every row: CREATE INDEX", plan.Stderr);
    }

    [Fact]
    public async Task Plan_json_lists_each_statement_with_its_lock_work_rows_and_flag()
    {
        await using var db = await LargeTableAsync();
        using var project = db.Project();

        using var online = JsonDocument.Parse(project.Ok("plan", "-m", "index", "--dry-run", "--json").Stdout);
        using var plain = JsonDocument.Parse(project.Ok("plan", "-m", "index", "--dry-run", "--json", "--offline").Stdout);

        var statement = online.RootElement.GetProperty("up_statements").EnumerateArray().Single();
        Assert.Equal("SHARE UPDATE EXCLUSIVE", statement.GetProperty("lock").GetString());
        Assert.Equal("scan", statement.GetProperty("work").GetString());
        Assert.False(statement.GetProperty("blocks_writes").GetBoolean());
        Assert.False(statement.GetProperty("in_transaction").GetBoolean());
        Assert.True(statement.GetProperty("rows").GetInt64() >= 100_000);
        Assert.False(statement.GetProperty("flagged").GetBoolean());
        var blocking = plain.RootElement.GetProperty("up_statements").EnumerateArray().Single();
        Assert.Equal("SHARE", blocking.GetProperty("lock").GetString());
        Assert.True(blocking.GetProperty("blocks_writes").GetBoolean());
        Assert.True(blocking.GetProperty("flagged").GetBoolean());
    }

    /// <summary>events with 120,000 rows, analyzed, so that the catalog has its estimate; created by the tool itself.</summary>
    private static async Task<LargeTable> LargeTableAsync()
    {
        var server = PostgresServer.Shared;
        var table = new LargeTable(server, await server.CreateDatabaseAsync("onlineplan"));
        using (var project = table.Project())
        {
            project.WriteModel(Before);
            project.Ok("plan", "-m", "events");
            project.Ok("apply");
        }
        await using var connection = new NpgsqlConnection(server.ConnectionString(table.Database));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("INSERT INTO events SELECT g, g FROM generate_series(1, 120000) g; ANALYZE events", connection);
        await cmd.ExecuteNonQueryAsync();
        return table;
    }

    private sealed class LargeTable(PostgresServer server, string database) : IAsyncDisposable
    {
        public string Database => database;

        /// <summary>A project on the database whose model adds the index, with the migrations the first project applied.</summary>
        public TempProject Project(string extraConfig = "")
        {
            var project = new TempProject();
            File.WriteAllText(Path.Combine(project.Directory, "schematool.yaml"),
                $"database: {server.Url(database)}\nschema: schema\nmigrations: {MigrationsFolder}\n{extraConfig}");
            project.WriteModel(After);
            return project;
        }

        private string MigrationsFolder { get; } = Directory.CreateTempSubdirectory("schematool-onlineplan-").FullName;

        public async ValueTask DisposeAsync()
        {
            Directory.Delete(MigrationsFolder, recursive: true);
            await server.DropDatabaseAsync(database);
        }
    }
}
