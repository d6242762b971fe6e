using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Project;

namespace SchemaTool.Tests.Safety.Support;

/// <summary>
/// A project in a temporary folder with hand-written revisions, for tests of the revision graph and of apply:
/// ids and parents are chosen by the test, so the graph is known exactly.
/// </summary>
public sealed class ScratchProject : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("schematool-safety-").FullName;

    public string Migrations => Path.Combine(Dir, "migrations");

    public ScratchProject(string? database = null, string extraConfig = "")
    {
        Directory.CreateDirectory(Migrations);
        Directory.CreateDirectory(Path.Combine(Dir, "schema"));
        File.WriteAllText(Path.Combine(Dir, "schema", "tables.yaml"), "tables: {}\n");
        File.WriteAllText(Path.Combine(Dir, "schematool.yaml"), $"database: {database ?? "sqlite:app.db"}\n{extraConfig}");
    }

    public string DatabaseFile => Path.Combine(Dir, "app.db");

    /// <summary>Writes a revision's two files; <paramref name="id"/> is padded with zeros to 12 hex digits.</summary>
    public string Add(string id, string parents, string up, string down, string? message = null, int minute = 0)
    {
        id = Id(id);
        var parentIds = string.Join(" ", parents.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Id));
        var header = $"-- revision: {id}\n-- parents: {parentIds}\n-- message: {message ?? "rev " + id}\n-- created: 2026-01-01T00:{minute:00}:00Z\n\n";
        var stem = Path.Combine(Migrations, $"{id}_{(message ?? "rev").Replace(' ', '_')}");
        File.WriteAllText(stem + ".up.sql", header + up + "\n");
        File.WriteAllText(stem + ".down.sql", header + down + "\n");
        return id;
    }

    /// <summary>A revision that creates table <paramref name="table"/> and whose down file drops it.</summary>
    public string AddTable(string id, string parents, string table, int minute = 0) =>
        Add(id, parents, $"CREATE TABLE {table} (id INTEGER PRIMARY KEY);", $"DROP TABLE {table};", $"create {table}", minute);

    public string UpFile(string id) => Directory.GetFiles(Migrations, Id(id) + "_*.up.sql").Single();

    public static string Id(string shortId) => shortId.PadLeft(12, '0');

    /// <summary>`schematool ARGS --project DIR`, in process.</summary>
    public ToolResult Run(params string[] args) => ToolRun.Cli([.. args, "--project", Dir]);

    public ToolResult Ok(params string[] args) => ToolRun.Ok([.. args, "--project", Dir]);

    /// <summary>The history rows of the project's database (or <paramref name="database"/>), read as the tool reads them.</summary>
    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(string? database = null)
    {
        await using var session = await ConnectAsync(database);
        return await new HistoryTable(session).ReadAsync(CancellationToken.None);
    }

    public async Task<IReadOnlyList<string>> AppliedAsync(string? database = null) =>
        (await HistoryAsync(database)).Where(r => r.Complete).Select(r => r.Revision).Order(StringComparer.Ordinal).ToList();

    public async Task<IReadOnlyList<string>> TablesAsync(string? database = null) =>
        (await IntrospectAsync(database)).Tables.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

    public async Task<Schema> IntrospectAsync(string? database = null)
    {
        await using var session = await ConnectAsync(database);
        return await session.IntrospectAsync(CancellationToken.None);
    }

    public Task<IDatabaseSession> ConnectAsync(string? database = null) =>
        Workspace.Open(Dir, database).ConnectAsync(CancellationToken.None);

    /// <summary>Runs one statement on the project's database (or <paramref name="database"/>), outside any revision.</summary>
    public async Task ExecuteAsync(string? database, string sql)
    {
        await using var session = await ConnectAsync(database);
        await using var command = session.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first value <paramref name="sql"/> reads from the project's database (or <paramref name="database"/>).</summary>
    public async Task<object?> ScalarAsync(string? database, string sql)
    {
        await using var session = await ConnectAsync(database);
        await using var command = session.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { }
    }
}
