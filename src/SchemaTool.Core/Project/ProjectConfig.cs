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
}

/// <summary>Every database on one server whose name matches a LIKE pattern (tenant_%).</summary>
public sealed record TargetsPattern(string Server, string DatabaseLike);
