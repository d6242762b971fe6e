namespace SchemaTool.Model;

/// <summary>
/// The model's keys that only PostgreSQL can build: a dialect that cannot refuses each use with the message
/// this gives, naming the object and the key.
/// </summary>
public static class PostgresOnlyFeatures
{
    public static IEnumerable<string> Uses(Schema model, string database)
    {
        foreach (var view in model.Views.Where(v => v.With is not null))
            yield return $"view '{view.Name}': {database} has no view options (PostgreSQL's `with:`); remove `with:`";
        foreach (var table in model.Tables)
        {
            var t = $"table '{table.Name}'";
            if (table.Partitioning is not null)
                yield return $"{t}: {database} cannot build `partition_by:`/`partitions:` from the model (PostgreSQL only); remove them";
            if (table.PrimaryKey is { Deferrable: not Deferrability.NotDeferrable })
                yield return $"primary key of {t}: {database} cannot defer a primary key (PostgreSQL only); remove `deferrable:`";
            if (table.ClusterOn is not null)
                yield return $"{t}: {database} does not cluster a table on an index (PostgreSQL's `cluster_on:`); remove `cluster_on:`";
            if (table.Options is { With: not null })
                yield return $"{t}: {database} has no storage parameters (PostgreSQL's `with:`); remove `with:`";
            foreach (var exclusion in table.Exclusions)
                yield return $"exclusion constraint '{exclusion.Name}' of {t}: {database} has no exclusion constraints (PostgreSQL only); remove it from `exclusions:`";
            foreach (var check in table.Checks.Where(c => c.NoInherit))
                yield return $"check '{check.Name}' of {t}: {database} has no NO INHERIT (PostgreSQL only); remove `no_inherit:`";
            foreach (var check in table.Checks.Where(c => c.NotValid))
                yield return $"check '{check.Name}' of {t}: {database} has no NOT VALID constraint (PostgreSQL only); remove `not_valid:`";
            foreach (var key in table.ForeignKeys.Where(f => f.NotValid))
                yield return $"foreign key '{key.Name}' of {t}: {database} has no NOT VALID constraint (PostgreSQL only); remove `not_valid:`";
            foreach (var column in table.Columns.Where(c => c.Numbering is not null))
                yield return $"column '{table.Name}.{column.Name}': {database} takes `auto_increment: true` only, not its options (PostgreSQL sequences); write `auto_increment: true`";
            foreach (var index in table.Indexes)
            {
                var i = $"index '{index.Name}' of {t}";
                if (index.Include.Count > 0)
                    yield return $"{i}: {database} has no INCLUDE columns (PostgreSQL only); remove `include:` or make them key columns";
                if (index.NullsNotDistinct)
                    yield return $"{i}: {database} has no NULLS NOT DISTINCT (PostgreSQL 15+); remove `nulls_not_distinct:`";
                if (index.Deferrable != Deferrability.NotDeferrable)
                    yield return $"{i}: {database} cannot defer a unique constraint (PostgreSQL only); remove `deferrable:`";
                if (index.With is not null)
                    yield return $"{i}: {database} has no index storage parameters (PostgreSQL's `with:`); remove `with:`";
                if (index.Parts.Any(p => p.Nulls is not null))
                    yield return $"{i}: {database} cannot place NULLs in an index (PostgreSQL only); remove `nulls:`";
            }
        }
    }
}
