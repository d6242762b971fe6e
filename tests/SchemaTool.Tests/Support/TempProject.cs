using Microsoft.Data.Sqlite;

namespace SchemaTool.Tests.Support;

/// <summary>
/// A project folder in the temp directory: schematool.yaml on sqlite:app.db, schema/ and migrations/.
/// Removed with everything in it on dispose.
/// </summary>
public sealed class TempProject : IDisposable
{
    public string Directory { get; }

    public TempProject(bool initialized = true)
    {
        Directory = Path.Combine(Path.GetTempPath(), "schematool-test-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        if (!initialized) return;
        File.WriteAllText(Path.Combine(Directory, "schematool.yaml"), "database: sqlite:app.db\nschema: schema\nmigrations: migrations\n");
        System.IO.Directory.CreateDirectory(SchemaDirectory);
        System.IO.Directory.CreateDirectory(MigrationsDirectory);
    }

    public string SchemaDirectory => Path.Combine(Directory, "schema");
    public string MigrationsDirectory => Path.Combine(Directory, "migrations");
    public string DatabasePath => Path.Combine(Directory, "app.db");

    /// <summary>Writes (or replaces) one model file under schema/.</summary>
    public string WriteModel(string yaml, string file = "tables.yaml")
    {
        var path = Path.Combine(SchemaDirectory, file);
        File.WriteAllText(path, yaml);
        return path;
    }

    public CliResult Run(params string[] args) => CliRunner.Run(Directory, args);

    public CliResult Ok(params string[] args) => CliRunner.Ok(Directory, args);

    public CliResult Expect(int exitCode, params string[] args) => CliRunner.Expect(exitCode, Directory, args);

    /// <summary>The revision files, sorted by name.</summary>
    public IReadOnlyList<string> MigrationFiles() =>
        System.IO.Directory.Exists(MigrationsDirectory)
            ? System.IO.Directory.GetFiles(MigrationsDirectory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>The up file of the revision whose id starts the name.</summary>
    public string UpFile(string revision) =>
        System.IO.Directory.GetFiles(MigrationsDirectory, revision + "_*.up.sql").Single();

    public string DownFile(string revision) =>
        System.IO.Directory.GetFiles(MigrationsDirectory, revision + "_*.down.sql").Single();

    /// <summary>An empty SQLite file where the project's database goes: read-only commands refuse a missing one.</summary>
    public void CreateEmptyDatabase() => File.WriteAllBytes(DatabasePath, []);

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Runs a statement (inserting rows, making a view...) on the project's database.</summary>
    public void Execute(string sql)
    {
        using var connection = OpenDatabase();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>Every row of a query, each as its columns joined with '|', NULL as "NULL".</summary>
    public List<string> Query(string sql)
    {
        using var connection = OpenDatabase();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    /// <summary>The names of the database's objects of one kind (table, index, view, trigger), sorted.</summary>
    public List<string> Objects(string type) =>
        Query($"SELECT name FROM sqlite_schema WHERE type = '{type}' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
