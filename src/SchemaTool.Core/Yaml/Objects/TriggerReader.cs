using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml.Objects;

/// <summary>`triggers:` — key → { name, table, timing, events, update_of, for_each, when, body | execute, comment, follows }; the name is the key's unless `name:` says.</summary>
internal static class TriggerReader
{
    private static readonly string[] TriggerKeys = ["name", "table", "timing", "events", "update_of", "for_each", "when", "body", "execute", "comment", "follows"];

    public static void Read(string name, YamlValue node, YamlValue keyNode, YamlNodes nodes, ObjectDrafts drafts)
    {
        var what = $"trigger '{name}'";
        if (nodes.Map(node, what) is not { } map) return;
        string? serverName = null, table = null, when = null, body = null, execute = null, comment = null, follows = null;
        TriggerTiming? timing = null;
        var events = new List<TriggerEvent>();
        var forEach = TriggerLevel.Row;
        List<string> updateOf = [];
        YamlValue? updateOfNode = null;
        foreach (var (key, value, _) in nodes.Entries(map, what, TriggerKeys))
        {
            switch (key)
            {
                case "name": serverName = ServerName.Read(value, what, nodes); break;
                case "table": table = nodes.String(value, $"table of {what}"); break;
                case "timing":
                    if (nodes.String(value, "timing") is { } t && (timing = TriggerWords.ParseTiming(t)) is null)
                        nodes.Error(value, $"unknown timing '{t}' of {what}; expected before, after or instead of");
                    break;
                case "events":
                    foreach (var text in ModelLoader.ReadNameList(value, $"events of {what}", nodes))
                    {
                        if (TriggerWords.ParseEvent(text) is { } e) { if (!events.Contains(e)) events.Add(e); }
                        else nodes.Error(value, $"unknown event '{text}' of {what}; expected insert, update, delete or truncate");
                    }
                    break;
                case "update_of": updateOf = ModelLoader.ReadNameList(value, $"update_of of {what}", nodes); updateOfNode = value; break;
                case "for_each":
                    if (nodes.String(value, "for_each") is { } level)
                    {
                        if (TriggerWords.ParseLevel(level) is { } l) forEach = l;
                        else nodes.Error(value, $"unknown for_each '{level}' of {what}; expected row or statement");
                    }
                    break;
                case "when": when = nodes.Sql(value, $"when of {what}"); break;
                case "body": body = nodes.Sql(value, $"body of {what}", SqlChecks.TriggerBody); break;
                case "execute": execute = nodes.Sql(value, $"execute of {what}"); break;
                case "comment": comment = nodes.String(value, "comment"); break;
                case "follows": follows = nodes.String(value, $"follows of {what}"); break;
            }
        }
        if (table is null) nodes.Error(keyNode, $"{what} has no `table:`");
        if (timing is null && !map.Entries.Any(e => e.Key is YamlScalar { Value: "timing" })) nodes.Error(keyNode, $"{what} has no `timing:` (before, after or instead of)");
        if (events.Count == 0 && !map.Entries.Any(e => e.Key is YamlScalar { Value: "events" })) nodes.Error(keyNode, $"{what} has no `events:` (insert, update, delete)");
        if ((body is null) == (execute is null)) nodes.Error(keyNode, $"{what} needs exactly one of `body:` (the statements) or `execute:` (a function call)");
        if (updateOfNode is not null && !events.Contains(TriggerEvent.Update)) nodes.Error(updateOfNode, $"{what}: update_of needs the update event");
        var trigger = new Trigger(serverName ?? name, table ?? "", timing ?? TriggerTiming.Before, events.ToValueList(), body, execute, forEach,
            updateOf.ToValueList(), when, comment, follows);
        drafts.Triggers.Add((trigger, name, nodes.Where(keyNode)));
    }
}
