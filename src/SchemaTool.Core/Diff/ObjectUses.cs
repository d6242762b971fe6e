using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>
/// What a table's operations use of the objects outside tables: the types of its columns, and the routines and
/// sequences its defaults, generated columns, checks and index expressions name. So types, routines and sequences
/// are created before the tables that use them and dropped after. The orderer adds these only when the plan acts on
/// such objects at all (found by name, see <see cref="ExpressionNames"/>).
/// </summary>
internal static class ObjectUses
{
    private static readonly IReadOnlyList<string> None = Dependencies.None;

    /// <summary>
    /// What the operation uses, and besides, any extension: an extension brings types, functions and operators that
    /// anything may use without naming the extension, so everything else is created after the extensions are and
    /// dropped before they are.
    /// </summary>
    public static (IReadOnlyList<string> Requires, IReadOnlyList<string> RequiresBefore) Of(Operation op)
    {
        var (requires, requiresBefore) = Uses(op);
        if (op is CreateExtension or DropExtension or AlterExtension or CreateNamespace or DropNamespace) return (requires, requiresBefore);
        return op.Phase > Phase.Rename
            ? ([.. requires, Dependencies.AnyExtension], requiresBefore)
            : (requires, [.. requiresBefore, Dependencies.AnyExtension]);
    }

    private static (IReadOnlyList<string> Requires, IReadOnlyList<string> RequiresBefore) Uses(Operation op) => op switch
    {
        CreateTable c => (OfTable(c.Table), None),
        DropTable d => (None, OfTable(d.Table)),
        RebuildTable r => (OfTable(r.To), OfTable(r.From)),
        AddColumn a => (OfColumn(a.Column).ToList(), None),
        DropColumn d => (None, OfColumn(d.Column).ToList()),
        AlterColumn a => (OfColumn(a.To).ToList(), OfColumn(a.From).ToList()),
        CreateIndex i => (OfIndex(i.Index).ToList(), None),
        DropIndex i => (None, OfIndex(i.Index).ToList()),
        AddCheck c => (Routines(c.Check.Expression).ToList(), None),
        DropCheck c => (None, Routines(c.Check.Expression).ToList()),
        AddExclusion e => (OfExclusion(e.Exclusion).ToList(), None),
        DropExclusion e => (None, OfExclusion(e.Exclusion).ToList()),
        _ => (None, None),
    };

    /// <summary>The name of a column's type without its arguments or array brackets: `mood[]` → mood, `varchar(10)` → varchar.</summary>
    public static string TypeName(string type)
    {
        var end = type.IndexOfAny(['(', '[']);
        return (end < 0 ? type : type[..end]).Trim();
    }

    private static List<string> OfTable(Table table) =>
    [
        .. table.Columns.SelectMany(OfColumn),
        .. table.Indexes.SelectMany(OfIndex),
        .. table.Checks.SelectMany(c => Routines(c.Expression)),
        .. table.Exclusions.SelectMany(OfExclusion),
    ];

    private static IEnumerable<string> OfColumn(Column column)
    {
        yield return Dependencies.Type(TypeName(column.Type));
        if (column.Default is { Kind: DefaultKind.Sql, Text: var sql })
        {
            foreach (var r in Routines(sql)) yield return r;
            foreach (var s in ExpressionNames.StringLiterals(sql)) yield return Sequence(s);
            foreach (var s in ExpressionNames.SequenceNames(sql)) yield return Sequence(s);
        }
        if (column.Generated is { } generated)
            foreach (var r in Routines(generated.Expression)) yield return r;
    }

    private static IEnumerable<string> OfIndex(TableIndex index) =>
        index.Parts.SelectMany(p => Routines(p.Expression)).Concat(Routines(index.Where));

    private static IEnumerable<string> OfExclusion(Exclusion exclusion) =>
        exclusion.Elements.SelectMany(e => Routines(e.Part.Expression)).Concat(Routines(exclusion.Where));

    private static IEnumerable<string> Routines(string? sql) => ExpressionNames.Functions(sql).Select(Routine);
}
