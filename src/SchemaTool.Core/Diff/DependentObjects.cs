using SchemaTool.Model;

namespace SchemaTool.Diff;

/// <summary>
/// Views and triggers that a plan leaves as they are, but whose use the plan changes: a column they read changes
/// type, is dropped or renamed, their table is rebuilt (SQLite), a view they read is created again. Each such object
/// is dropped before the change and created again after it; the down file, the inverse, does the same around the
/// inverse change. Whatever an operation removes (<see cref="Dependencies.Removes"/>) counts as changed, so a
/// chain of views follows by itself: a view dropped and created removes its relation, which the views reading
/// it use. A replaced view whose old query reads what goes is dropped and created the same way. The defaults,
/// checks and indexes that call a routine dropped, or read a column whose type is made anew, follow too
/// (<see cref="TableDependents"/>).
/// </summary>
public static class DependentObjects
{
    public static IReadOnlyList<Operation> Recreate(IReadOnlyList<Operation> operations, Schema current, Schema desired)
    {
        var ops = operations.ToList();
        var removed = new HashSet<string>(ops.SelectMany(o => o.Dependencies.Removes), StringComparer.Ordinal);
        TableDependents.Recreate(ops, removed, current, desired);
        if (current.Views.Count == 0 && current.Triggers.Count == 0) return ops;
        var views = Acted(ops, o => o is CreateView or DropView or ReplaceView);
        var triggers = Acted(ops, o => o is CreateTrigger or DropTrigger);
        var desiredViews = desired.Views.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var desiredTriggers = desired.Triggers.ToDictionary(t => t.Identity, StringComparer.Ordinal);

        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i < ops.Count; i++)
            {
                if (ops[i] is not ReplaceView replace || !Uses(replace.From.DependsOn).Any(removed.Contains)) continue;
                ops[i] = new DropView(replace.From);
                ops.Insert(i + 1, new CreateView(replace.To));
                removed.Add(Dependencies.Relation(replace.From.Name));
                changed = true;
            }
            foreach (var view in current.Views)
            {
                if (views.Contains(view.Name) || !desiredViews.TryGetValue(view.Name, out var wanted)) continue;
                if (!Uses(view.DependsOn).Any(removed.Contains)) continue;
                ops.Add(new DropView(view));
                ops.Add(new CreateView(wanted));
                views.Add(view.Name);
                removed.Add(Dependencies.Relation(view.Name));
                changed = true;
            }
            foreach (var trigger in current.Triggers)
            {
                if (triggers.Contains(trigger.Identity) || !desiredTriggers.TryGetValue(trigger.Identity, out var wanted)) continue;
                if (!CreateTrigger.Uses(trigger).Any(removed.Contains)) continue;
                ops.Add(new DropTrigger(trigger));
                ops.Add(new CreateTrigger(wanted));
                triggers.Add(trigger.Identity);
                changed = true;
            }
        }
        while (changed);
        return ops;
    }

    private static IReadOnlyList<string> Uses(ValueList<Dependency>? dependencies) => Dependencies.Of(dependencies);

    private static HashSet<string> Acted(List<Operation> ops, Func<Operation, bool> kind) =>
        ops.Where(kind).Select(o => o switch { CreateTrigger c => c.Trigger.Identity, DropTrigger d => d.Trigger.Identity, _ => o.TableName })
            .ToHashSet(StringComparer.Ordinal);
}
