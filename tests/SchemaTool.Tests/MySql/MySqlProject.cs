using System.Data.Common;
using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Dialects.MySql;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Revisions;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// A user's project at library level: a fresh database on the shared MariaDB server and a migrations folder;
/// plan writes revisions, apply and rollback run them through the Migrator, as the CLI does.
/// </summary>
public sealed class MySqlProject : IAsyncDisposable
{
    public static readonly MySqlDialect Dialect = new();

    private MySqlProject(string database, string migrations)
    {
        Database = database;
        Migrations = migrations;
        // Unpooled: a pool would keep idle connections to every test database.
        Target = Dialect.ParseTarget(MariaDbServer.Shared.Url(database) + "?Pooling=false", Migrations);
    }

    public string Database { get; }
    public string Migrations { get; }
    public ConnectionTarget Target { get; }

    public static async Task<MySqlProject> CreateAsync(string prefix)
    {
        var database = await MariaDbServer.Shared.CreateDatabaseAsync(prefix);
        var migrations = Path.Combine(Path.GetTempPath(), "schematool-mysql-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(migrations);
        return new MySqlProject(database, migrations);
    }

    public async Task<MySqlSession> OpenAsync() => (MySqlSession)await Dialect.OpenAsync(Target, CancellationToken.None);

    public async Task<Schema> IntrospectAsync()
    {
        await using var session = await OpenAsync();
        return await session.IntrospectAsync(CancellationToken.None);
    }

    /// <summary>As `plan` runs: the model's views and the like brought to the server's form by the session.</summary>
    public async Task<Plan> PlanAsync(string modelYaml, PlanSettings? settings = null)
    {
        await using var session = await OpenAsync();
        return await Planner.CreateAsync(session, await session.IntrospectAsync(CancellationToken.None), ModelLoader.Load("schema.yaml", modelYaml),
            settings ?? PlanSettings.Default, CancellationToken.None);
    }

    /// <summary>Plans against the database and writes the revision; null when there is nothing to do.</summary>
    public async Task<Revision?> PlanRevisionAsync(string modelYaml, string message, PlanSettings? settings = null)
    {
        var plan = await PlanAsync(modelYaml, settings);
        if (plan.IsEmpty) return null;
        var parents = RevisionFolder.Load(Migrations).Heads.Select(h => h.Id).ToList();
        return RevisionFolder.Write(Migrations, RevisionFile.NewId(), parents, message, DateTimeOffset.UtcNow, plan.UpScript, plan.DownScript);
    }

    /// <summary>Plans a revision of the model, applies it, and checks that a second plan finds nothing to do.</summary>
    public async Task<Revision> ConvergeAsync(string yaml, string message)
    {
        var revision = await PlanRevisionAsync(yaml, message);
        Assert.NotNull(revision);
        await ApplyAsync();
        var second = await PlanAsync(yaml);
        Assert.True(second.IsEmpty, string.Join("; ", second.Operations.Select(o => o.Describe())));
        return revision;
    }

    public Task<IReadOnlyList<Revision>> ApplyAsync(string target = "head") =>
        RunAsync((migrator, ct) => migrator.ApplyAsync(target, ct));

    public Task<IReadOnlyList<Revision>> RollbackAsync(string target) =>
        RunAsync((migrator, ct) => migrator.RollbackAsync(target, ct));

    public Task<IReadOnlyList<ChangedRevision>> RehashAsync(string? target = null) =>
        RunAsync((migrator, ct) => migrator.RehashAsync(target, ct));

    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync()
    {
        await using var session = await OpenAsync();
        return await new HistoryTable(session).ReadAsync(CancellationToken.None);
    }

    private async Task<T> RunAsync<T>(Func<Migrator, CancellationToken, Task<T>> run)
    {
        await using var session = await OpenAsync();
        var migrator = new Migrator(session, RevisionFolder.Load(Migrations), new MigratorOptions(TimeSpan.FromSeconds(60)));
        return await run(migrator, CancellationToken.None);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var session = await OpenAsync();
        foreach (var statement in Dialect.Lexer.Split(sql))
        {
            await using var cmd = session.CreateCommand(statement);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    public async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var session = await OpenAsync();
        await using var cmd = session.CreateCommand(sql);
        await using DbDataReader reader = await cmd.ExecuteReaderAsync();
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
        await MariaDbServer.Shared.DropDatabaseAsync(Database);
        if (Directory.Exists(Migrations)) Directory.Delete(Migrations, recursive: true);
    }
}
