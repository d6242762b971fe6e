using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    /// <summary>The statements of an operation on a function, procedure or trigger; null for any other operation.</summary>
    private static IReadOnlyList<string>? RoutineStatements(Operation operation) => operation switch
    {
        CreateRoutine op => [.. Define(op.Routine), .. RoutineComment(op.Routine.ObjectKind, Signature(op.Routine), op.Routine.Comment, always: false)],
        // Another routine may share the name (an overload, or a user's lower(text[]) beside pg_catalog's
        // lower(text)): the argument types name it.
        DropRoutine op => [$"DROP {RoutineWord(op.Routine.ObjectKind)} {Signature(op.Routine)}"],
        // PostgresObjectRewrite leaves a ReplaceRoutine only where the signature stays, which CREATE OR REPLACE keeps.
        ReplaceRoutine op => Define(op.To),
        SetObjectComment { Kind: SchemaObjectKind.Function or SchemaObjectKind.Procedure or SchemaObjectKind.Aggregate } op => RoutineComment(op.Kind, op.Arguments is { } arguments ? $"{QN(op.Name)}({arguments})" : QN(op.Name), op.To, always: true),
        CreateTrigger op => CreateTrigger(op.Trigger),
        DropTrigger op => [$"DROP TRIGGER {Q(op.Trigger.Name)} ON {QN(op.Trigger.Table)}"],
        SetObjectComment { Kind: SchemaObjectKind.Trigger, Table: { } table } op => [CommentOn("TRIGGER", $"{Q(op.Name)} ON {QN(table)}", op.To)],
        _ => null,
    };

    /// <summary>
    /// The routine's CREATE statement. PostgreSQL checks a LANGUAGE sql body's tables when the routine is created,
    /// and routines come before the tables of a revision (defaults and checks may call them): the check is left to
    /// the first call, as pg_dump does, for the rest of the revision's transaction.
    /// </summary>
    private static IReadOnlyList<string> Define(Routine routine) =>
        routine.Definition.Contains("\n LANGUAGE sql\n", StringComparison.Ordinal)
            ? ["SET LOCAL check_function_bodies = off", routine.Definition]
            : [routine.Definition];

    /// <summary>
    /// The routine's quoted name and its arguments as its definition declares them, without their defaults, which
    /// DROP and COMMENT ON do not take: `"lower"(a text[], VARIADIC d text[])`. The name alone where the
    /// definition has no argument list to read.
    /// </summary>
    internal static string Signature(Routine routine)
    {
        var tokens = PostgresLexer.Instance.Tokens(routine.Definition).Where(t => t.IsCode).ToList();
        var open = tokens.FindIndex(t => t.IsPunctuation('('));
        if (open < 0) return QN(routine.Name);
        var arguments = new List<string>();
        int depth = 0, start = -1, end = -1;
        var skipping = false;
        for (var i = open + 1; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (depth == 0 && (token.IsPunctuation(',') || token.IsPunctuation(')')))
            {
                if (start >= 0) arguments.Add(routine.Definition[tokens[start].Start..tokens[end].End]);
                (start, end, skipping) = (-1, -1, false);
                if (token.IsPunctuation(')')) return $"{QN(routine.Name)}({string.Join(", ", arguments)})";
                continue;
            }
            if (token.IsPunctuation('(') || token.IsPunctuation('[')) depth++;
            else if (token.IsPunctuation(')') || token.IsPunctuation(']')) depth--;
            if (depth == 0 && (token.Is("DEFAULT") || token.IsPunctuation('='))) skipping = true;
            if (skipping) continue;
            if (start < 0) start = i;
            end = i;
        }
        return QN(routine.Name);
    }

    private static string RoutineWord(SchemaObjectKind kind) => kind switch
    {
        SchemaObjectKind.Procedure => "PROCEDURE",
        SchemaObjectKind.Aggregate => "AGGREGATE",
        _ => "FUNCTION",
    };

    /// <param name="target">The routine as SQL names it: its quoted name, or its <see cref="Signature"/>.</param>
    private static IReadOnlyList<string> RoutineComment(SchemaObjectKind kind, string target, string? comment, bool always) =>
        comment is null && !always ? [] : [CommentOn(RoutineWord(kind), target, comment)];

    private static IReadOnlyList<string> CreateTrigger(Trigger trigger)
    {
        var events = string.Join(" OR ", trigger.Events.Select(e =>
            e == TriggerEvent.Update && trigger.UpdateOf.Count > 0 ? $"UPDATE OF {Columns(trigger.UpdateOf)}" : e.ToSql()));
        var statement = $"CREATE TRIGGER {Q(trigger.Name)} {trigger.Timing.ToSql()} {events} ON {QN(trigger.Table)} " +
            $"FOR EACH {(trigger.ForEach == TriggerLevel.Row ? "ROW" : "STATEMENT")}" +
            (trigger.When is { } when ? $" WHEN ({when})" : "") +
            $" EXECUTE FUNCTION {trigger.Execute}";
        return trigger.Comment is null ? [statement] : [statement, CommentOn("TRIGGER", $"{Q(trigger.Name)} ON {QN(trigger.Table)}", trigger.Comment)];
    }
}
