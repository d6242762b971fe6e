using Microsoft.Data.Sqlite;
using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Planning;
using SchemaTool.Project;
using SchemaTool.Revisions;
using SchemaTool.Yaml;
using Schema = SchemaTool.Model.Schema;

namespace SchemaTool.Tests.Fleet;

/// <summary>A fleet of SQLite files named by a glob, brought to head in parallel with one failure isolated.</summary>
public sealed class SqliteFleetTests : IDisposable
{
    private const int FleetSize = 200;
    private readonly string _project = Directory.CreateTempSubdirectory("schematool-fleet-").FullName;

    private const string Model = """
        tables:
          tenants_users:
            columns:
              id:   { type: int, primary_key: true, auto_increment: true }
              name: { type: varchar(64), unique: true }
        """;

    public SqliteFleetTests()
    {
        Directory.CreateDirectory(Path.Combine(_project, "schema"));
        Directory.CreateDirectory(Path.Combine(_project, "tenants"));
        File.WriteAllText(Path.Combine(_project, "schema", "model.yaml"), Model);
        File.WriteAllText(Path.Combine(_project, "schematool.yaml"), "targets_glob: sqlite:tenants/*.db\n");
        for (var i = 0; i < FleetSize; i++)
            using (var c = new SqliteConnection($"Data Source={Path.Combine(_project, "tenants", $"t{i:000}.db")};Pooling=False")) c.Open();
        WriteRevisionFromEmptyDatabase();
    }

    private void WriteRevisionFromEmptyDatabase()
    {
        var dialect = DialectRegistry.Get("sqlite");
        var plan = Planner.Create(dialect, Schema.Empty, ModelLoader.Load("model.yaml", Model));
        RevisionFolder.Write(Path.Combine(_project, "migrations"), "0123456789ab", [], "tenants", DateTimeOffset.UtcNow, plan.UpScript, plan.DownScript);
    }

    private async Task<IReadOnlyList<TargetResult>> RunAsync(Func<Workspace, CancellationToken, Task<TargetResult>> body, int parallel = 8, bool failFast = false)
    {
        var config = Workspace.LoadConfig(_project);
        var targets = await FleetResolver.ResolveAsync(config, CancellationToken.None);
        Assert.Equal(FleetSize, targets.Count);
        return await FleetRunner.RunAsync(targets, (t, ct) => body(Workspace.ForUrl(config, t.Url).ForTarget(t), ct), parallel, failFast);
    }

    private static readonly MigratorOptions Options = new(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Apply_all_brings_every_file_to_head_and_isolates_a_broken_target()
    {
        using (var broken = new SqliteConnection($"Data Source={Path.Combine(_project, "tenants", "t007.db")};Pooling=False"))
        {
            broken.Open();
            using var cmd = broken.CreateCommand();
            cmd.CommandText = "CREATE TABLE tenants_users (conflicting TEXT)";
            cmd.ExecuteNonQuery();
        }

        var first = await RunAsync((w, ct) => FleetCommands.ApplyAsync(w, "head", Options, ct));
        var failed = Assert.Single(first, r => r.Outcome == TargetOutcome.Failed);
        Assert.Equal(Path.Combine("tenants", "t007.db"), failed.Target);
        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("already exists", failed.Message);
        Assert.Equal(FleetSize - 1, first.Count(r => r.Outcome == TargetOutcome.Applied));
        Assert.Equal(3, FleetRunner.WorstExitCode(first));

        using (var fix = new SqliteConnection($"Data Source={Path.Combine(_project, "tenants", "t007.db")};Pooling=False"))
        {
            fix.Open();
            using var cmd = fix.CreateCommand();
            cmd.CommandText = "DROP TABLE tenants_users";
            cmd.ExecuteNonQuery();
        }
        var second = await RunAsync((w, ct) => FleetCommands.ApplyAsync(w, "head", Options, ct));
        Assert.Equal(Path.Combine("tenants", "t007.db"), Assert.Single(second, r => r.Outcome == TargetOutcome.Applied).Target);
        Assert.All(second.Where(r => r.Target != Path.Combine("tenants", "t007.db")), r => Assert.Equal(TargetOutcome.AtHead, r.Outcome));

        var check = await RunAsync((w, ct) => FleetCommands.StatusAsync(w, failWhenOutOfDate: true, ct));
        Assert.All(check, r => Assert.Equal(TargetOutcome.AtHead, r.Outcome));

        var rollback = await RunAsync((w, ct) => FleetCommands.RollbackAsync(w, "base", Options, ct));
        Assert.All(rollback, r => Assert.Equal(TargetOutcome.RolledBack, r.Outcome));
        var after = await RunAsync((w, ct) => FleetCommands.StatusAsync(w, failWhenOutOfDate: true, ct));
        Assert.All(after, r => Assert.Equal(TargetOutcome.Behind, r.Outcome));
        Assert.Equal(1, FleetRunner.WorstExitCode(after));
    }

    [Fact]
    public async Task Check_names_a_target_whose_schema_was_changed_by_hand()
    {
        await RunAsync((w, ct) => FleetCommands.ApplyAsync(w, "head", Options, ct));
        using (var drift = new SqliteConnection($"Data Source={Path.Combine(_project, "tenants", "t123.db")};Pooling=False"))
        {
            drift.Open();
            using var cmd = drift.CreateCommand();
            cmd.CommandText = "ALTER TABLE tenants_users ADD COLUMN extra TEXT";
            cmd.ExecuteNonQuery();
        }
        var check = await RunAsync((w, ct) => FleetCommands.StatusAsync(w, failWhenOutOfDate: true, ct));
        var drifted = Assert.Single(check, r => r.Outcome == TargetOutcome.Drifted);
        Assert.Equal(Path.Combine("tenants", "t123.db"), drifted.Target);
        Assert.Contains("drop column tenants_users.extra", drifted.Message);
        Assert.Equal(1, drifted.ExitCode);
    }

    [Fact]
    public async Task Fail_fast_stops_starting_targets_after_the_first_failure()
    {
        File.WriteAllText(Path.Combine(_project, "tenants", "t000.db"), "not a database");
        var results = await RunAsync((w, ct) => FleetCommands.ApplyAsync(w, "head", Options, ct), parallel: 1, failFast: true);
        Assert.Equal(TargetOutcome.Failed, results[0].Outcome);
        Assert.All(results.Skip(1), r => Assert.Equal(TargetOutcome.NotRun, r.Outcome));
    }

    [Fact]
    public async Task Two_fleet_applies_at_once_run_each_revision_once_per_target()
    {
        var both = await Task.WhenAll(
            RunAsync((w, ct) => FleetCommands.ApplyAsync(w, "head", Options, ct)),
            RunAsync((w, ct) => FleetCommands.ApplyAsync(w, "head", Options, ct)));
        Assert.All(both.SelectMany(r => r), r => Assert.NotEqual(TargetOutcome.Failed, r.Outcome));
        Assert.Equal(FleetSize, both.SelectMany(r => r).Count(r => r.Outcome == TargetOutcome.Applied));
        foreach (var file in Directory.GetFiles(Path.Combine(_project, "tenants")))
        {
            using var c = new SqliteConnection($"Data Source={file};Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM schematool_history";
            Assert.Equal(1L, (long)cmd.ExecuteScalar()!);
        }
    }

    public void Dispose() => Directory.Delete(_project, recursive: true);
}
