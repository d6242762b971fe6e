using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>Adjusts the differ's operations to what PostgreSQL keeps of them.</summary>
internal static class PostgresRewriter
{
    /// <summary>
    /// A model that names no sequence for a serial or identity column takes the one the column has: PostgreSQL does not
    /// rename a column's sequence with the table or the column, so the name differs from the default after a rename.
    /// Only a name the model gives is a change.
    /// </summary>
    public static IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations)
    {
        List<Operation>? result = null;
        for (var i = 0; i < operations.Count; i++)
        {
            var op = operations[i];
            if (op is AlterColumn { From.Numbering.Sequence: { } sequence } alter && alter.To.Numbering?.Sequence is null
                && (alter.To.AutoIncrement || PostgresTypes.SerialBase(alter.To.Type) is not null))
            {
                var kept = alter with { To = alter.To with { Numbering = (alter.To.Numbering ?? Numbering.Default) with { Sequence = sequence } } };
                result ??= operations.Take(i).ToList();
                if (kept.From != kept.To) result.Add(kept);
                continue;
            }
            result?.Add(op);
        }
        return result ?? operations;
    }
}
