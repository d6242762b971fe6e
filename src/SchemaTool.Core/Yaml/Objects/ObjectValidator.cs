namespace SchemaTool.Yaml.Objects;

/// <summary>Checks the objects beyond tables against each other and the tables: repeated names, missing tables and columns.</summary>
internal static class ObjectValidator
{
    public static void Validate(ObjectDrafts drafts, List<TableDraft> tables, List<string> errors)
    {
        Twice(drafts.Views, v => v.View.Name, v => v.Where, "view", errors);
        Twice(drafts.Triggers, t => t.Key, t => t.Where, "trigger", errors);
        TriggerNamesPerTable(drafts, errors);
        Twice(drafts.Routines, r => r.Routine.Kind + " " + r.Routine.KeyName, r => r.Where, "routine", errors);
        Twice(drafts.Enums.Select(e => (e.Type.Name, e.Where)).Concat(drafts.Domains.Select(d => (d.Type.Name, d.Where)))
            .Concat(drafts.Composites.Select(c => (c.Type.Name, c.Where))).ToList(), t => t.Name, t => t.Where, "type", errors);
        Twice(drafts.Sequences, s => s.Sequence.Name, s => s.Where, "sequence", errors);
        Twice(drafts.Extensions, e => e.Extension.Name, e => e.Where, "extension", errors);
        Twice(drafts.Namespaces, n => n.Namespace.Name, n => n.Where, "schema", errors);
        Twice(drafts.Events, e => e.Event.Name, e => e.Where, "event", errors);

        var tablesByName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var views = drafts.Views.Select(v => v.View.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (view, where) in drafts.Views)
            if (tablesByName.TryGetValue(view.Name, out var table))
                errors.Add($"{where}: view '{view.Name}' has the name of a table (declared at {table.Where}); tables and views share their names");

        foreach (var (trigger, key, where) in drafts.Triggers)
        {
            if (trigger.Table.Length == 0) continue;
            var onView = views.Contains(trigger.Table);
            if (!onView && !tablesByName.ContainsKey(trigger.Table))
            {
                errors.Add($"{where}: trigger '{key}' is on table '{trigger.Table}', which the model does not declare");
                continue;
            }
            if (onView != (trigger.Timing == Model.TriggerTiming.InsteadOf))
                errors.Add(onView
                    ? $"{where}: trigger '{key}' is on view '{trigger.Table}': a trigger on a view runs `instead of` the change"
                    : $"{where}: trigger '{key}': `instead of` triggers are for views, and '{trigger.Table}' is a table");
            if (!onView)
                foreach (var column in trigger.UpdateOf.Where(c => !tablesByName[trigger.Table].Columns.Exists(tc => tc.Name == c)))
                    errors.Add($"{where}: trigger '{key}' names column '{trigger.Table}.{column}' in update_of, which does not exist");
        }

        foreach (var (sequence, where) in drafts.Sequences)
        {
            if (sequence.Owner is not { } owner) continue;
            if (!tablesByName.TryGetValue(owner.Table, out var table) || !table.Columns.Exists(c => c.Name == owner.Column))
                errors.Add($"{where}: sequence '{sequence.Name}' is owned by '{sequence.OwnedBy}', which is not a column of the model");
        }
    }

    /// <summary>A table's triggers have names of their own on every server; `name:` may make two keys one trigger.</summary>
    private static void TriggerNamesPerTable(ObjectDrafts drafts, List<string> errors)
    {
        foreach (var same in drafts.Triggers.GroupBy(t => t.Trigger.Identity, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = same.First();
            foreach (var (trigger, key, where) in same.Skip(1))
                errors.Add($"{where}: trigger '{key}' is named '{trigger.Name}' on table '{trigger.Table}', as is '{first.Key}' (at {first.Where}); " +
                    "one table's triggers need names of their own: give one another `name:`");
        }
    }

    private static void Twice<T>(List<T> items, Func<T, string> name, Func<T, string> where, string what, List<string> errors)
    {
        foreach (var group in items.GroupBy(name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add($"{where(group.Last())}: {what} '{group.Key.Split(' ')[^1]}' is declared twice (also at {where(group.First())})");
    }
}
