using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public sealed partial class PostgresDialect
{
    /// <summary>
    /// The kinds beyond tables that this dialect models as structured data, compared without the server (no
    /// scratch schema): their catalog rows are read as the model writes them.
    /// </summary>
    internal static bool ModelsType(SchemaObjectKind kind) => kind is SchemaObjectKind.Sequence or SchemaObjectKind.Extension or SchemaObjectKind.EnumType or SchemaObjectKind.Domain
        or SchemaObjectKind.Namespace;
}
