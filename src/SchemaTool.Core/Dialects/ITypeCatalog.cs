using SchemaTool.Model;

namespace SchemaTool.Dialects;

/// <summary>
/// The column types a database has, to check the model's against at plan: a type it does not know would fail at
/// apply (PostgreSQL, MySQL) or, on SQLite, silently give the column an affinity its name does not say.
/// </summary>
public interface ITypeCatalog
{
    /// <summary>
    /// What is wrong with <paramref name="column"/>'s type here, as a sentence ("unknown type strng; did you mean
    /// text?", a modifier out of range), or null. The type has already the shape <see cref="TypeName"/> reads.
    /// </summary>
    string? Problem(Column column);
}
