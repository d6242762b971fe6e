using System.Text;

namespace SchemaTool.Dialects;

/// <summary>
/// What a database accepts as the name of a table, column, index or constraint. A name it would cut short or
/// refuse is refused at plan instead: PostgreSQL cuts a long name silently, and the next plan, finding a table
/// it does not know, would drop it and create it again, rows and all.
/// </summary>
/// <param name="Database">The database as messages name it.</param>
/// <param name="MaxLength">The longest name, or null for no limit.</param>
/// <param name="LengthInBytes">Whether <paramref name="MaxLength"/> counts UTF-8 bytes (PostgreSQL) or characters (MySQL).</param>
/// <param name="TrailingSpaceRefused">Whether a name may not end with a space (MySQL).</param>
/// <param name="SupplementaryRefused">Whether characters past U+FFFF (emoji...) are refused (MySQL).</param>
/// <param name="ReservedPrefixes">Prefixes the database or the tool keeps for itself, compared without regard to ASCII case.</param>
/// <param name="SchemaQualified">Whether a table's name may be qualified by a schema (<c>auth.users</c>, PostgreSQL); elsewhere a dot is refused.</param>
public sealed record IdentifierRules(
    string Database,
    int? MaxLength = null,
    bool LengthInBytes = false,
    bool TrailingSpaceRefused = false,
    bool SupplementaryRefused = false,
    IReadOnlyList<string>? ReservedPrefixes = null,
    bool SchemaQualified = false)
{
    /// <summary>
    /// What is wrong with the name of a table or view, which may be qualified by a schema where the database has
    /// schemas (each part then held to the rules of a name), and holds no dot elsewhere.
    /// </summary>
    public string? RelationProblem(string name)
    {
        if (!name.Contains('.')) return Problem(name, schemaObject: true);
        if (!SchemaQualified)
            return $"holds a dot, which would qualify it by a schema, and {Database} has no schemas to qualify a name with: " +
                   "rename it without the dot";
        if (Model.QualifiedName.SchemaOf(name) is not { } schema || Model.QualifiedName.LocalOf(name) is var local && (local.Length == 0 || local.Contains('.')))
            return "is not a name or schema.name: a name holds one dot at most, between a schema and a name, each not empty";
        return Problem(schema, schemaObject: false) ?? Problem(local, schemaObject: true);
    }

    /// <summary>
    /// What is wrong with <paramref name="name"/> here, as the end of a sentence that names it, or null. Reserved
    /// prefixes hold for tables and indexes (<paramref name="schemaObject"/>), not for columns and constraints.
    /// </summary>
    public string? Problem(string name, bool schemaObject)
    {
        if (MaxLength is { } max)
        {
            var length = LengthInBytes ? Encoding.UTF8.GetByteCount(name) : name.Length;
            if (length > max)
                return LengthInBytes
                    ? $"is {length} bytes long in UTF-8; {Database} names are at most {max} bytes (longer ones are cut short): shorten it"
                    : $"is {length} characters long; {Database} names are at most {max} characters: shorten it";
        }
        if (TrailingSpaceRefused && name.EndsWith(' '))
            return $"ends with a space, which {Database} does not allow in a name: remove it";
        if (SupplementaryRefused && name.Any(char.IsSurrogate))
            return $"holds a character past U+FFFF (such as an emoji), which {Database} does not allow in a name: remove it";
        foreach (var prefix in schemaObject ? ReservedPrefixes ?? [] : [])
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return $"starts with '{prefix}', which {Database} keeps for its own objects: rename it";
        return null;
    }
}
