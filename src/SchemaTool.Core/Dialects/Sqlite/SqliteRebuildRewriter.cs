using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// Replaces the operations that SQLite's ALTER TABLE cannot run with one rebuild per table, built from the
/// inspected table (with its triggers) and the desired one.
/// </summary>
internal static class SqliteRebuildRewriter
{
    public static IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired)
    {
        var renamedTo = operations.OfType<RenameTable>().ToDictionary(r => r.From, r => r.To, StringComparer.Ordinal);
        string NewName(string table) => renamedTo.GetValueOrDefault(table, table);

        var drops = operations.OfType<DropColumn>().GroupBy(d => d.Table).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rebuild = operations.Where(op => NeedsRebuild(op, current, drops)).Select(op => NewName(op.TableName)).ToHashSet(StringComparer.Ordinal);
        if (rebuild.Count == 0) return operations;

        var result = new List<Operation>();
        foreach (var op in operations)
        {
            var table = NewName(op.TableName);
            if (op is RenameTable || !rebuild.Contains(table)) result.Add(op);
        }
        foreach (var table in rebuild.Order(StringComparer.Ordinal))
        {
            var oldName = renamedTo.FirstOrDefault(r => r.Value == table).Key ?? table;
            var before = current.FindTable(oldName)!;
            var to = desired.FindTable(table)!;
            var columnRenames = operations.OfType<RenameColumn>().Where(r => r.Table == table).ToDictionary(r => r.To, r => r.From, StringComparer.Ordinal);
            var sources = to.Columns
                .Where(c => c.Generated is null)
                .Select(c => new ColumnSource(c.Name, columnRenames.GetValueOrDefault(c.Name, c.Name)))
                .Where(s => before.FindColumn(s.From) is { Generated: null })
                .ToValueList();
            var triggers = current.Unmanaged.Where(u => u.Kind == "trigger" && u.Table == oldName && u.Definition is not null)
                .Select(u => u.Definition!).ToValueList();
            var stripped = to with { RenamedFrom = null, Columns = to.Columns.Select(c => c.WithoutHints()).ToValueList() };
            result.Add(new RebuildTable(before with { Name = table }, stripped, sources, triggers));
        }
        return result;
    }

    private static bool NeedsRebuild(Operation op, Schema current, Dictionary<string, int> drops) => op switch
    {
        CreateTable or DropTable or RenameTable or RenameColumn => false,
        CreateIndex c => c.Index.Constraint,
        DropIndex d => d.Index.Constraint,
        AddColumn a => !CanAddInPlace(a.Column),
        DropColumn d => !CanDropInPlace(current.FindTable(d.Table), d.Column.Name, drops[d.Table]),
        _ => true,
    };

    // sqlite.org/lang_altertable.html#altertabaddcol: no PRIMARY KEY/UNIQUE, no non-constant default,
    // NOT NULL needs a non-null default, no STORED generated column.
    private static bool CanAddInPlace(Column column) =>
        !column.AutoIncrement
        && column.Generated is not { Stored: true }
        && (column.Nullable || column.Default is not null || column.Generated is not null)
        && column.Default is not { Kind: DefaultKind.Sql };

    // DROP COLUMN fails when the column is in a key, an index, a foreign key, a check or a generated column.
    // Drops run before adds, and SQLite refuses to drop a table's last column ("no other columns exist").
    private static bool CanDropInPlace(Table? table, string column, int dropped)
    {
        if (table is null || dropped >= table.Columns.Count) return false;
        if (table.PrimaryKey?.Columns.Contains(column) == true) return false;
        if (table.Indexes.Any(i => i.Constraint && i.ReferencedColumns.Contains(column))) return false;
        if (table.ForeignKeys.Any(f => f.Columns.Contains(column))) return false;
        if (table.Checks.Count > 0 || table.Columns.Any(c => c.Generated is not null)) return false;
        return true;
    }
}
