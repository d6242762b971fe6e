namespace SchemaTool.Model;

/// <summary>
/// A PostgreSQL schema (a namespace: CREATE SCHEMA). Objects are not qualified by one yet: names are read and written
/// in the connection's schema; a later step lets a name be qualified (auth.users).
/// </summary>
public sealed record Namespace(string Name, string? Comment = null);
