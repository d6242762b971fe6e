using Npgsql;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>Reads one schema's tables with the catalog queries sent as one batch (two, on two connections), then assembles the model records.</summary>
internal static partial class PostgresIntrospector
{
    /// <summary>
    /// Reads the schema; with a <paramref name="second"/> connection the columns query runs on it while the
    /// others run on <paramref name="connection"/>. Each reading uses its own string pool: they run at once.
    /// </summary>
    /// <param name="otherSchemas">a LIKE pattern for the other schemas to read beside <paramref name="schema"/></param>
    public static async Task<Schema> ReadAsync(NpgsqlConnection connection, NpgsqlConnection? second, string schema,
        IReadOnlySet<string> toolTables, CancellationToken ct, Dictionary<string, long>? rowEstimates = null, string otherSchemas = "%")
    {
        var queries = PostgresCatalogQueries.For(connection.PostgreSqlVersion.Major);
        var parameters = (schema, otherSchemas);
        var columnsApart = second is null ? null : ReadColumnsAsync(second, queries, parameters, ct);
        try
        {
            return await ReadAsync(connection, queries, columnsApart, parameters, toolTables, rowEstimates ?? [], ct);
        }
        finally
        {
            // Never leave the other query running on a connection the caller is about to close.
            if (columnsApart is not null) await ((Task)columnsApart).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task<Schema> ReadAsync(NpgsqlConnection connection, PostgresCatalogQueries queries,
        Task<Dictionary<string, List<Column>>>? columnsApart, (string Schema, string Others) schema, IReadOnlySet<string> toolTables,
        Dictionary<string, long> rowEstimates, CancellationToken ct)
    {
        await using var batch = Batch(connection, columnsApart is null ? queries.All : queries.All.Where(q => q != queries.Columns), schema);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var strings = new StringPool();

        var tables = new SortedDictionary<string, TableParts>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            if (!toolTables.Contains(reader.GetString(0))) // the rest of a table's rows are read by the tables found here
            {
                tables[reader.GetString(0)] = new TableParts(reader.GetString(0), Text(reader, 1), Text(reader, 2), reader.GetBoolean(3),
                    TableStorage(reader.IsDBNull(5) ? null : reader.GetFieldValue<string[]>(5)), Text(reader, 6));
                if (!reader.IsDBNull(4)) rowEstimates[reader.GetString(0)] = reader.GetInt64(4);
            }

        Dictionary<string, List<Column>>? columns = null;
        if (columnsApart is null)
        {
            await reader.NextResultAsync(ct);
            columns = await ReadColumnsAsync(reader, strings, ct);
        }

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
            if (tables.TryGetValue(reader.GetString(0), out var t)) ReadConstraint(reader, t, strings);

        await reader.NextResultAsync(ct);
        var parts = new List<IndexPartRow>();
        while (await reader.ReadAsync(ct)) parts.Add(ReadIndexPart(reader, strings));
        var viewIndexes = new List<(string View, TableIndex Index)>();
        foreach (var index in parts.GroupBy(p => (p.Table, p.Index)))
            if (tables.TryGetValue(index.Key.Table, out var t)) t.Indexes.Add(BuildIndex(index.ToList()));
            else viewIndexes.Add((index.Key.Table, BuildIndex(index.ToList())));

        await reader.NextResultAsync(ct);
        var partitions = new List<PartitionRow>();
        while (await reader.ReadAsync(ct))
            partitions.Add(new PartitionRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3)));
        AttachPartitions(tables, partitions);

        await reader.NextResultAsync(ct);
        var unmanaged = new List<UnmanagedObject>();
        while (await reader.ReadAsync(ct))
            unmanaged.Add(Unmanaged(reader.GetString(0), reader.GetString(1), Text(reader, 2)));

        var objects = await ReadObjectsAsync(reader, viewIndexes, ct);

        foreach (var (table, tableColumns) in columns ?? await columnsApart!)
            if (tables.TryGetValue(table, out var t)) t.Columns.AddRange(tableColumns);

        var read = await ReadTypesAsync(reader, objects.Into(new Schema(tables.Values.Select(t => t.Build()).ToValueList(), unmanaged.ToValueList())), ct);
        return await ReadExclusionsAsync(reader, read, ct);
    }

    private static NpgsqlBatch Batch(NpgsqlConnection connection, IEnumerable<string> queries, (string Schema, string Others) schema)
    {
        var batch = new NpgsqlBatch(connection);
        foreach (var query in queries)
        {
            var command = new NpgsqlBatchCommand(query);
            command.Parameters.Add(new NpgsqlParameter { Value = schema.Schema });
            command.Parameters.Add(new NpgsqlParameter { Value = schema.Others });
            batch.BatchCommands.Add(command);
        }
        return batch;
    }

    /// <summary>The columns query alone, on its own connection.</summary>
    private static async Task<Dictionary<string, List<Column>>> ReadColumnsAsync(NpgsqlConnection connection, PostgresCatalogQueries queries,
        (string Schema, string Others) schema, CancellationToken ct)
    {
        await using var batch = Batch(connection, [queries.Columns], schema);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await ReadColumnsAsync(reader, new StringPool(), ct);
    }

    /// <summary>Each table's columns in order, by table name, from the columns query's result.</summary>
    private static async Task<Dictionary<string, List<Column>>> ReadColumnsAsync(NpgsqlDataReader reader, StringPool strings, CancellationToken ct)
    {
        var columns = new Dictionary<string, List<Column>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var table = reader.GetString(0);
            if (!columns.TryGetValue(table, out var list)) columns[table] = list = [];
            list.Add(ReadColumn(reader, table, strings));
        }
        return columns;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed class TableParts(string name, string? comment, string? partitionBy, bool unlogged, StorageParameters? storage, string? clusterOn)
    {
        public string Name => name;
        public string? PartitionBy => partitionBy;
        public ValueList<Partition> Partitions { get; set; } = ValueList<Partition>.Empty;
        public List<Column> Columns { get; } = [];
        public PrimaryKey? PrimaryKey { get; set; }
        public List<TableIndex> Indexes { get; } = [];
        public List<ForeignKey> ForeignKeys { get; } = [];
        public List<Check> Checks { get; } = [];

        public Table Build() => new(
            name,
            Columns.ToValueList(),
            PrimaryKey,
            Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).ToValueList(),
            ForeignKeys.OrderBy(f => f.Name, StringComparer.Ordinal).ToValueList(),
            Checks.OrderBy(c => c.Name, StringComparer.Ordinal).ToValueList(),
            comment,
            Options: TableOptions.OrNull(new TableOptions(Unlogged: unlogged, With: storage)),
            Partitioning: partitionBy is null ? null : new Partitioning(partitionBy, Partitions),
            ClusterOn: clusterOn);
    }
}
