using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    /// <summary>A relation, type, sequence or routine name, each part quoted: <c>auth.users</c> → <c>"auth"."users"</c>.</summary>
    public static string QN(string name) =>
        QualifiedName.SchemaOf(name) is { } schema ? Q(schema) + "." + Q(QualifiedName.LocalOf(name)) : Q(name);

    /// <summary>An index of <paramref name="table"/>: indexes live in their table's schema, and DROP / ALTER INDEX must say it.</summary>
    private static string QIndex(string table, string index) => QN(QualifiedName.Beside(table, index));

    /// <summary>The new name of a RENAME TO, which stays in the object's schema and takes no qualification.</summary>
    private static string QLocal(string name) => Q(QualifiedName.LocalOf(name));
}
