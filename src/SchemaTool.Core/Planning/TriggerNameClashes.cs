using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Planning;

/// <summary>
/// Triggers of several tables that `name:` gives one name: PostgreSQL keeps a trigger's name per table, MySQL and
/// SQLite per schema, where the second is refused at its place. Two of one table are refused when the model is loaded.
/// </summary>
internal static class TriggerNameClashes
{
    public static IEnumerable<string> Find(Schema model, IDialect dialect)
    {
        if (dialect.TriggerNamesPerTable) yield break;
        var places = ModelPositions.Of(model);
        foreach (var same in model.Triggers.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = same.First();
            var at = places.Trigger(first.Table, first.Name).TrimEnd(' ', ':');
            foreach (var trigger in same.Skip(1))
                yield return places.Trigger(trigger.Table, trigger.Name) +
                    $"triggers of tables '{first.Table}'{(at.Length == 0 ? "" : $" (at {at})")} and '{trigger.Table}' are both named '{trigger.Name}'; " +
                    $"{dialect.Identifiers.Database} keeps trigger names in one namespace for the whole schema: give one another `name:`";
        }
    }
}
