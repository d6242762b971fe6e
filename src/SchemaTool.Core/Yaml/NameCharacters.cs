namespace SchemaTool.Yaml;

/// <summary>
/// Names that no database should be given: empty ones, and ones holding a control character (a line break,
/// NUL, ESC...), a Unicode line separator, a bidirectional control or half of a surrogate pair. A line break in a
/// name would also end the SQL comment that names the operation in a revision file. Checked as the model loads,
/// so that each is reported where it is written.
/// </summary>
internal static class NameCharacters
{
    public static void Check(List<TableDraft> tables, List<string> errors)
    {
        foreach (var table in tables)
        {
            Check(table.Name, "table name", table.Where, errors);
            if (table.RenamedFrom is { } oldTable) Check(oldTable, $"renamed_from of table '{Show(table.Name)}'", table.Where, errors);
            foreach (var column in table.Columns)
            {
                Check(column.Name, "column name", column.Where, errors);
                if (column.RenamedFrom is { } oldColumn) Check(oldColumn, $"renamed_from of column '{Show(column.Name)}'", column.Where, errors);
            }
            foreach (var (index, where) in table.Indexes) Check(index.Name, "index name", where, errors);
            foreach (var (key, where) in table.ForeignKeys) Check(key.Name, "foreign key name", where, errors);
            foreach (var (check, where) in table.Checks) Check(check.Name, "check name", where, errors);
            foreach (var (exclusion, where) in table.Exclusions) Check(exclusion.Name, "exclusion constraint name", where, errors);
            foreach (var partition in Partitions(table.Partitions)) Check(partition.Name, "partition name", table.PartitionsWhere ?? table.Where, errors);
        }
    }

    /// <summary>The names of views, triggers, routines, types, sequences, schemas and events, and of what a view or domain holds.</summary>
    public static void Check(Objects.ObjectDrafts objects, List<string> errors)
    {
        foreach (var (kind, name, where) in objects.Named()) Check(name, $"{kind} name", where, errors);
        foreach (var (view, where) in objects.Views)
        {
            foreach (var column in view.Columns) Check(column, $"column name of view '{Show(view.Name)}'", where, errors);
            foreach (var index in view.Indexes) Check(index.Name, $"index name of view '{Show(view.Name)}'", where, errors);
        }
        foreach (var (domain, where) in objects.Domains)
            foreach (var check in domain.Checks) Check(check.Name, $"check name of domain '{Show(domain.Name)}'", where, errors);
    }

    private static IEnumerable<Model.Partition> Partitions(IEnumerable<Model.Partition> partitions) =>
        partitions.SelectMany(p => Partitions(p.Partitioning?.Partitions ?? []).Prepend(p));

    private static void Check(string name, string what, string where, List<string> errors)
    {
        if (name.Length == 0)
        {
            errors.Add($"{where}: {what} is empty; give it a name");
            return;
        }
        var at = PrintableText.FirstSuspect(name);
        if (at < 0) return;
        errors.Add($"{where}: {what} '{Show(name)}' holds {PrintableText.Describe(name[at])} at character {at + 1}; " +
                   "names cannot hold control characters: rename it");
    }

    private static string Show(string name) => PrintableText.Escape(name);
}
