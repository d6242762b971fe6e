using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>What PostgreSQL does by itself when a sequence or type is renamed, taken out of the plan.</summary>
internal static class PostgresTypeRewriter
{
    /// <summary>
    /// A default reads its sequence by OID (<c>nextval('s'::regclass)</c>): renaming the sequence renames it in the
    /// default, so a default whose only change is that new name is not altered (it could not be: the column would
    /// need the new name before the rename and the old one after).
    /// </summary>
    public static IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations) =>
        RenamedSequenceDefaults(operations.Where(op => op is not AlterExtension { To.Version: null }).ToList());

    // An extension's version is the model's only where it says one: without, the extension is kept at whatever
    // version the database has (CREATE EXTENSION takes the default one).
    private static IReadOnlyList<Operation> RenamedSequenceDefaults(IReadOnlyList<Operation> operations)
    {
        var renames = operations.OfType<RenameSequence>().ToList();
        if (renames.Count == 0) return operations;
        var result = new List<Operation>(operations.Count);
        foreach (var op in operations)
        {
            if (op is AlterColumn { From.Default: { Kind: DefaultKind.Sql } from, To.Default: { Kind: DefaultKind.Sql } to } alter
                && Renamed(from.Text, renames) == to.Text)
            {
                var kept = alter with { From = alter.From with { Default = to } };
                if (kept.From != kept.To) result.Add(kept);
                continue;
            }
            result.Add(op);
        }
        return result;
    }

    private static string Renamed(string sql, List<RenameSequence> renames) =>
        renames.Aggregate(sql, (text, r) => text.Replace(Regclass(r.From), Regclass(r.To), StringComparison.Ordinal));

    private static string Regclass(string sequence) => SqlLiterals.String(sequence) + "::regclass";
}
