using SchemaTool.Dialects;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.PlanRefusals.Support;

/// <summary>
/// A project on a new, empty database of one dialect (a SQLite file, or a database on the shared PostgreSQL or
/// MariaDB test server), with the CLI run in process and SQL run beside it, for tests of what plan refuses.
/// </summary>
public sealed class DialectProject : IDisposable
{
    private readonly string _folder;

    private DialectProject(string dialect, ScratchProject project, string folder)
    {
        Dialect = dialect;
        Project = project;
        _folder = folder;
    }

    public string Dialect { get; }

    public ScratchProject Project { get; }

    public string Dir => Project.Dir;

    public string ModelFile => Path.Combine(Dir, "schema", "tables.yaml");

    public static async Task<DialectProject> CreateAsync(string dialect, string extraConfig = "")
    {
        var folder = Directory.CreateTempSubdirectory("schematool-refusal-").FullName;
        var url = await SafetyDatabases.CreateAsync(dialect, folder);
        return new DialectProject(dialect, new ScratchProject(url, extraConfig), folder);
    }

    public void WriteModel(string yaml) => File.WriteAllText(ModelFile, yaml);

    public ToolResult Run(params string[] args) => Project.Run(args);

    public ToolResult Ok(params string[] args) => Project.Ok(args);

    /// <summary>Runs and asserts the exit code, showing the whole output when it differs.</summary>
    public ToolResult Expect(int exitCode, params string[] args)
    {
        var result = Project.Run(args);
        Assert.True(result.ExitCode == exitCode, $"schematool {string.Join(" ", args)}: expected exit {exitCode}\n{result}");
        return result;
    }

    /// <summary>The revision files written so far.</summary>
    public IReadOnlyList<string> MigrationFiles() =>
        Directory.GetFiles(Project.Migrations).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>plan -m MESSAGE then apply, both succeeding.</summary>
    public void PlanAndApply(string message)
    {
        Ok("plan", "-m", message);
        Ok("apply");
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var session = await Project.ConnectAsync();
        await using var command = session.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var session = await Project.ConnectAsync();
        await using var command = session.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The names of the tables in the database, the tool's own included, sorted.</summary>
    public async Task<IReadOnlyList<string>> AllTablesAsync()
    {
        await using var session = await Project.ConnectAsync();
        var sql = Dialect switch
        {
            "sqlite" => "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
            "postgres" => "SELECT tablename::text FROM pg_tables WHERE schemaname = current_schema()",
            _ => "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()",
        };
        await using var command = session.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>An identifier quoted for this project's database.</summary>
    public string Quote(string name) =>
        Dialect == "mysql" ? "`" + name.Replace("`", "``") + "`" : "\"" + name.Replace("\"", "\"\"") + "\"";

    public static TheoryData<string> Dialects => SafetyDatabases.Dialects;

    public void Dispose()
    {
        Project.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }
}
