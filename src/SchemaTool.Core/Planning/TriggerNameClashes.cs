using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Planning;

/// <summary>
/// Triggers of several tables that `name:` gives one name: PostgreSQL keeps a trigger's name per table, MySQL and
/// SQLite per schema, where the second is refused at its place; their trigger names are compared as their table names
/// are (SQLite ignores case, MySQL as its file system). Two of one table are refused when the model is loaded.
/// </summary>
internal static class TriggerNameClashes
{
    public static IEnumerable<string> Find(Schema model, IDialect dialect)
    {
        if (dialect.TriggerNamesPerTable) yield break;
        var places = ModelPositions.Of(model);
        foreach (var same in model.Triggers.GroupBy(t => t.Name, dialect.TableNameComparer).Where(g => g.Count() > 1))
        {
            var first = same.MinBy(t => t.Table, StringComparer.Ordinal)!;
            var at = places.Trigger(first.Table, first.Name).TrimEnd(' ', ':');
            foreach (var trigger in same.Where(t => t != first).OrderBy(t => t.Table, StringComparer.Ordinal))
                yield return places.Trigger(trigger.Table, trigger.Name) +
                    $"triggers of tables '{first.Table}'{(at.Length == 0 ? "" : $" (at {at})")} and '{trigger.Table}' are both named " +
                    (first.Name == trigger.Name ? $"'{trigger.Name}'; " : $"'{first.Name}' and '{trigger.Name}', one name to {dialect.Identifiers.Database}; ") +
                    $"{dialect.Identifiers.Database} keeps trigger names in one namespace for the whole schema: give one another `name:`";
        }
    }
}
