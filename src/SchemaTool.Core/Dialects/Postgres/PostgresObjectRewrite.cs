using SchemaTool.Model;
using SchemaTool.Diff;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// Turns a replacement that PostgreSQL cannot make in place, in both directions, into a drop and a create (the views
/// and triggers that use the object then follow it: DependentObjects).
/// </summary>
internal static class PostgresObjectRewrite
{
    public static IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations)
    {
        if (!operations.Any(o => o is ReplaceView or ReplaceRoutine)) return operations;
        var result = new List<Operation>(operations.Count + 1);
        foreach (var op in operations)
        {
            switch (op)
            {
                case ReplaceView view when !InPlace(view):
                    result.Add(new DropView(view.From));
                    result.Add(new CreateView(view.To));
                    break;
                case ReplaceRoutine routine when !InPlace(routine):
                    result.Add(new DropRoutine(routine.From));
                    result.Add(new CreateRoutine(routine.To));
                    break;
                default:
                    result.Add(op);
                    break;
            }
        }
        return result;
    }

    /// <summary>
    /// CREATE OR REPLACE VIEW keeps a view's output columns: PostgreSQL lets it add columns at the end, never remove,
    /// rename or retype one. Adding in place would leave the down file unable to remove them again in place, so a
    /// view is replaced in place only when its output columns stay exactly the same; a materialized view never is.
    /// </summary>
    private static bool InPlace(ReplaceView replace) =>
        !replace.From.Materialized && !replace.To.Materialized
        && replace.From.OutputColumns is { } from && replace.To.OutputColumns is { } to && from == to
        && replace.From.Columns == replace.To.Columns;

    /// <summary>
    /// CREATE OR REPLACE FUNCTION cannot change a routine's result type, its arguments' names or remove their
    /// defaults: a routine is replaced in place only when all of its signature (name, arguments, result) stays.
    /// </summary>
    private static bool InPlace(ReplaceRoutine replace) =>
        // An aggregate is written CREATE AGGREGATE, which replaces nothing: it is dropped and created.
        replace.To.Kind != RoutineKind.Aggregate && replace.From.Kind != RoutineKind.Aggregate && PostgresIntrospector.RoutineSignature(replace.From.Definition) == PostgresIntrospector.RoutineSignature(replace.To.Definition);
}
