namespace SchemaTool.Project;

/// <summary>schematool.yaml, with ${ENV} replaced and paths made absolute against the project folder.</summary>
public sealed record ProjectConfig(
    string ProjectDirectory,
    string? Database,
    string? Dialect,
    string SchemaPath,
    string MigrationsPath,
    string HistoryTable,
    TimeSpan LockTimeout,
    IReadOnlyDictionary<string, string> Targets,
    string? TargetsFile,
    string? TargetsGlob,
    TargetsPattern? TargetsPattern,
    string? ReferenceTarget)
{
    public const string FileName = "schematool.yaml";

    /// <summary>`online:`: whether `plan` writes the online forms (the default) or the plain ones.</summary>
    public bool Online { get; init; } = true;

    /// <summary>`ddl_lock_timeout:` and `ddl_lock_retries:`: how apply bounds a statement's wait for its lock.</summary>
    public Apply.LockWait LockWait { get; init; } = Apply.LockWait.Default;
}

/// <summary>Every database on one server whose name matches a LIKE pattern (tenant_%).</summary>
public sealed record TargetsPattern(string Server, string DatabaseLike);
