namespace SchemaTool.Project;

/// <summary>`schematool init`: the config, a schema folder with an example model, and an empty migrations folder.</summary>
public static class ProjectInitializer
{
    /// <summary>
    /// Where the JSON Schemas of the repository's schema/ folder are published: the `# yaml-language-server:
    /// $schema=` lines that init writes point here (a user's project has no relative path to them), and each
    /// schema's $id is its URL. Stable: files only ever gain keys, so the branch head serves every version.
    /// </summary>
    public const string SchemaBaseUrl = "https://raw.githubusercontent.com/schematool/schematool/main/schema/";
    public const string ConfigSchemaUrl = SchemaBaseUrl + "schematool-config.schema.json";
    public const string ModelSchemaUrl = SchemaBaseUrl + "schematool-model.schema.json";

    /// <summary>
    /// Creates what is missing and returns the paths it wrote; never overwrites a file. A password in
    /// <paramref name="database"/> is written as ${SCHEMATOOL_DB_PASSWORD} (<see cref="InitResult.PasswordVariable"/>).
    /// </summary>
    public static InitResult Init(string directory, string? dialect, string? database)
    {
        var configPath = Path.Combine(directory, ProjectConfig.FileName);
        if (File.Exists(configPath))
            throw new InputException($"{configPath} already exists; init never overwrites a project");
        database ??= Dialects.DialectRegistry.Get(dialect ?? "sqlite").ExampleUrl;
        (database, var passwordMoved) = ConfigSecrets.WithoutPassword(database);
        var written = new List<string>();
        Directory.CreateDirectory(directory);
        var config = $"# yaml-language-server: $schema={ConfigSchemaUrl}\n" +
                     $"database: {database}\n" +
                     (dialect is not null && Dialects.DialectRegistry.DialectOfUrl(database) is null ? $"dialect: {dialect}\n" : "") +
                     "schema: schema\n" +
                     "migrations: migrations\n";
        File.WriteAllText(configPath, config);
        written.Add(configPath);

        var schemaDir = Path.Combine(directory, "schema");
        Directory.CreateDirectory(schemaDir);
        var example = Path.Combine(schemaDir, "tables.yaml");
        if (!File.Exists(example) && !Directory.EnumerateFiles(schemaDir, "*.y*ml").Any())
        {
            File.WriteAllText(example, ExampleModel);
            written.Add(example);
        }
        var migrations = Path.Combine(directory, "migrations");
        Directory.CreateDirectory(migrations);
        written.Add(migrations + Path.DirectorySeparatorChar);
        return new InitResult(written, passwordMoved ? ConfigSecrets.PasswordVariable : null);
    }

    /// <summary>Whether a model file is still the example `init` wrote, untouched: `inspect -o` may replace it.</summary>
    public static bool IsUntouchedExample(string text) => text.ReplaceLineEndings("\n") == ExampleModel;

    private const string ExampleModel = $"""
        # yaml-language-server: $schema={ModelSchemaUrl}
        # The schema you want. Edit it, then run `schematool plan -m "what changed"` and `schematool apply`.
        # Columns are NOT NULL unless they say `nullable: true`.
        tables:
          roles:
            columns:
              id:   {"{"} type: int, primary_key: true, auto_increment: true {"}"}
              name: {"{"} type: varchar(64), unique: true {"}"}

        """;
}

/// <summary>What init wrote, and the environment variable that holds the password when the URL had one.</summary>
public sealed record InitResult(IReadOnlyList<string> Written, string? PasswordVariable);
