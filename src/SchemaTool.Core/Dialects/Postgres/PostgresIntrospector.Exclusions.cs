using Npgsql;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

internal static partial class PostgresIntrospector
{
    /// <summary>The exclusion constraints (the batch's last result), each put into its table.</summary>
    private static async Task<Schema> ReadExclusionsAsync(NpgsqlDataReader reader, Schema schema, CancellationToken ct)
    {
        await reader.NextResultAsync(ct);
        var rows = new List<(string Table, string Name, string Method, string? Where, string? Comment, ExclusionElement Element, Deferrability Deferrable)>();
        while (await reader.ReadAsync(ct))
        {
            var descending = reader.GetBoolean(7);
            var nullsFirst = reader.GetBoolean(10);
            var part = new IndexPart(Text(reader, 5), Text(reader, 6), descending, Text(reader, 8), Text(reader, 9),
                // The order decides where NULLs go unless the constraint says otherwise.
                Nulls: nullsFirst == descending ? null : nullsFirst ? NullsOrder.First : NullsOrder.Last);
            var deferrable = !reader.GetBoolean(12) ? Deferrability.NotDeferrable
                : reader.GetBoolean(13) ? Deferrability.InitiallyDeferred : Deferrability.InitiallyImmediate;
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4),
                new ExclusionElement(part, reader.GetString(11)), deferrable));
        }
        if (rows.Count == 0) return schema;
        var byTable = rows.GroupBy(r => r.Table, StringComparer.Ordinal).ToDictionary(
            t => t.Key,
            t => t.GroupBy(r => r.Name, StringComparer.Ordinal).Select(c =>
            {
                var first = c.First();
                return new Exclusion(first.Name, c.Select(r => r.Element).ToValueList(), first.Method == "btree" ? null : first.Method,
                    first.Where, first.Deferrable, first.Comment);
            }).OrderBy(e => e.Name, StringComparer.Ordinal).ToValueList(),
            StringComparer.Ordinal);
        return schema with
        {
            Tables = schema.Tables.Select(t => byTable.TryGetValue(t.Name, out var exclusions) ? t with { Exclusions = exclusions } : t).ToValueList(),
        };
    }
}
