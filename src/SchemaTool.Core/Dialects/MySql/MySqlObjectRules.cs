using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>What the model can say of a view or trigger and MySQL cannot hold: refused at plan, each with its object's name.</summary>
internal static class MySqlObjectRules
{
    public static IEnumerable<string> Validate(Schema model)
    {
        foreach (var view in model.Views.Where(v => v.Comment is not null))
            yield return $"view {view.Name}: MySQL views have no comments: remove its comment";
        foreach (var routine in model.Routines.Where(r => r.Kind != RoutineKind.Aggregate)) // refused as a kind (MySqlDialect.Validate)
        {
            var what = $"{routine.ObjectKind.Word()} {routine.KeyName}";
            if (MySqlObjectText.RoutineHead(routine.Definition) is not { } head)
                yield return $"{what}: its definition must be a CREATE {routine.ObjectKind.Word().ToUpperInvariant()} statement";
            else if (head.Kind != routine.Kind || !string.Equals(head.Name, routine.Name, StringComparison.OrdinalIgnoreCase))
                yield return $"{what}: its definition creates {head.Kind.ToString().ToLowerInvariant()} {head.Name}";
            if (routine.Comment is not null) yield return $"{what}: write a MySQL routine's comment in its definition (COMMENT '...')";
        }
        foreach (var problem in SameNames(model)) yield return problem;
        foreach (var trigger in model.Triggers)
            foreach (var problem in Problems(trigger).Concat(OrderProblems(trigger, model)))
                yield return $"trigger {trigger.Name}: {problem}";
    }

    /// <summary>A `follows:` the server would refuse (CREATE TRIGGER ... FOLLOWS names a trigger of the same table, timing and event), or that no order satisfies.</summary>
    private static IEnumerable<string> OrderProblems(Trigger trigger, Schema model)
    {
        if (trigger.Follows is not { } follows) yield break;
        if (follows == trigger.Name)
        {
            yield return "follows itself";
            yield break;
        }
        if (model.Triggers.FirstOrDefault(t => t.Name == follows) is not { } before)
        {
            yield return $"follows {follows}, which is not a trigger of the model";
            yield break;
        }
        if (Fires(before) != Fires(trigger))
            yield return $"follows {follows}, which fires {Fires(before)}, not {Fires(trigger)}";
        if (model.Triggers.Where(t => t.Follows == follows && t.Name != trigger.Name).Select(t => t.Name).Order(StringComparer.Ordinal)
                .FirstOrDefault(other => string.CompareOrdinal(other, trigger.Name) < 0) is { } first)
            yield return $"follows {follows}, as trigger {first} does: only one trigger can fire right after it";
        var seen = new HashSet<string>(StringComparer.Ordinal) { trigger.Name };
        for (var at = before; at.Follows is { } next; )
        {
            if (next == trigger.Name)
            {
                yield return $"follows {follows}, which follows it{(at == before ? "" : " through other triggers")}";
                yield break;
            }
            if (!seen.Add(next) || model.Triggers.FirstOrDefault(t => t.Name == next) is not { } previous) yield break;
            at = previous;
        }
    }

    private static string Fires(Trigger trigger) =>
        $"{trigger.Timing.ToYaml()} {string.Join(", ", trigger.Events.Select(e => e.ToYaml()))} on {trigger.Table}";

    /// <summary>Routines the model keys apart but names alike on the server (`name:`): MySQL has one routine of a name.</summary>
    private static IEnumerable<string> SameNames(Schema model) =>
        model.Routines.GroupBy(r => (r.Kind, Name: r.Name.ToLowerInvariant())).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(r =>
                $"{r.ObjectKind.Word()} {r.KeyName}: MySQL has no overloads: {g.First().ObjectKind.Word()} {g.First().KeyName} is named {r.Name} too"));

    private static IEnumerable<string> Problems(Trigger trigger)
    {
        if (trigger.Timing == TriggerTiming.InsteadOf) yield return "MySQL has no INSTEAD OF triggers: use before or after";
        if (trigger.Events.Count != 1) yield return "a MySQL trigger has exactly one event: declare one trigger per event";
        if (trigger.Events.Contains(TriggerEvent.Truncate)) yield return "MySQL has no TRUNCATE triggers";
        if (trigger.ForEach == TriggerLevel.Statement) yield return "MySQL triggers are row-level: remove for_each: statement";
        if (trigger.UpdateOf.Count > 0) yield return "MySQL has no UPDATE OF: test the columns in the body (IF NEW.c <> OLD.c THEN ... END IF;)";
        if (trigger.When is not null) yield return "MySQL triggers have no WHEN condition: test it in the body (IF ... THEN ... END IF;)";
        if (trigger.Execute is not null) yield return "MySQL triggers have a body, not execute: write the statements in body";
        if (string.IsNullOrWhiteSpace(trigger.Body)) yield return "a MySQL trigger needs a body";
        if (trigger.Comment is not null) yield return "MySQL triggers have no comments: remove its comment";
    }
}
