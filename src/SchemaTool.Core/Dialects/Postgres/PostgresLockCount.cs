using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// How many relations a revision's transaction locks on PostgreSQL: every table it creates, alters or drops, with the
/// indexes, sequences and TOAST table (and its index) that come with it. A lock is held until the transaction ends, and
/// the server's shared lock table holds max_locks_per_transaction × (max_connections + max_prepared_transactions) of
/// them; a revision that needs more fails with 53200 "out of shared memory" part way. An estimate: the catalog locks
/// every statement also takes are few and the same for any revision.
/// </summary>
internal static class PostgresLockCount
{
    /// <summary>The relations <paramref name="operations"/> lock, per table they act on.</summary>
    public static IReadOnlyDictionary<string, int> PerTable(IReadOnlyList<Operation> operations, Schema current)
    {
        var relations = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Lock(string table, params IEnumerable<string> names)
        {
            if (!relations.TryGetValue(table, out var set)) relations[table] = set = new HashSet<string>(StringComparer.Ordinal) { table };
            foreach (var name in names) set.Add(table + "\0" + name);
        }
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTable create: Lock(create.Table.Name, Dependents(create.Table)); break;
                case DropTable drop: Lock(drop.Table.Name, Dependents(drop.Table)); break;
                case CreateIndex index: Lock(index.Table, index.Index.Name); break;
                case DropIndex index: Lock(index.Table, index.Index.Name); break;
                case AddPrimaryKey key: Lock(key.Table, "pkey"); break;
                case AddForeignKey key:
                    Lock(key.Table);
                    Lock(key.Key.ReferencedTable);
                    break;
                case AlterColumn alter when current.FindTable(alter.Table) is { } table:
                    // A type change rewrites the table and rebuilds its indexes.
                    Lock(alter.Table, alter.From.Type == alter.To.Type ? Enumerable.Empty<string>() : Dependents(table));
                    break;
                case RenameTable rename: Lock(rename.From); break;
                default: Lock(operation.TableName); break;
            }
        }
        return relations.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
    }

    /// <summary>A table's own relations besides itself: key and indexes, identity sequences, TOAST table and index.</summary>
    private static IEnumerable<string> Dependents(Table table)
    {
        if (table.PrimaryKey is not null) yield return "pkey";
        foreach (var index in table.Indexes) yield return index.Name;
        foreach (var column in table.Columns.Where(c => c.AutoIncrement)) yield return column.Name + "_seq";
        if (table.Columns.Any(c => !FixedLength(c.Type)))
        {
            yield return "toast";
            yield return "toast_index";
        }
    }

    private static readonly HashSet<string> FixedLengthTypes = new(StringComparer.Ordinal)
    {
        "smallint", "integer", "bigint", "serial", "bigserial", "smallserial", "boolean", "real", "double precision", "date",
        "uuid", "money", "oid", "interval",
    };

    /// <summary>Types that never need a TOAST table; anything else (text, varchar, numeric, json, arrays...) may.</summary>
    private static bool FixedLength(string type)
    {
        var canonical = PostgresTypes.Canonical(type);
        return FixedLengthTypes.Contains(canonical) || canonical.StartsWith("timestamp", StringComparison.Ordinal) ||
               canonical.StartsWith("time", StringComparison.Ordinal) && !canonical.EndsWith("[]", StringComparison.Ordinal);
    }
}
