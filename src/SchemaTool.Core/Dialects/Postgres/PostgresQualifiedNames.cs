using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// Names qualified by a schema (<c>auth.users</c>): the schema must be one the model declares in <c>schemas:</c> (or
/// public), so that it exists before its objects and is not dropped under them; and it must not be the managed schema,
/// whose objects are named unqualified: the catalog reads them back so, and a qualified key would be another
/// object to the differ (a drop and a create of one table).
/// </summary>
internal static class PostgresQualifiedNames
{
    public static IEnumerable<string> Validate(Schema model, string? managedSchema)
    {
        // A schema of the database that the model leaves out is dropped by the plan: its objects cannot stay.
        var known = model.Namespaces.Select(n => n.Name).Append("public").ToHashSet(StringComparer.Ordinal);
        var at = ModelPositions.Of(model);
        foreach (var (kind, name, place, renamedFrom) in Names(model, at))
        {
            if (renamedFrom is not null && QualifiedName.SchemaOf(renamedFrom) != QualifiedName.SchemaOf(name))
                yield return $"{place}{kind} '{PrintableText.Escape(name)}': renamed_from '{PrintableText.Escape(renamedFrom)}' is in another schema; " +
                             "moving an object between schemas is not modelled: write its old name in its own schema " +
                             $"('{PrintableText.Escape(QualifiedName.Beside(name, QualifiedName.LocalOf(renamedFrom)))}')";
            if (QualifiedName.SchemaOf(name) is not { } schema) continue;
            var shown = PrintableText.Escape(name);
            if (schema == managedSchema)
                yield return $"{place}{kind} '{shown}': {PrintableText.Escape(schema)} is the schema this database is managed in, whose objects " +
                             $"are named without it: write '{PrintableText.Escape(QualifiedName.LocalOf(name))}'";
            else if (!known.Contains(schema))
                yield return $"{place}{kind} '{shown}': schema '{PrintableText.Escape(schema)}' is not declared: add it to `schemas:`";
        }
    }

    private static IEnumerable<(string Kind, string Name, string Place, string? RenamedFrom)> Names(Schema model, ModelPositions at)
    {
        foreach (var table in model.Tables) yield return ("table", table.Name, at.Table(table.Name), table.RenamedFrom);
        foreach (var view in model.Views) yield return (view.Materialized ? "materialized view" : "view", view.Name, "", null);
        foreach (var type in model.Enums) yield return ("enum type", type.Name, "", type.RenamedFrom);
        foreach (var type in model.Domains) yield return ("domain", type.Name, "", type.RenamedFrom);
        foreach (var type in model.Composites) yield return ("composite type", type.Name, "", null);
        foreach (var sequence in model.Sequences) yield return ("sequence", sequence.Name, "", sequence.RenamedFrom);
        foreach (var routine in model.Routines) yield return (routine.Kind == RoutineKind.Procedure ? "procedure" : "function", routine.Name, "", null);
    }
}
