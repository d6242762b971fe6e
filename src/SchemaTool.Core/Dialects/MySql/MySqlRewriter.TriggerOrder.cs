using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlRewriter
{
    /// <summary>
    /// The order of the triggers of one table, timing and event (ACTION_ORDER), which a trigger created without
    /// FOLLOWS joins at the end:
    /// <list type="bullet">
    /// <item>A trigger the model gives no `follows:` keeps the server's place: a change of its order alone is no change,
    /// and a trigger created again for another change follows the one it followed (or the nearest before it that stays).</item>
    /// <item>The triggers that state they follow a created trigger are created again after it.</item>
    /// <item>A trigger dropped while it is the first of its group, with others left, has the others dropped and created
    /// after it, so that the down file, which creates it again at the end, creates them after it too.</item>
    /// </list>
    /// </summary>
    private void OrderTriggers(List<Operation> ops)
    {
        if (current.Triggers.Count == 0 || !ops.Any(o => o is CreateTrigger or DropTrigger)) return;
        var have = current.Triggers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var want = desired.Triggers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var follows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in desired.Triggers) if (t.Follows is { } f) follows[t.Name] = f;

        // An order change alone, of a trigger whose order the model leaves to the server.
        foreach (var create in ops.OfType<CreateTrigger>().Where(c => c.Trigger.Follows is null).ToList())
            if (ops.OfType<DropTrigger>().FirstOrDefault(d => d.Trigger.Name == create.Trigger.Name) is { } drop
                && (drop.Trigger with { Follows = null }).WithoutDependencies() == create.Trigger.WithoutDependencies())
            {
                ops.Remove(drop);
                ops.Remove(create);
            }

        // A trigger created again keeps its place when the model states none.
        for (var i = 0; i < ops.Count; i++)
            if (ops[i] is CreateTrigger { Trigger: { Follows: null } trigger } && have.ContainsKey(trigger.Name)
                && KeptPlace(trigger, want, follows) is { } before)
            {
                follows[trigger.Name] = before;
                ops[i] = new CreateTrigger(trigger with { Follows = before });
            }

        var created = ops.OfType<CreateTrigger>().Select(c => c.Trigger.Name).ToHashSet(StringComparer.Ordinal);
        var dropped = ops.OfType<DropTrigger>().Select(d => d.Trigger.Name).ToHashSet(StringComparer.Ordinal);
        void Recreate(string name)
        {
            if (!have.TryGetValue(name, out var old)) return;
            if (dropped.Add(name)) ops.Add(new DropTrigger(old));
            if (want.TryGetValue(name, out var wanted) && created.Add(name))
                ops.Add(new CreateTrigger(follows.TryGetValue(name, out var f) ? wanted with { Follows = f } : wanted));
        }

        // Stated followers of a created trigger, created again after it (and theirs after them).
        var queue = new Queue<string>(created);
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            foreach (var follower in desired.Triggers.Where(t => t.Follows == name && !created.Contains(t.Name)).Select(t => t.Name).ToList())
            {
                Recreate(follower);
                queue.Enqueue(follower);
            }
        }

        // The first of a group dropped: the rest of its group dropped and created in order.
        foreach (var first in ops.OfType<DropTrigger>().Select(d => d.Trigger).Where(t => t.Follows is null).ToList())
            foreach (var other in current.Triggers.Where(t => t.Name != first.Name && Group(t) == Group(first)))
            {
                if (want.ContainsKey(other.Name) && !follows.ContainsKey(other.Name) && KeptPlace(want[other.Name], want, follows) is { } before)
                    follows[other.Name] = before;
                Recreate(other.Name);
            }
    }

    private static (string Table, TriggerTiming Timing, TriggerEvent Event) Group(Trigger trigger) =>
        (trigger.Table, trigger.Timing, trigger.Events.Count > 0 ? trigger.Events[0] : TriggerEvent.Insert);

    /// <summary>
    /// The trigger <paramref name="trigger"/> is to follow to keep its place in the database: the nearest before it in its
    /// group that the model keeps, that no other trigger follows, and that does not come after it by the model's order.
    /// </summary>
    private string? KeptPlace(Trigger trigger, Dictionary<string, Trigger> want, Dictionary<string, string> follows)
    {
        var group = current.Triggers.Where(t => Group(t) == Group(trigger)).Select(t => t.Name).ToList();
        var at = group.IndexOf(trigger.Name);
        for (var i = at - 1; i >= 0; i--)
        {
            var name = group[i];
            if (!want.TryGetValue(name, out var kept) || Group(kept) != Group(trigger)) continue;
            if (follows.Any(f => f.Value == name && f.Key != trigger.Name)) return null;
            var steps = 0;
            for (var walk = name; follows.TryGetValue(walk, out var next) && steps++ < follows.Count; walk = next)
                if (next == trigger.Name) return null;
            return name;
        }
        return null;
    }
}
