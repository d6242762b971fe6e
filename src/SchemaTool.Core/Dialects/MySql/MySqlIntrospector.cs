using System.Data.Common;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Reads the current database from information_schema with one query per object kind (ten in all), whatever
/// the number of tables, and returns it in the canonical form of <see cref="MySqlNormalizer"/>.
/// </summary>
internal sealed partial class MySqlIntrospector(MySqlSession session)
{
    private static readonly string[] OwnTables = ["schematool_history", "schematool_lock"];

    public async Task<Schema> ReadAsync(CancellationToken ct)
    {
        var mariaDb = await IsMariaDbAsync(ct);
        var unmanaged = new List<UnmanagedObject>();
        var tables = await ReadTablesAsync(unmanaged, ct);
        await ReadColumnsAsync(tables, mariaDb, ct);
        await ReadIndexesAsync(tables, mariaDb, ct);
        await ReadForeignKeysAsync(tables, ct);
        await ReadChecksAsync(tables, mariaDb, ct);
        await ReadUnmanagedAsync(unmanaged, ct);
        var schema = new Schema(
            tables.Values.Select(t => t.Build()).OrderBy(t => t.Name, StringComparer.Ordinal).ToValueList(),
            unmanaged.OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToValueList());
        return MySqlNormalizer.Normalize(schema);
    }

    private async Task<bool> IsMariaDbAsync(CancellationToken ct)
    {
        await using var cmd = session.CreateCommand("SELECT VERSION()");
        return (await cmd.ExecuteScalarAsync(ct))?.ToString()?.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) == true;
    }

    private async Task<Dictionary<string, TableReader>> ReadTablesAsync(List<UnmanagedObject> unmanaged, CancellationToken ct)
    {
        var tables = new Dictionary<string, TableReader>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync(TablesQuery, ct))
        {
            var name = row.GetString(0);
            if (OwnTables.Contains(name)) continue;
            if (row.GetString(1) == "SEQUENCE") unmanaged.Add(new UnmanagedObject("sequence", name));
            else tables[name] = new TableReader(name, Text(row, 2), Text(row, 3));
        }
        return tables;
    }

    private async Task ReadUnmanagedAsync(List<UnmanagedObject> unmanaged, CancellationToken ct)
    {
        await foreach (var row in QueryAsync(ViewsQuery, ct))
            unmanaged.Add(new UnmanagedObject("view", row.GetString(0), Definition: Text(row, 1)));
        await foreach (var row in QueryAsync(TriggersQuery, ct))
            unmanaged.Add(new UnmanagedObject("trigger", row.GetString(0), Table: row.GetString(1)));
        await foreach (var row in QueryAsync(RoutinesQuery, ct))
            unmanaged.Add(new UnmanagedObject(row.GetString(0).ToLowerInvariant(), row.GetString(1)));
        await foreach (var row in QueryAsync(EventsQuery, ct))
            unmanaged.Add(new UnmanagedObject("event", row.GetString(0)));
    }

    private async IAsyncEnumerable<DbDataReader> QueryAsync(string sql, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = session.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return reader;
    }

    private static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : Convert.ToString(row.GetValue(ordinal));
}
