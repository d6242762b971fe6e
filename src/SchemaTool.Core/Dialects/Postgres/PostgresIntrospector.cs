using Npgsql;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>Reads one schema's tables with the catalog queries sent as one batch, then assembles the model records.</summary>
internal static partial class PostgresIntrospector
{
    public static async Task<Schema> ReadAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var query in PostgresCatalogQueries.All)
        {
            var command = new NpgsqlBatchCommand(query);
            command.Parameters.Add(new NpgsqlParameter { Value = schema });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);

        var strings = new StringPool();
        var tables = new SortedDictionary<string, TableParts>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            tables[reader.GetString(0)] = new TableParts(reader.GetString(0), Text(reader, 1));

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
            if (tables.TryGetValue(reader.GetString(0), out var t)) t.Columns.Add(ReadColumn(reader, strings));

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
            if (tables.TryGetValue(reader.GetString(0), out var t)) ReadConstraint(reader, t, strings);

        await reader.NextResultAsync(ct);
        var parts = new List<IndexPartRow>();
        while (await reader.ReadAsync(ct)) parts.Add(ReadIndexPart(reader, strings));
        foreach (var index in parts.GroupBy(p => (p.Table, p.Index)))
            if (tables.TryGetValue(index.Key.Table, out var t)) t.Indexes.Add(BuildIndex(index.ToList()));

        await reader.NextResultAsync(ct);
        var unmanaged = new List<UnmanagedObject>();
        while (await reader.ReadAsync(ct))
            unmanaged.Add(new UnmanagedObject(reader.GetString(0), reader.GetString(1), Text(reader, 2)));

        return new Schema(tables.Values.Select(t => t.Build()).ToValueList(), unmanaged.ToValueList());
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed class TableParts(string name, string? comment)
    {
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
            comment);
    }
}
