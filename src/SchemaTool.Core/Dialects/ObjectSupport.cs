using SchemaTool.Model;

namespace SchemaTool.Dialects;

/// <summary>
/// Refuses at plan the kinds of object beyond tables that a dialect does not model (yet, or ever): each dialect's
/// Validate names its reasons, and no plan pretends to handle what it would leave out of the SQL.
/// </summary>
public static class ObjectSupport
{
    /// <param name="reason">Why this dialect does not model a kind, or null where it does.</param>
    public static IEnumerable<string> Refuse(Schema model, Func<SchemaObjectKind, string?> reason)
    {
        foreach (var (kind, _) in model.ObjectCounts())
        {
            if (reason(kind) is not { } why) continue;
            var names = Names(model, kind).Order(StringComparer.Ordinal).ToList();
            var shown = string.Join(", ", names.Take(5)) + (names.Count > 5 ? $" and {names.Count - 5} more" : "");
            yield return $"{kind.Plural()} ({shown}): {why}";
        }
    }

    /// <summary>The reason of a dialect that does not model a kind in this version, though the database has it.</summary>
    public static string NotYet(SchemaObjectKind kind, string database) =>
        $"{kind.Plural()} are not modelled on {database} in this version" +
        $"; schematool names the {kind.Plural()} of a {database} database and leaves them alone: remove them from the model";

    private static IEnumerable<string> Names(Schema model, SchemaObjectKind kind) => kind switch
    {
        SchemaObjectKind.View or SchemaObjectKind.MaterializedView => model.Views.Where(v => v.Kind == kind).Select(v => v.Name),
        SchemaObjectKind.Trigger => model.Triggers.Select(t => t.Name),
        SchemaObjectKind.Function or SchemaObjectKind.Procedure or SchemaObjectKind.Aggregate => model.Routines.Where(r => r.ObjectKind == kind).Select(r => r.Name),
        SchemaObjectKind.EnumType => model.Enums.Select(e => e.Name),
        SchemaObjectKind.Domain => model.Domains.Select(d => d.Name),
        SchemaObjectKind.CompositeType => model.Composites.Select(c => c.Name),
        SchemaObjectKind.Sequence => model.Sequences.Select(s => s.Name),
        SchemaObjectKind.Extension => model.Extensions.Select(e => e.Name),
        SchemaObjectKind.Namespace => model.Namespaces.Select(n => n.Name),
        SchemaObjectKind.Event => model.Events.Select(e => e.Name),
        _ => [],
    };
}
