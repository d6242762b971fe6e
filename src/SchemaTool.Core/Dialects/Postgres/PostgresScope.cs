using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The schemas a model manages: the managed one (its names unqualified), those it declares under <c>schemas:</c>,
/// and those its qualified names use (public, which every database has and no model declares). The objects of the
/// database's other schemas are named and left alone, as before PostgreSQL names could be qualified: a model written
/// for one schema never drops another application's tables, and a schema left out of the model while it still
/// holds objects is refused (PostgresTypeValidator) rather than emptied.
/// </summary>
internal static class PostgresScope
{
    public static Schema Of(Schema current, Schema model)
    {
        var managed = model.Namespaces.Select(n => n.Name).Concat(ModelNames(model).Select(QualifiedName.SchemaOf).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        bool In(string name) => QualifiedName.SchemaOf(name) is not { } schema || managed.Contains(schema);
        bool AllIn() =>
            current.Tables.All(t => In(t.Name)) && current.Views.All(v => In(v.Name)) && current.Enums.All(e => In(e.Name))
            && current.Domains.All(d => In(d.Name)) && current.Composites.All(c => In(c.Name)) && current.Sequences.All(s => In(s.Name)) && current.Routines.All(r => In(r.Name))
            && current.Triggers.All(t => In(t.Table));
        if (AllIn()) return current;

        var outside = new List<UnmanagedObject>();
        ValueList<T> Keep<T>(ValueList<T> items, Func<T, string> name, Func<T, UnmanagedObject> named)
        {
            var kept = new List<T>();
            foreach (var item in items)
                if (In(name(item))) kept.Add(item);
                else outside.Add(named(item));
            return kept.ToValueList();
        }
        var scoped = current with
        {
            Tables = Keep(current.Tables, t => t.Name, t => new UnmanagedObject("table", t.Name)),
            Views = Keep(current.Views, v => v.Name, v => new UnmanagedObject(v.Materialized ? "materialized view" : "view", v.Name)),
            Enums = Keep(current.Enums, e => e.Name, e => new UnmanagedObject("enum", e.Name)),
            Domains = Keep(current.Domains, d => d.Name, d => new UnmanagedObject("domain", d.Name)),
            Composites = Keep(current.Composites, c => c.Name, c => new UnmanagedObject("composite type", c.Name)),
            Sequences = Keep(current.Sequences, s => s.Name, s => new UnmanagedObject("sequence", s.Name)),
            Routines = Keep(current.Routines, r => r.Name,
                r => new UnmanagedObject(r.Kind == RoutineKind.Procedure ? "procedure" : "function", r.Name)),
            Triggers = Keep(current.Triggers, t => t.Table, t => new UnmanagedObject("trigger", t.Name, t.Table)),
        };
        return scoped with { Unmanaged = current.Unmanaged.Concat(outside).ToValueList() };
    }

    private static IEnumerable<string> ModelNames(Schema model) =>
        model.Tables.Select(t => t.Name).Concat(model.Views.Select(v => v.Name)).Concat(model.Enums.Select(e => e.Name))
            .Concat(model.Domains.Select(d => d.Name)).Concat(model.Composites.Select(c => c.Name)).Concat(model.Sequences.Select(s => s.Name)).Concat(model.Routines.Select(r => r.Name))
            .Concat(model.Triggers.Select(t => t.Table));
}
