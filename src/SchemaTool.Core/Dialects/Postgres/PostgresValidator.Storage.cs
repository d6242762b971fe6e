using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresValidator
{
    /// <summary>A table's storage parameters that the server, or its version, would refuse.</summary>
    private static void ValidateStorage(Table table, int version, int? serverVersion, List<string> problems)
    {
        foreach (var column in table.Columns)
        {
            if (column.Numbering?.Unlogged is not { } unlogged) continue;
            if (PostgresTypes.SerialBase(PostgresTypes.Canonical(column.Type)) is null)
                problems.Add($"column '{table.Name}.{column.Name}': `unlogged:` is for a serial's sequence; an identity's sequence is logged as its table is");
            else if (unlogged != (table.Options?.Unlogged ?? false) && version < 15)
                problems.Add($"column '{table.Name}.{column.Name}': a sequence logged otherwise than its table (`unlogged: {(unlogged ? "true" : "false")}`) needs PostgreSQL 15 or later; this server is PostgreSQL {serverVersion}");
        }
        if (table.Options?.With is not { } with) return;
        if (table.Partitioning is not null)
            problems.Add($"table '{table.Name}': a partitioned table has no storage parameters of its own (PostgreSQL); remove `with:`");
        foreach (var parameter in with.Items)
        {
            var since = parameter is { Name: "vacuum_index_cleanup", Value: "auto" } ? 14 : PostgresStorageParameters.TableSinceVersion(parameter.Name);
            if (since > version)
                problems.Add($"table '{table.Name}': storage parameter {parameter} needs PostgreSQL {since} or later" +
                             (serverVersion is null ? "" : $"; this server is PostgreSQL {serverVersion}"));
        }
    }

    /// <summary>A view's options that the server's version would refuse.</summary>
    private static void ValidateOptions(View view, int version, int? serverVersion, List<string> problems)
    {
        if (view.With is null || view.Materialized) return;
        foreach (var parameter in view.With.Items)
        {
            var since = PostgresStorageParameters.ViewSinceVersion(parameter.Name);
            if (since > version)
                problems.Add($"view '{view.Name}': option {parameter} needs PostgreSQL {since} or later" +
                             (serverVersion is null ? "" : $"; this server is PostgreSQL {serverVersion}"));
        }
    }
}
