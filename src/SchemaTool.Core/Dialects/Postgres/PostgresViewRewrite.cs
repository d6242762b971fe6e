using SchemaTool.Diff;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// CREATE OR REPLACE VIEW keeps a view's output columns: PostgreSQL lets it add columns at the end, never remove,
/// rename or retype one. Adding in place would leave the down file unable to remove them again in place, so a view
/// is replaced in place only when its output columns stay exactly the same, and otherwise dropped and created (the
/// views and triggers that use it then follow it: DependentObjects).
/// </summary>
internal static class PostgresViewRewrite
{
    public static IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations)
    {
        if (!operations.Any(o => o is ReplaceView)) return operations;
        var result = new List<Operation>(operations.Count + 1);
        foreach (var op in operations)
        {
            if (op is ReplaceView replace && !InPlace(replace))
            {
                result.Add(new DropView(replace.From));
                result.Add(new CreateView(replace.To));
            }
            else result.Add(op);
        }
        return result;
    }

    private static bool InPlace(ReplaceView replace) =>
        !replace.From.Materialized && !replace.To.Materialized
        && replace.From.OutputColumns is { } from && replace.To.OutputColumns is { } to && from == to
        && replace.From.Columns == replace.To.Columns;
}
