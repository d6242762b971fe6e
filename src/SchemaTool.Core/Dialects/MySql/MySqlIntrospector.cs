using System.Data.Common;
using MySqlConnector;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Reads the current database from information_schema with one query per object kind (ten in all; the kinds
/// the model leaves alone share one), whatever the number of tables, one SHOW CREATE per view and routine and one
/// SELECT per sequence, and returns it
/// in the canonical form of <see cref="MySqlNormalizer"/>.
/// </summary>
internal sealed partial class MySqlIntrospector(MySqlSession session, MySqlConnection? second, IReadOnlySet<string> toolTables)
{
    /// <summary>
    /// Tables, columns, checks and the unmanaged kinds on the session's connection; indexes and foreign keys on
    /// the <c>second</c> connection at the same time when there is one (each side with its own string pool).
    /// </summary>
    public async Task<Schema> ReadAsync(CancellationToken ct)
    {
        var mariaDb = IsMariaDb();
        var keysApart = second is null ? null : ReadKeysAsync(second, mariaDb, ct);
        try
        {
            return await ReadAsync(keysApart, mariaDb, ct);
        }
        finally
        {
            // Never leave the other queries running on a connection the caller is about to close.
            if (keysApart is not null) await ((Task)keysApart).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<Schema> ReadAsync(Task<Dictionary<string, TableKeys>>? keysApart, bool mariaDb, CancellationToken ct)
    {
        var strings = new StringPool();
        var unmanaged = new List<UnmanagedObject>();
        var tables = await ReadTablesAsync(unmanaged, ct);
        await ReadColumnsAsync(tables, mariaDb, strings, ct);
        var keys = keysApart is null ? await ReadKeysAsync(Main, mariaDb, ct) : null;
        await ReadChecksAsync(tables, mariaDb, ct);
        await ReadUnmanagedAsync(unmanaged, ct);
        var views = await ReadViewsAsync(tables, unmanaged, ct);
        var triggers = await ReadTriggersAsync(tables, views, unmanaged, ct);
        var routines = await ReadRoutinesAsync(unmanaged, ct);
        var events = await ReadEventsAsync(tables, unmanaged, ct);
        var sequences = await ReadSequencesAsync(ct);
        keys ??= await keysApart!;
        var schema = new Schema(
            tables.Values.Select(t => t.Build(keys.GetValueOrDefault(t.Name))).OrderBy(t => t.Name, StringComparer.Ordinal).ToValueList(),
            unmanaged.OrderBy(u => u.Kind, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToValueList()) { Views = views, Triggers = triggers, Routines = routines, Events = events, Sequences = sequences };
        return MySqlNormalizer.Normalize(schema);
    }

    /// <summary>Primary keys, indexes and foreign keys of every table, by table name.</summary>
    private async Task<Dictionary<string, TableKeys>> ReadKeysAsync(MySqlConnection connection, bool mariaDb, CancellationToken ct)
    {
        var strings = new StringPool();
        var keys = new Dictionary<string, TableKeys>(StringComparer.Ordinal);
        await ReadIndexesAsync(connection, keys, mariaDb, strings, ct);
        await ReadForeignKeysAsync(connection, keys, strings, ct);
        return keys;
    }

    private MySqlConnection Main => (MySqlConnection)session.Connection;

    // The version the server announced when the connection opened: no statement needed.
    private bool IsMariaDb() => session.Connection.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase);

    private async Task<Dictionary<string, TableReader>> ReadTablesAsync(List<UnmanagedObject> unmanaged, CancellationToken ct)
    {
        var tables = new Dictionary<string, TableReader>(StringComparer.Ordinal);
        _sequences.Clear();
        await foreach (var row in QueryAsync(TablesQuery, ct))
        {
            var name = row.GetString(0);
            if (toolTables.Contains(name)) continue;
            if (row.GetString(1) == "SEQUENCE") _sequences.Add((name, Text(row, 3)));
            else
            {
                tables[name] = new TableReader(name, Text(row, 2), Text(row, 3), Text(row, 4), Text(row, 5));
                foreach (var option in MySqlTableOptions.Unmodelled(Text(row, 5)))
                    unmanaged.Add(new UnmanagedObject("table option", option, name));
            }
            if (Text(row, row.GetOrdinal("TABLE_ROWS")) is { } rows && long.TryParse(rows, out var estimate)) RowEstimates[name] = estimate;
        }
        return tables;
    }

    /// <summary>The tables' row estimates, filled by <see cref="ReadAsync"/> from the tables query.</summary>
    public Dictionary<string, long> RowEstimates { get; } = new(StringComparer.Ordinal);

    private async Task ReadUnmanagedAsync(List<UnmanagedObject> unmanaged, CancellationToken ct)
    {
        await foreach (var row in QueryAsync(UnmanagedQuery, ct))
            unmanaged.Add(new UnmanagedObject(row.GetString(0), row.GetString(1), Table: Text(row, 2), Definition: Text(row, 3)));
    }

    private IAsyncEnumerable<DbDataReader> QueryAsync(string sql, CancellationToken ct) => QueryAsync(sql, Main, ct);

    private async IAsyncEnumerable<DbDataReader> QueryAsync(string sql, MySqlConnection connection,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = session.CreateCommand(sql, connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return reader;
    }

    private static string? Text(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : Convert.ToString(row.GetValue(ordinal));
}
