namespace SchemaTool.Model;

/// <summary>
/// A name that may be qualified by a PostgreSQL schema: <c>auth.users</c> is the table users of the schema auth, and an
/// unqualified name is the managed schema's. The model keeps the name as written, each part exactly (no folding of
/// case: <c>MySchema.Users</c> is <c>"MySchema"."Users"</c>); the first dot separates the two, so a part cannot hold
/// one. The dialects without schemas refuse a qualified name at plan.
/// </summary>
public static class QualifiedName
{
    /// <summary>The schema the name is qualified by, or null for the managed schema.</summary>
    public static string? SchemaOf(string name) => name.IndexOf('.') is var dot and > 0 ? name[..dot] : null;

    /// <summary>The name inside its schema: <c>auth.users</c> → users.</summary>
    public static string LocalOf(string name) => name.IndexOf('.') is var dot and > 0 ? name[(dot + 1)..] : name;

    /// <summary>Whether the name names a schema.</summary>
    public static bool IsQualified(string name) => SchemaOf(name) is not null;

    /// <summary><paramref name="local"/> in the schema of <paramref name="sibling"/>: an index or a renamed object beside it.</summary>
    public static string Beside(string sibling, string local) => SchemaOf(sibling) is { } schema ? schema + "." + local : local;
}
