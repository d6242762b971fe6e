using Npgsql;
using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Dialects.Postgres;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Revisions;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Postgres;

/// <summary>A fresh database on the shared test server, with a migrations folder and the library-level loop.</summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    private static int _revisionCounter;

    private PostgresTestDatabase(string name, string folder)
    {
        Name = name;
        Migrations = folder;
        Target = Dialect.ParseTarget(PostgresServer.Shared.Url(name), folder);
    }

    public PostgresDialect Dialect { get; } = new();
    public string Name { get; }
    public string Migrations { get; }
    public ConnectionTarget Target { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var name = await PostgresServer.Shared.CreateDatabaseAsync("pgdialect");
        return new PostgresTestDatabase(name, TempFolder.Create("schematool-pgtest-"));
    }

    public async Task<PostgresSession> OpenAsync() => (PostgresSession)await Dialect.OpenAsync(Target, CancellationToken.None);

    public async Task<Schema> IntrospectAsync()
    {
        await using var session = await OpenAsync();
        return await session.IntrospectAsync(CancellationToken.None);
    }

    /// <summary>Plans the model against the database; writes a revision unless the plan is empty.</summary>
    public async Task<(Plan Plan, Revision? Revision)> PlanAsync(string yaml, string message = "change")
    {
        var plan = await PlanOnlyAsync(yaml);
        if (plan.IsEmpty) return (plan, null);
        var graph = RevisionFolder.Load(Migrations);
        var id = Interlocked.Increment(ref _revisionCounter).ToString("x12");
        var parents = graph.Heads.Select(h => h.Id).ToList();
        var revision = RevisionFolder.Write(Migrations, id, parents, message, DateTimeOffset.UtcNow, plan.UpScript, plan.DownScript);
        return (plan, revision);
    }

    /// <summary>The plan of the model against the database, canonicalized by a session as `plan` does; no revision is written.</summary>
    public async Task<Plan> PlanOnlyAsync(string yaml)
    {
        await using var session = await OpenAsync();
        var current = await session.IntrospectAsync(CancellationToken.None);
        return await Planner.CreateAsync(session, current, ModelLoader.Load("schema.yaml", yaml), CancellationToken.None);
    }

    public async Task<IReadOnlyList<Revision>> ApplyAsync(string target = "head")
    {
        await using var session = await OpenAsync();
        return await Migrator(session).ApplyAsync(target, CancellationToken.None);
    }

    public async Task<IReadOnlyList<Revision>> RollbackAsync(string target)
    {
        await using var session = await OpenAsync();
        return await Migrator(session).RollbackAsync(target, CancellationToken.None);
    }

    public Migrator Migrator(IDatabaseSession session, Action<string>? log = null) =>
        new(session, RevisionFolder.Load(Migrations), new MigratorOptions(TimeSpan.FromSeconds(60), Log: log));

    /// <summary>Plans, applies, and checks that a second plan finds nothing to do.</summary>
    public async Task<Revision> ConvergeAsync(string yaml, string message = "change")
    {
        var (plan, revision) = await PlanAsync(yaml, message);
        Assert.NotNull(revision);
        await ApplyAsync();
        var again = await PlanOnlyAsync(yaml);
        Assert.True(again.IsEmpty, "a second plan should find nothing to do, but found:\n" + again.UpScript + "\nafter applying:\n" + plan.UpScript);
        return revision!;
    }

    /// <summary>Rolls the revision back and deletes it, so that the next plan starts from its parent.</summary>
    public async Task UndoAsync(SchemaTool.Revisions.Revision revision)
    {
        await RollbackAsync(revision.Parents[0]);
        File.Delete(revision.UpPath);
        File.Delete(revision.DownPath);
    }

    /// <summary>The operations a script names, in order, by their comment lines.</summary>
    public static List<string> Operations(string script) =>
        script.Split('\n').Where(l => l.StartsWith("-- ", StringComparison.Ordinal))
            .Select(l => l[3..]).Where(l => l.Split(' ')[0] is "create" or "drop" or "replace" or "alter" or "set" or "rename").ToList();

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Target.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Target.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        TempFolder.Delete(Migrations);
        await PostgresServer.Shared.DropDatabaseAsync(Name);
    }
}
