using System.Text;
using SchemaTool.Model;

namespace SchemaTool.Yaml;

public static partial class ModelWriter
{
    /// <summary>
    /// `triggers:`, keyed by name. A name that triggers of several tables share (PostgreSQL keeps a trigger's name
    /// per table) is no key: each of them is keyed table_name, with `name:`, and a number after a key already taken.
    /// </summary>
    private static string TriggerSection(ValueList<Trigger> triggers)
    {
        var shared = triggers.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var keyed = triggers.Where(t => !shared.Contains(t.Name)).Select(t => (Key: t.Name, Trigger: t)).ToList();
        var taken = keyed.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var trigger in triggers.Where(t => shared.Contains(t.Name)).OrderBy(t => t.Table, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            var key = QualifiedName.LocalOf(trigger.Table) + "_" + trigger.Name;
            var free = key;
            for (var n = 2; !taken.Add(free); n++) free = key + "_" + n;
            keyed.Add((free, trigger));
        }
        var text = new StringBuilder("triggers:\n");
        foreach (var (key, trigger) in keyed.OrderBy(k => k.Key, StringComparer.Ordinal))
            text.Append("  ").Append(YamlText.Key(key)).Append(": ").Append(TriggerMap(trigger, key)).Append('\n');
        return text.ToString();
    }
}
