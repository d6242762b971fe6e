using SchemaTool.Apply;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// The tables MariaDB's InnoDB does not change the way the general rules expect, each checked against a 10.11 server
/// (a statement naming more than the server allows fails, and MariaDB's DDL is not transactional: apply or rollback
/// would stop half-way):
/// <list type="bullet">
/// <item>A virtual generated column whose place a change shifts (a column added, dropped or moved before it, or a
/// virtual column added before it): InnoDB does that only on a copy, with the one exception of dropping stored
/// columns from a table that takes instant column changes ("INPLACE ADD or DROP of virtual columns cannot be
/// combined with other ALTER TABLE actions").</item>
/// <item>An index on a virtual column: no instant column change, a rebuild only with writes waiting ("online rebuild
/// with indexed virtual columns"), and NOT NULL only by copy.</item>
/// <item>A SPATIAL index: a rebuild only with writes waiting ("Do not support online operation on table with GIS
/// index").</item>
/// <item>ROW_FORMAT=COMPRESSED (or a KEY_BLOCK_SIZE): no instant column change; rebuilt in place, writes going on.</item>
/// </list>
/// </summary>
internal static partial class MySqlAlterations
{
    private static Alteration WithInnoDbLimits(Operation operation, Table? now, Alteration alteration, MySqlServer server)
    {
        if (!server.MariaDb || now is null || alteration.Algorithm == Algorithm.Copy) return alteration;
        var indexedVirtual = now.Indexes.SelectMany(i => i.ReferencedColumns).FirstOrDefault(c => IsVirtual(now.FindColumn(c)));
        if (ShiftedVirtualColumn(operation, now) is { } shifted
            && !(operation is Diff.DropColumn or DropColumnAt && TakesInstantColumnChanges(now, indexedVirtual)))
            return new(Algorithm.Copy, TableWork.Rewrite,
                $"{operation.Describe()} changes the place of the virtual column {shifted} in {now.Name}, which InnoDB does only on a copy of the table");
        if (ChangesStoredLayout(operation))
        {
            if (indexedVirtual is not null)
                return Alteration.Max(alteration, new(Algorithm.InplaceShared, TableWork.Rewrite,
                    $"{now.Name} has an indexed virtual column ({indexedVirtual}): InnoDB rebuilds it for {operation.Describe()}, with writes waiting"));
            if (IsCompressed(now)) alteration = Alteration.Max(alteration, Alteration.OnlineRebuild);
        }
        if (operation is AlterColumn { NullabilityChanged: true, To.Nullable: false } notNull && indexedVirtual is not null)
            return new(Algorithm.Copy, TableWork.Rewrite,
                $"{now.Name} has an indexed virtual column ({indexedVirtual}): InnoDB makes {notNull.To.Name} NOT NULL only on a copy of the table");
        if (alteration is { Algorithm: Algorithm.Inplace, Work: TableWork.Rewrite })
        {
            if (indexedVirtual is not null)
                return new(Algorithm.InplaceShared, TableWork.Rewrite,
                    $"{now.Name} has an indexed virtual column ({indexedVirtual}): InnoDB rebuilds it for {operation.Describe()}, with writes waiting");
            if (now.Indexes.FirstOrDefault(i => i.Method == "spatial") is { } spatial)
                return new(Algorithm.InplaceShared, TableWork.Rewrite,
                    $"{now.Name} has a SPATIAL index ({spatial.Name}): InnoDB rebuilds it for {operation.Describe()}, with writes waiting");
        }
        return alteration;
    }

    private static bool IsVirtual(Column? column) => column?.Generated is { Stored: false };

    /// <summary>Adds, drops or moves a column stored in the rows (not a virtual one).</summary>
    private static bool ChangesStoredLayout(Operation operation) => operation switch
    {
        Diff.AddColumn op => !IsVirtual(op.Column),
        AddColumnAt op => !IsVirtual(op.Column),
        Diff.DropColumn op => !IsVirtual(op.Column),
        DropColumnAt op => !IsVirtual(op.Column),
        MoveColumn op => !IsVirtual(op.Column),
        _ => false,
    };

    /// <summary>Whether InnoDB adds, drops and moves the table's columns instantly (when no virtual column is in the way).</summary>
    private static bool TakesInstantColumnChanges(Table table, string? indexedVirtual) =>
        indexedVirtual is null && !IsCompressed(table) && !table.Indexes.Any(i => i.Method == "fulltext");

    private static bool IsCompressed(Table table) =>
        string.Equals(table.Options?.RowFormat, "COMPRESSED", StringComparison.OrdinalIgnoreCase) || table.Options?.KeyBlockSize is > 0;

    /// <summary>The first virtual column of <paramref name="table"/> whose place among all its columns the change alters.</summary>
    private static string? ShiftedVirtualColumn(Operation operation, Table table)
    {
        var names = table.Columns.Select(c => c.Name).ToList();
        var after = new List<string>(names);
        switch (operation)
        {
            case AddColumnAt op:
                after.Insert(op.After is null ? 0 : after.IndexOf(op.After) + 1, op.Column.Name);
                // A new virtual column must come after every existing one.
                if (IsVirtual(op.Column) && after.Skip(after.IndexOf(op.Column.Name) + 1).FirstOrDefault(c => IsVirtual(table.FindColumn(c))) is { } later)
                    return later;
                break;
            // Dropping a virtual column keeps the others in order, which InnoDB does in place.
            case DropColumnAt op when !IsVirtual(op.Column):
                after.Remove(op.Column.Name);
                break;
            case Diff.DropColumn op when !IsVirtual(op.Column):
                after.Remove(op.Column.Name);
                break;
            case MoveColumn op:
                if (IsVirtual(op.Column)) return op.Column.Name;
                after.Remove(op.Column.Name);
                after.Insert(op.After is null ? 0 : after.IndexOf(op.After) + 1, op.Column.Name);
                break;
            default:
                return null;
        }
        return names.FirstOrDefault(c => IsVirtual(table.FindColumn(c)) && after.Contains(c) && after.IndexOf(c) != names.IndexOf(c));
    }
}
