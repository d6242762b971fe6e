using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    /// <summary>The statements of an operation on a function, procedure or trigger; null for any other operation.</summary>
    private static IReadOnlyList<string>? RoutineStatements(Operation operation) => operation switch
    {
        CreateRoutine op => [.. Define(op.Routine), .. RoutineComment(op.Routine.ObjectKind, op.Routine.Name, op.Routine.Comment, always: false)],
        // A routine has one name in the model (overloads are named, not modelled), so the name alone finds it.
        DropRoutine op => [$"DROP {RoutineWord(op.Routine.ObjectKind)} {Q(op.Routine.Name)}"],
        // PostgresObjectRewrite leaves a ReplaceRoutine only where the signature stays, which CREATE OR REPLACE keeps.
        ReplaceRoutine op => Define(op.To),
        SetObjectComment { Kind: SchemaObjectKind.Function or SchemaObjectKind.Procedure } op => RoutineComment(op.Kind, op.Name, op.To, always: true),
        CreateTrigger op => CreateTrigger(op.Trigger),
        DropTrigger op => [$"DROP TRIGGER {Q(op.Trigger.Name)} ON {Q(op.Trigger.Table)}"],
        SetObjectComment { Kind: SchemaObjectKind.Trigger, Table: { } table } op => [CommentOn("TRIGGER", $"{Q(op.Name)} ON {Q(table)}", op.To)],
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

    private static string RoutineWord(SchemaObjectKind kind) => kind == SchemaObjectKind.Procedure ? "PROCEDURE" : "FUNCTION";

    private static IReadOnlyList<string> RoutineComment(SchemaObjectKind kind, string name, string? comment, bool always) =>
        comment is null && !always ? [] : [CommentOn(RoutineWord(kind), Q(name), comment)];

    private static IReadOnlyList<string> CreateTrigger(Trigger trigger)
    {
        var events = string.Join(" OR ", trigger.Events.Select(e =>
            e == TriggerEvent.Update && trigger.UpdateOf.Count > 0 ? $"UPDATE OF {Columns(trigger.UpdateOf)}" : e.ToSql()));
        var statement = $"CREATE TRIGGER {Q(trigger.Name)} {trigger.Timing.ToSql()} {events} ON {Q(trigger.Table)} " +
            $"FOR EACH {(trigger.ForEach == TriggerLevel.Row ? "ROW" : "STATEMENT")}" +
            (trigger.When is { } when ? $" WHEN ({when})" : "") +
            $" EXECUTE FUNCTION {trigger.Execute}";
        return trigger.Comment is null ? [statement] : [statement, CommentOn("TRIGGER", $"{Q(trigger.Name)} ON {Q(trigger.Table)}", trigger.Comment)];
    }
}
