namespace SchemaTool.Model;

/// <summary>A PostgreSQL extension; a null <paramref name="Version"/> takes the server's default version.</summary>
public sealed record Extension(string Name, string? Version = null, string? Schema = null);
