using SchemaTool.Model;

namespace SchemaTool.Yaml;

/// <summary>Checks what a single file cannot: references between tables, duplicate names, keys on missing columns.</summary>
internal static class ModelValidator
{
    public static void Validate(List<TableDraft> tables, List<string> errors)
    {
        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var uniqueKeys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var partitionNames = new HashSet<string>(StringComparer.Ordinal);

        foreach (var table in tables)
        {
            var columns = new HashSet<string>(table.Columns.Count, StringComparer.Ordinal);
            foreach (var column in table.Columns) columns.Add(column.Name);
            if (columns.Count < table.Columns.Count)
                foreach (var group in table.Columns.GroupBy(c => c.Name).Where(g => g.Count() > 1))
                    errors.Add($"{group.Last().Where}: column '{table.Name}.{group.Key}' is declared twice");

            if (table.TableKey is not null && table.Columns.Any(c => c.PrimaryKey))
                errors.Add($"{table.TableKeyWhere}: table '{table.Name}' has both a table-level primary_key and primary_key on a column; keep one");
            foreach (var column in table.TableKey ?? [])
                if (!columns.Contains(column))
                    errors.Add($"{table.TableKeyWhere}: primary_key of '{table.Name}' names column '{column}', which the table does not have");

            foreach (var column in table.Columns.Where(c => c.References is not null))
            {
                if (column.ReferenceParts is not { } target)
                    errors.Add($"{column.ReferencesWhere}: references of '{table.Name}.{column.Name}' must be written table.column, not '{column.References}'");
                else
                    CheckTarget(byName, uniqueKeys, target.Table, [target.Column], column.ReferencesWhere!, $"'{table.Name}.{column.Name}'", errors);
            }

            foreach (var (fk, where) in table.ForeignKeys)
            {
                foreach (var c in fk.Columns.Where(c => !columns.Contains(c)))
                    errors.Add($"{where}: foreign key '{fk.Name}' of '{table.Name}' uses column '{c}', which the table does not have");
                if (fk.ReferencedTable.Length > 0)
                    CheckTarget(byName, uniqueKeys, fk.ReferencedTable, fk.ReferencedColumns, where, $"foreign key '{fk.Name}'", errors);
            }

            foreach (var partition in AllPartitions(table.PartitionBy is null ? [] : table.Partitions))
                if (byName.ContainsKey(partition.Name) || !partitionNames.Add(partition.Name))
                    errors.Add($"{table.PartitionsWhere}: partition '{partition.Name}' of '{table.Name}' has the name of a table or of another partition");

            foreach (var (index, where) in table.Indexes)
                foreach (var c in index.ReferencedColumns.Where(c => !columns.Contains(c)))
                    errors.Add($"{where}: index '{index.Name}' of '{table.Name}' uses column '{c}', which the table does not have");

            foreach (var (exclusion, where) in table.Exclusions)
                foreach (var c in exclusion.ReferencedColumns.Where(c => !columns.Contains(c)).Distinct())
                    errors.Add($"{where}: exclusion constraint '{exclusion.Name}' of '{table.Name}' uses column '{c}', which the table does not have");

            // Within one table on every database; whether two tables may share an index name is the dialect's (NameClashes).
            var indexNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (index, where) in table.PlacedIndexes())
            {
                if (!indexNames.TryAdd(index.Name, where))
                    errors.Add($"{where}: index name '{index.Name}' is used twice in '{table.Name}' (also at {indexNames[index.Name]})");
            }
            // An exclusion constraint's index takes the constraint's name.
            foreach (var (exclusion, where) in table.Exclusions)
                if (!indexNames.TryAdd(exclusion.Name, where))
                    errors.Add($"{where}: exclusion constraint '{exclusion.Name}' of '{table.Name}' has the name of an index of the table (at {indexNames[exclusion.Name]}); its index would take that name: rename one");
            if (table.ForeignKeys.Count + table.Columns.Count(c => c.References is not null) > 1) // else no two keys can clash
                foreach (var group in table.AllForeignKeys().GroupBy(f => f.Name).Where(g => g.Count() > 1))
                    errors.Add($"{table.Where}: foreign key name '{group.Key}' is used twice in '{table.Name}'");

        }
    }

    private static IEnumerable<Partition> AllPartitions(IEnumerable<Partition> partitions) =>
        partitions.SelectMany(p => p.Partitioning is { } sub ? AllPartitions(sub.Partitions).Prepend(p) : [p]);

    private static void CheckTarget(Dictionary<string, TableDraft> tables, Dictionary<string, HashSet<string>> uniqueKeys,
        string table, IReadOnlyList<string> columns, string where, string what, List<string> errors)
    {
        if (!tables.TryGetValue(table, out var target))
        {
            errors.Add($"{where}: {what} references table '{table}', which the model does not declare");
            return;
        }
        var missing = false;
        foreach (var c in columns)
        {
            if (target.Columns.Exists(tc => tc.Name == c)) continue;
            errors.Add($"{where}: {what} references column '{table}.{c}', which does not exist");
            missing = true;
        }
        if (missing) return;

        // Worked out once per referenced table: a table referenced by thousands of foreign keys is not re-read each time.
        if (!uniqueKeys.TryGetValue(table, out var keys))
            uniqueKeys[table] = keys = UniqueKeys(target);
        if (!keys.Contains(Key(columns)))
            errors.Add($"{where}: {what} references {table}({string.Join(", ", columns)}), which is not a primary key or unique; make it unique");
    }

    /// <summary>The column sets a foreign key may reference: the primary key and each unique index without WHERE.</summary>
    private static HashSet<string> UniqueKeys(TableDraft table)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (table.PrimaryKeyColumns is { } pk) keys.Add(Key(pk));
        foreach (var index in table.AllIndexes())
            if (index.Unique && index.Where is null && index.ColumnNames is { } names) keys.Add(Key(names));
        return keys;
    }

    /// <summary>A column set in one comparable form, whatever the order of its columns.</summary>
    private static string Key(IEnumerable<string> columns) => string.Join('\0', columns.Order(StringComparer.Ordinal));
}
