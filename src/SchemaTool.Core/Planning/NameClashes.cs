using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Planning;

/// <summary>
/// Names in the model that the database cannot tell apart: SQLite ignores the case of table and column names,
/// MySQL that of column and index names; PostgreSQL and SQLite keep the indexes of all tables in one namespace
/// with the tables, MySQL each table's apart. Exact repeats within one table are refused earlier, when the model
/// is loaded. Each message starts with the place in the model files.
/// </summary>
internal static class NameClashes
{
    public static IEnumerable<string> Find(Schema model, IDialect dialect)
    {
        var places = ModelPositions.Of(model);
        if (!ReferenceEquals(dialect.TableNameComparer, StringComparer.Ordinal))
            foreach (var same in Clashes(model.Tables.Select(t => t.Name), dialect.TableNameComparer))
                yield return places.Table(same.Last()) +
                    $"tables {Join(same)} are one table to {dialect.Name}, which ignores the case of table names: rename one";
        if (!ReferenceEquals(dialect.ColumnNameComparer, StringComparer.Ordinal))
            foreach (var table in model.Tables)
                foreach (var same in Clashes(table.Columns.Select(c => c.Name), dialect.ColumnNameComparer))
                    yield return places.Column(table.Name, same.Last()) +
                        $"table '{table.Name}': columns {Join(same)} are one column to {dialect.Name}, which ignores the case of column names: rename one";
        foreach (var problem in dialect.IndexNamesPerTable ? IndexClashesPerTable(model, dialect, places) : IndexClashesInSchema(model, dialect, places))
            yield return problem;
    }

    private static IEnumerable<string> IndexClashesPerTable(Schema model, IDialect dialect, ModelPositions places)
    {
        if (ReferenceEquals(dialect.IndexNameComparer, StringComparer.Ordinal)) yield break; // exact repeats: the loader's
        foreach (var table in model.Tables)
            foreach (var same in Clashes(table.Indexes.Select(i => i.Name), dialect.IndexNameComparer))
                yield return places.Object(table.Name, same.Last()) +
                    $"table '{table.Name}': indexes {Join(same)} are one index to {dialect.Name}, which ignores the case of index names: rename one";
    }

    private static IEnumerable<string> IndexClashesInSchema(Schema model, IDialect dialect, ModelPositions places)
    {
        var seen = new Dictionary<string, (string Table, string Index)>(dialect.IndexNameComparer);
        foreach (var table in model.Tables)
            seen.TryAdd(table.Name, (table.Name, ""));
        foreach (var table in model.Tables)
            // An exclusion constraint's index takes its name.
            foreach (var index in table.Indexes.Select(i => i.Name).Concat(table.Exclusions.Select(e => e.Name)))
            {
                if (seen.TryAdd(index, (table.Name, index))) continue;
                var other = seen[index];
                var place = places.Object(table.Name, index);
                if (other.Index.Length == 0)
                    yield return place +
                        $"index '{index}' of '{table.Name}' has the name of table '{other.Table}'; {dialect.Name} keeps indexes and tables in one namespace: rename the index";
                else if (other.Table != table.Name || other.Index != index)
                    yield return place +
                        $"index name '{index}' is used twice (also {Also(places.Object(other.Table, other.Index), other.Table, other.Index)}); " +
                        $"{dialect.Name} keeps index names in one namespace for the whole schema: rename one";
            }
    }

    // A place comes as "file:line:column: ", or "" for a model not read from files.
    private static string Also(string place, string table, string index) =>
        place.Length == 0 ? $"'{index}' of '{table}'" : $"at {place.TrimEnd(' ', ':')}";

    private static IEnumerable<IGrouping<string, string>> Clashes(IEnumerable<string> names, IEqualityComparer<string> comparer) =>
        names.GroupBy(n => n, comparer).Where(g => g.Count() > 1);

    private static string Join(IEnumerable<string> names) => string.Join(" and ", names.Select(n => $"'{n}'"));
}
