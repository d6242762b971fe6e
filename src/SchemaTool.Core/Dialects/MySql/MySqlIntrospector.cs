using System.Data.Common;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Reads the current database from information_schema with one query per object kind (six in all; the kinds
/// the model leaves alone share one), whatever the number of tables, and returns it in the canonical form of
/// <see cref="MySqlNormalizer"/>.
/// </summary>
internal sealed partial class MySqlIntrospector(MySqlSession session)
{
    private static readonly string[] OwnTables = ["schematool_history", "schematool_lock"];
    private readonly StringPool _strings = new();

    public async Task<Schema> ReadAsync(CancellationToken ct)
    {
        var mariaDb = IsMariaDb();
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

    // The version the server announced when the connection opened: no statement needed.
    private bool IsMariaDb() => session.Connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);

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
        await foreach (var row in QueryAsync(UnmanagedQuery, ct))
            unmanaged.Add(new UnmanagedObject(row.GetString(0), row.GetString(1), Table: Text(row, 2), Definition: Text(row, 3)));
    }

    private async IAsyncEnumerable<DbDataReader> QueryAsync(string sql, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = session.CreateCommand(sql);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return reader;
    }

    private static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : Convert.ToString(row.GetValue(ordinal));
}
