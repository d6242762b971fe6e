using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>
/// The parts of a table that a plan leaves as they are but whose use it changes: column defaults, checks, indexes
/// (their expressions and predicates) and exclusion constraints that call a routine the plan drops (to create it
/// again: a new signature), or that name a column whose type is made anew (<see cref="Dependencies.ColumnType"/>).
/// The database refuses to drop a routine they call, and cannot read them again against the new type. Each is
/// dropped before the change and made again after, as the database has it (a default is dropped and set again);
/// the down file, the inverse, does the same. The routines they call order them (<see cref="ObjectUses"/>).
/// A generated column cannot be made again without dropping it and its data: refused.
/// </summary>
internal static class TableDependents
{
    public static void Recreate(List<Operation> ops, IReadOnlySet<string> removed, Schema current, Schema desired)
    {
        if (!removed.Any(r => r.StartsWith("f:", StringComparison.Ordinal) || r.StartsWith("ct:", StringComparison.Ordinal))) return;
        // A table renamed, or with a column renamed, is left to fail at apply as before: its parts would need their new names.
        var wholeTables = ops.Where(o => o is CreateTable or DropTable or RebuildTable or RenameTable or RenameColumn).Select(o => o.TableName)
            .Concat(ops.OfType<RenameTable>().Select(r => r.From)).ToHashSet(StringComparer.Ordinal);
        foreach (var have in current.Tables)
        {
            if (wholeTables.Contains(have.Name) || desired.FindTable(have.Name) is not { } want) continue;
            bool Reads(string? sql) =>
                ExpressionNames.Functions(sql).Any(f => removed.Contains(Routine(f)))
                || ExpressionNames.Identifiers(sql).Any(c => removed.Contains(ColumnType(have.Name, c)));
            bool Acted(string name, Func<Operation, bool> kind) => ops.Any(o => kind(o) && o.TableName == have.Name && o.ObjectName == name);

            foreach (var column in have.Columns)
            {
                if (want.FindColumn(column.Name) is null || Acted(column.Name, o => o is DropColumn)) continue;
                if (column.Generated is { } generated && Reads(generated.Expression))
                    throw new InputException(
                        $"column {have.Name}.{column.Name}: its generated expression ({generated.Expression}) uses {What(generated.Expression, removed, have.Name)}; " +
                        "a generated column cannot be made again around that without dropping it and its data. " +
                        "Change the column in one plan and the rest in another, or keep what it uses as it is");
                if (column.Default is { Kind: DefaultKind.Sql } value && ExpressionNames.Functions(value.Text).Any(f => removed.Contains(Routine(f))))
                    ResetDefault(ops, have.Name, column, Reads);
            }
            foreach (var check in have.Checks)
                if (want.Checks.Any(c => c.Name == check.Name) && !Acted(check.Name, o => o is DropCheck or AddCheck) && Reads(check.Expression))
                    ops.AddRange([new DropCheck(have.Name, check), new AddCheck(have.Name, check)]);
            foreach (var index in have.Indexes)
                if (want.Indexes.Any(i => i.Name == index.Name) && !Acted(index.Name, _ => true)
                    && (index.Parts.Any(p => Reads(p.Expression)) || Reads(index.Where)))
                    ops.AddRange([new DropIndex(have.Name, index), new CreateIndex(have.Name, index)]);
            foreach (var exclusion in have.Exclusions)
                if (want.Exclusions.Any(e => e.Name == exclusion.Name) && !Acted(exclusion.Name, _ => true)
                    && (exclusion.Elements.Any(e => Reads(e.Part.Expression)) || Reads(exclusion.Where)))
                    ops.AddRange([new DropExclusion(have.Name, exclusion), new AddExclusion(have.Name, exclusion)]);
        }
    }

    /// <summary>
    /// The default is dropped before the routine goes and set after it is back: by the column's own change, split in
    /// two where it sets a default that calls the routine too (one change cannot run both before and after).
    /// </summary>
    private static void ResetDefault(List<Operation> ops, string table, Column column, Func<string?, bool> reads)
    {
        var bare = column with { Default = null };
        var at = ops.FindIndex(o => o is AlterColumn a && a.TableName == table && a.From.Name == column.Name);
        if (at < 0)
        {
            ops.AddRange([new AlterColumn(table, column, bare), new AlterColumn(table, bare, column)]);
            return;
        }
        var alter = (AlterColumn)ops[at];
        if (alter.To.Default is not { Kind: DefaultKind.Sql } to || !reads(to.Text)) return;
        var cleared = alter.From with { Default = null };
        ops[at] = new AlterColumn(table, alter.From, cleared);
        ops.Insert(at + 1, new AlterColumn(table, cleared, alter.To));
    }

    private static string What(string sql, IReadOnlySet<string> removed, string table)
    {
        var routines = ExpressionNames.Functions(sql).Where(f => removed.Contains(Routine(f))).Distinct().Select(f => $"function {f}, which the plan drops and creates again");
        var columns = ExpressionNames.Identifiers(sql).Where(c => removed.Contains(ColumnType(table, c))).Distinct().Select(c => $"column {c}, whose type the plan makes anew");
        return string.Join(" and ", routines.Concat(columns));
    }
}
