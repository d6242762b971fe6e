using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

internal static partial class PostgresIntrospector
{
    private sealed record PartitionRow(string Name, string Parent, string Bound, string? PartitionBy);

    /// <summary>Hangs each partition under its partitioned table, partitions of partitions under theirs.</summary>
    private static void AttachPartitions(SortedDictionary<string, TableParts> tables, List<PartitionRow> rows)
    {
        if (rows.Count == 0) return;
        var children = rows.ToLookup(r => r.Parent, StringComparer.Ordinal);
        ValueList<Partition> Under(string parent, int depth) =>
            children[parent].OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => new Partition(r.Name, r.Bound,
                    r.PartitionBy is null || depth > 32 ? null : new Partitioning(r.PartitionBy, Under(r.Name, depth + 1))))
                .ToValueList();
        foreach (var table in tables.Values.Where(t => t.PartitionBy is not null))
            table.Partitions = Under(table.Name, 0);
    }

    /// <summary>A row of the unmanaged query; a sequence's third field says which defaults use it, not a table.</summary>
    private static UnmanagedObject Unmanaged(string kind, string name, string? third) =>
        kind == "sequence" || kind == "inherited table"
            ? new UnmanagedObject(kind, name, Note: third)
            : new UnmanagedObject(kind, name, third);
}
