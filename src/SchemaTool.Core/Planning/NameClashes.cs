using SchemaTool.Dialects;
using SchemaTool.Model;

namespace SchemaTool.Planning;

/// <summary>
/// Names in the model that the database cannot tell apart: SQLite ignores the case of table and column names,
/// MySQL that of column names. Exact repeats are refused earlier, when the model is loaded.
/// </summary>
internal static class NameClashes
{
    public static IEnumerable<string> Find(Schema model, IDialect dialect)
    {
        if (!ReferenceEquals(dialect.TableNameComparer, StringComparer.Ordinal))
            foreach (var same in Clashes(model.Tables.Select(t => t.Name), dialect.TableNameComparer))
                yield return $"tables {Join(same)} are one table to {dialect.Name}, which ignores the case of table names: rename one";
        if (ReferenceEquals(dialect.ColumnNameComparer, StringComparer.Ordinal)) yield break;
        foreach (var table in model.Tables)
            foreach (var same in Clashes(table.Columns.Select(c => c.Name), dialect.ColumnNameComparer))
                yield return $"table '{table.Name}': columns {Join(same)} are one column to {dialect.Name}, which ignores the case of column names: rename one";
    }

    private static IEnumerable<IGrouping<string, string>> Clashes(IEnumerable<string> names, IEqualityComparer<string> comparer) =>
        names.GroupBy(n => n, comparer).Where(g => g.Count() > 1);

    private static string Join(IEnumerable<string> names) => string.Join(" and ", names.Select(n => $"'{n}'"));
}
