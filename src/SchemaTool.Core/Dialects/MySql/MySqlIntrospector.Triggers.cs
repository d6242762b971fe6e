using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

internal sealed partial class MySqlIntrospector
{
    // A trigger is in its table's schema; MariaDB narrows TRIGGERS to one database by EVENT_OBJECT_SCHEMA, not by
    // TRIGGER_SCHEMA (EXPLAIN: "Scanned all databases"). ACTION_ORDER orders those of one table, timing and event.
    private const string TriggersQuery = """
        SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT
        FROM information_schema.TRIGGERS
        WHERE EVENT_OBJECT_SCHEMA = DATABASE()
        ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER
        """;

    /// <summary>Each trigger from information_schema, its body without the BEGIN and END around it.</summary>
    private async Task<ValueList<Trigger>> ReadTriggersAsync(Dictionary<string, TableReader> tables, ValueList<View> views, List<UnmanagedObject> unmanaged, CancellationToken ct)
    {
        var triggers = new List<Trigger>();
        await foreach (var row in QueryAsync(TriggersQuery, ct))
        {
            var (name, table, action) = (row.GetString(0), row.GetString(1), row.GetString(4));
            if (toolTables.Contains(table)) continue;
            if (TriggerWords.ParseTiming(row.GetString(2)) is not { } timing || TriggerWords.ParseEvent(row.GetString(3)) is not { } e)
            {
                unmanaged.Add(new UnmanagedObject("trigger", name, table, action, "its definition was not understood"));
                continue;
            }
            // The one before it in ACTION_ORDER fires right before it; the first follows none.
            var previous = triggers.Count > 0 && triggers[^1] is { } last && last.Table == table && last.Timing == timing && last.Events[0] == e ? last.Name : null;
            triggers.Add(new Trigger(name, table, timing, new[] { e }, Body: MySqlObjectText.TriggerBody(action), Follows: previous));
        }
        if (triggers.Count == 0) return ValueList<Trigger>.Empty;
        var relations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, table) in tables) relations[name] = table.Columns.Select(c => c.Name).ToList();
        foreach (var view in views) relations[view.Name] = _viewColumns.TryGetValue(view.Name, out var columns) ? columns : [];
        return triggers.Select(t => t with { DependsOn = MySqlObjectText.TriggerDependencies(t, relations) }).ToValueList();
    }
}
