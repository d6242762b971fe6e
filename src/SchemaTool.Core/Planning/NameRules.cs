using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Planning;

/// <summary>
/// Names in the model that the database would refuse or change (<see cref="IDialect.Identifiers"/>), each reported
/// where the model writes it. Names the tool makes from shorthands are already cut to fit (<see cref="Names.Fit"/>).
/// </summary>
internal static class NameRules
{
    public static IEnumerable<string> Find(Schema model, IDialect dialect)
    {
        var rules = dialect.Identifiers;
        var at = ModelPositions.Of(model);
        foreach (var table in model.Tables)
        {
            var t = PrintableText.Escape(table.Name);
            if (rules.RelationProblem(table.Name) is { } problem) yield return $"{at.Table(table.Name)}table name '{t}' {problem}";
            foreach (var column in table.Columns)
                if (rules.Problem(column.Name, schemaObject: false) is { } bad)
                    yield return $"{at.Column(table.Name, column.Name)}column name '{t}.{PrintableText.Escape(column.Name)}' {bad}";
            foreach (var index in table.Indexes)
                if (rules.Problem(index.Name, schemaObject: !index.Constraint) is { } bad)
                    yield return $"{at.Object(table.Name, index.Name)}index name '{PrintableText.Escape(index.Name)}' of table '{t}' {bad}";
            foreach (var key in table.ForeignKeys)
                if (rules.Problem(key.Name, schemaObject: false) is { } bad)
                    yield return $"{at.Object(table.Name, key.Name)}foreign key name '{PrintableText.Escape(key.Name)}' of table '{t}' {bad}";
            foreach (var check in table.Checks)
                if (rules.Problem(check.Name, schemaObject: false) is { } bad)
                    yield return $"{at.Object(table.Name, check.Name)}check name '{PrintableText.Escape(check.Name)}' of table '{t}' {bad}";
            // An exclusion constraint's index takes its name, in the schema's namespace.
            foreach (var exclusion in table.Exclusions)
                if (rules.Problem(exclusion.Name, schemaObject: true) is { } bad)
                    yield return $"{at.Object(table.Name, exclusion.Name)}exclusion constraint name '{PrintableText.Escape(exclusion.Name)}' of table '{t}' {bad}";
            if (table.PrimaryKey?.Name is { } pk && rules.Problem(pk, schemaObject: false) is { } badKey)
                yield return $"{at.Table(table.Name)}primary key name '{PrintableText.Escape(pk)}' of table '{t}' {badKey}";
            // A partition is a table of its own, in the schema's namespace.
            foreach (var partition in Partitions(table.Partitioning?.Partitions ?? []))
                if (rules.RelationProblem(partition.Name) is { } bad)
                    yield return $"{at.Object(table.Name, partition.Name)}partition name '{PrintableText.Escape(partition.Name)}' of table '{t}' {bad}";
        }
        foreach (var problem in ObjectProblems(model, rules, at)) yield return problem;
    }

    /// <summary>
    /// The objects beyond tables: PostgreSQL would cut a long view, sequence or schema name as it cuts a table's,
    /// and the next plan would drop what it created and create it again; an enum value it refuses at apply.
    /// </summary>
    private static IEnumerable<string> ObjectProblems(Schema model, IdentifierRules rules, ModelPositions at)
    {
        foreach (var view in model.Views)
        {
            var kind = view.Materialized ? "materialized view" : "view";
            var where = at.Named(kind, view.Name);
            if (rules.RelationProblem(view.Name) is { } bad) yield return $"{where}{kind} name '{Show(view.Name)}' {bad}";
            foreach (var column in view.Columns)
                if (rules.Problem(column, schemaObject: false) is { } c) yield return $"{where}column name '{Show(column)}' of view '{Show(view.Name)}' {c}";
            foreach (var index in view.Indexes)
                if (rules.Problem(index.Name, schemaObject: true) is { } i) yield return $"{where}index name '{Show(index.Name)}' of view '{Show(view.Name)}' {i}";
        }
        foreach (var trigger in model.Triggers)
            if (rules.Problem(trigger.Name, schemaObject: false) is { } bad) yield return $"{at.Named("trigger", trigger.Name)}trigger name '{Show(trigger.Name)}' {bad}";
        foreach (var routine in model.Routines)
        {
            var kind = routine.Kind.ToString().ToLowerInvariant();
            if (rules.RelationProblem(routine.Name) is { } bad) yield return $"{at.Named(kind, routine.Name)}{kind} name '{Show(routine.Name)}' {bad}";
        }
        foreach (var type in model.Enums)
        {
            var where = at.Named("enum type", type.Name);
            if (rules.RelationProblem(type.Name) is { } bad) yield return $"{where}enum type name '{Show(type.Name)}' {bad}";
            foreach (var value in type.Values)
                if (rules.Problem(value, schemaObject: false) is { } v) yield return $"{where}value '{Show(value)}' of enum type '{Show(type.Name)}' {v}";
        }
        foreach (var domain in model.Domains)
        {
            var where = at.Named("domain", domain.Name);
            if (rules.RelationProblem(domain.Name) is { } bad) yield return $"{where}domain name '{Show(domain.Name)}' {bad}";
            foreach (var check in domain.Checks)
                if (rules.Problem(check.Name, schemaObject: false) is { } c) yield return $"{where}check name '{Show(check.Name)}' of domain '{Show(domain.Name)}' {c}";
        }
        foreach (var sequence in model.Sequences)
            if (rules.RelationProblem(sequence.Name) is { } bad) yield return $"{at.Named("sequence", sequence.Name)}sequence name '{Show(sequence.Name)}' {bad}";
        foreach (var schema in model.Namespaces)
            if (rules.Problem(schema.Name, schemaObject: false) is { } bad) yield return $"{at.Named("schema", schema.Name)}schema name '{Show(schema.Name)}' {bad}";
        foreach (var e in model.Events)
            if (rules.Problem(e.Name, schemaObject: false) is { } bad) yield return $"{at.Named("event", e.Name)}event name '{Show(e.Name)}' {bad}";
    }

    private static string Show(string name) => PrintableText.Escape(name);

    private static IEnumerable<Partition> Partitions(IEnumerable<Partition> partitions) =>
        partitions.SelectMany(p => Partitions(p.Partitioning?.Partitions ?? []).Prepend(p));
}
