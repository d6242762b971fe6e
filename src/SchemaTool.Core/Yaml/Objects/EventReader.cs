using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml.Objects;

/// <summary>`events:` (MySQL) — name → { schedule, body, enabled, preserve, comment }.</summary>
internal static class EventReader
{
    private static readonly string[] EventKeys = ["schedule", "body", "enabled", "preserve", "comment"];

    public static void Read(string name, YamlValue node, YamlValue keyNode, YamlNodes nodes, ObjectDrafts drafts)
    {
        var what = $"event '{name}'";
        if (nodes.Map(node, what) is not { } map) return;
        var e = new ScheduledEvent(name, "", "");
        foreach (var (key, value, _) in nodes.Entries(map, what, EventKeys))
        {
            e = key switch
            {
                "schedule" => e with { Schedule = nodes.Sql(value, $"schedule of {what}", SqlChecks.Expression) ?? "" },
                "body" => e with { Body = nodes.Sql(value, $"body of {what}", SqlChecks.EventBody) ?? "" },
                "enabled" => e with { Enabled = nodes.Bool(value, "enabled") ?? true },
                "preserve" => e with { Preserve = nodes.Bool(value, "preserve") ?? false },
                _ => e with { Comment = nodes.String(value, "comment") },
            };
        }
        if (string.IsNullOrWhiteSpace(e.Schedule)) nodes.Error(keyNode, $"{what} has no `schedule:` (what follows ON SCHEDULE: `EVERY 1 DAY`)");
        if (string.IsNullOrWhiteSpace(e.Body)) nodes.Error(keyNode, $"{what} has no `body:` (what follows DO)");
        drafts.Events.Add((e, nodes.Where(keyNode)));
    }
}
