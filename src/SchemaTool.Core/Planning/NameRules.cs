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
        }
    }
}
