using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlRewriter
{
    /// <summary>
    /// A new index that covers a kept foreign key, which only InnoDB's own index covered so far, makes InnoDB drop
    /// its own index silently. Left so, the down file would drop the new index while the key needs it (error 1553,
    /// "needed in a foreign key constraint"). So the new indexes and the drop of InnoDB's index are one ALTER TABLE,
    /// whose inverse drops the new indexes and puts InnoDB's back in the same statement.
    /// </summary>
    private void SwapImpliedIndexesForCoveringOnes(List<Operation> ops)
    {
        // Read once, not per table: a plan over a large schema has as many operations as tables.
        var createsByTable = ops.OfType<CreateIndex>().ToLookup(c => c.Table, StringComparer.Ordinal);
        var dropped = ops.Select(o => o switch
        {
            DropForeignKey d => (d.Table, d.Key.Name),
            DropIndex d => (d.Table, d.Index.Name),
            _ => default,
        }).Where(x => x.Table is not null).ToHashSet();
        foreach (var want in desired.Tables)
        {
            if (!createsByTable.Contains(want.Name)) continue;
            var currentName = CurrentName(want.Name);
            if (current.FindTable(currentName) is not { } have) continue;
            var drops = new List<Operation>();
            var creates = new List<CreateIndex>();
            // A column that the plan renames is renamed in InnoDB's index too.
            string Renamed(string column) =>
                want.Columns.FirstOrDefault(c => c.RenamedFrom == column && have.FindColumn(c.Name) is null)?.Name ?? column;
            foreach (var fk in have.ForeignKeys)
            {
                if (ForeignKeyIndexes.IsCovered(fk, have)
                    || want.ForeignKeys.FirstOrDefault(f => f.Name == fk.Name && f.Columns.SequenceEqual(fk.Columns.Select(Renamed))) is not { } kept
                    || dropped.Contains((currentName, fk.Name))) continue;
                var covering = createsByTable[want.Name]
                    .Where(c => ForeignKeyIndexes.IsCovered(kept, want with { PrimaryKey = null, Indexes = new[] { c.Index } })).ToList();
                if (covering.Count == 0) continue;
                drops.Add(new DropIndex(want.Name, ForeignKeyIndexes.For(kept)));
                creates.AddRange(covering.Where(c => !creates.Contains(c)));
            }
            if (drops.Count == 0) continue;
            ops.RemoveAll(o => o is CreateIndex c && creates.Contains(c));
            ops.Add(new CombinedAlterTable(want.Name, drops.Concat(creates).ToValueList()));
        }
    }
}
