namespace SchemaTool.Model;

/// <summary>
/// A PostgreSQL composite type (CREATE TYPE pair AS (id uuid, name text)): attributes in order, as a table's columns,
/// without constraints or defaults.
/// </summary>
public sealed record CompositeType(string Name, ValueList<CompositeAttribute> Attributes, string? Comment = null);

/// <summary>One attribute of a composite type: its name, type and collation where not its type's.</summary>
public sealed record CompositeAttribute(string Name, string Type, string? Collation = null);
