using System.Data.Common;
using System.Globalization;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

internal sealed partial class MySqlIntrospector
{
    private const string EventsQuery = """
        SELECT EVENT_NAME, EVENT_DEFINITION, EVENT_TYPE, EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD, STARTS, ENDS,
               STATUS, ON_COMPLETION, EVENT_COMMENT, TIME_ZONE, CREATED
        FROM information_schema.EVENTS
        WHERE EVENT_SCHEMA = DATABASE()
        ORDER BY EVENT_NAME
        """;

    /// <summary>
    /// Each event from information_schema, its schedule written back as CREATE EVENT takes it: AT 'time', or EVERY n
    /// unit with STARTS only where it was given (the server sets it to the time of CREATE otherwise: STARTS equal to
    /// CREATED) and ENDS. The session writes times in UTC, so an event with a time of its own in another zone is
    /// named and left alone, as is one a replica disabled.
    /// </summary>
    private async Task<ValueList<ScheduledEvent>> ReadEventsAsync(Dictionary<string, TableReader> tables, List<UnmanagedObject> unmanaged, CancellationToken ct)
    {
        var events = new List<ScheduledEvent>();
        await foreach (var row in QueryAsync(EventsQuery, ct))
        {
            var name = row.GetString(0);
            var body = row.GetString(1).Trim();
            var starts = Time(row, 6);
            var explicitStarts = starts is not null && starts != Time(row, 12);
            string schedule = row.GetString(2) == "ONE TIME"
                ? $"AT '{Time(row, 3)}'"
                : $"EVERY {row.GetString(4)} {row.GetString(5)}" + (explicitStarts ? $" STARTS '{starts}'" : "") + (Time(row, 7) is { } ends ? $" ENDS '{ends}'" : "");
            var timed = row.GetString(2) == "ONE TIME" || explicitStarts || !row.IsDBNull(7);
            var zone = row.GetString(11);
            if (row.GetString(8) is not ("ENABLED" or "DISABLED"))
                unmanaged.Add(new UnmanagedObject("event", name, Note: $"its status is {row.GetString(8)}"));
            else if (timed && zone != "+00:00")
                unmanaged.Add(new UnmanagedObject("event", name, Note: $"its times are in the time zone {zone}; schematool writes them in UTC"));
            else
                events.Add(new ScheduledEvent(name, schedule, body, Enabled: row.GetString(8) == "ENABLED", Preserve: row.GetString(9) == "PRESERVE",
                    Comment: Text(row, 10) is { Length: > 0 } comment ? comment : null));
        }
        if (events.Count == 0) return ValueList<ScheduledEvent>.Empty;
        var relations = tables.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value.Columns.Select(c => c.Name).ToList(), StringComparer.Ordinal);
        return events.Select(e => e with { DependsOn = MySqlObjectText.Dependencies(e.Body, null, relations) }).ToValueList();
    }

    private static string? Time(DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : Convert.ToDateTime(row.GetValue(ordinal), CultureInfo.InvariantCulture).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
