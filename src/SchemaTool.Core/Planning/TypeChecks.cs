using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Planning;

/// <summary>
/// The model's types against the database's (<see cref="ITypeCatalog"/>). Only a type the revision would write
/// is checked: a column the database already has with that type is left alone, so a schema that `inspect` read
/// (with a type from outside the list) still plans.
/// </summary>
internal static class TypeChecks
{
    /// <param name="current">The database's schema, normalized.</param>
    /// <param name="desired">The model, normalized.</param>
    public static IEnumerable<string> Find(Schema model, Schema current, Schema desired, IDialect dialect, ITypeCatalog catalog)
    {
        // The types an extension brings are not known before it is created, nor those the model declares.
        if (model.Extensions.Any(e => !current.Extensions.Any(c => c.Name == e.Name))) yield break;
        var declared = model.Enums.Select(e => e.Name).Concat(model.Domains.Select(d => d.Name)).Concat(model.Composites.Select(c => c.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var at = ModelPositions.Of(model);
        var tables = current.Tables.GroupBy(t => t.Name, dialect.TableNameComparer)
            .ToDictionary(g => g.Key, g => g.First(), dialect.TableNameComparer);
        foreach (var table in model.Tables)
        {
            var wanted = desired.FindTable(table.Name);
            var existing = tables.GetValueOrDefault(table.RenamedFrom ?? table.Name) ?? tables.GetValueOrDefault(table.Name);
            foreach (var column in table.Columns)
            {
                var have = existing?.Columns.FirstOrDefault(c => dialect.ColumnNameComparer.Equals(c.Name, column.RenamedFrom ?? column.Name));
                var want = wanted?.FindColumn(column.Name);
                if (have is not null && want is not null && have.Type == want.Type && have.AutoIncrement == want.AutoIncrement) continue;
                if (declared.Contains(Diff.ObjectUses.TypeName(column.Type))) continue;
                if (catalog.Problem(column) is { } problem)
                    yield return $"{at.Column(table.Name, column.Name)}column '{PrintableText.Escape(table.Name)}.{PrintableText.Escape(column.Name)}': {problem}";
            }
        }
    }
}
