using Npgsql;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

internal static partial class PostgresIntrospector
{
    /// <summary>
    /// Functions and procedures as pg_get_functiondef prints them, without the schema it puts before the name (the
    /// model's are read from a scratch schema), each with its identity arguments. A name several routines share
    /// (overloads) gives each of them a key of its own (<see cref="RoutineKeys"/>).
    /// </summary>
    private static async Task ReadRoutinesAsync(NpgsqlDataReader reader, ObjectParts parts, CancellationToken ct)
    {
        await reader.NextResultAsync(ct);
        var routines = new List<(Routine Routine, bool Overloaded, string Types)>();
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(0);
            var procedure = reader.GetBoolean(1);
            var aggregate = reader.GetBoolean(8);
            var routine = new Routine(name, procedure ? RoutineKind.Procedure : aggregate ? RoutineKind.Aggregate : RoutineKind.Function,
                RoutineDefinition(reader.GetString(2), reader.GetString(4)), Text(reader, 3))
            {
                Arguments = reader.GetString(6),
                DependsOn = Dependencies(reader.GetFieldValue<string[]>(7)),
            };
            routines.Add((routine, reader.GetInt32(5) > 1, reader.GetString(9)));
        }
        parts.Routines.AddRange(RoutineKeys.Keyed(routines));
    }

    /// <summary>"CREATE OR REPLACE FUNCTION schema.f(...)..." without "schema." and the line break it ends with.</summary>
    private static string RoutineDefinition(string definition, string quotedSchema)
    {
        var text = definition.TrimEnd();
        foreach (var head in (string[])["CREATE OR REPLACE FUNCTION ", "CREATE OR REPLACE PROCEDURE "])
            if (text.StartsWith(head, StringComparison.Ordinal) && text.AsSpan(head.Length).StartsWith(quotedSchema + ".", StringComparison.Ordinal))
                return head + text[(head.Length + quotedSchema.Length + 1)..];
        return text;
    }

    /// <summary>The part of a routine's canonical definition that CREATE OR REPLACE cannot change: name, arguments, result.</summary>
    public static string RoutineSignature(string definition)
    {
        var language = definition.IndexOf("\n LANGUAGE ", StringComparison.Ordinal);
        return language < 0 ? definition : definition[..language];
    }

    // tgtype's bits (PostgreSQL's trigger.h).
    private const int RowBit = 1, BeforeBit = 2, InsertBit = 4, DeleteBit = 8, UpdateBit = 16, TruncateBit = 32, InsteadBit = 64;

    private static async Task ReadTriggersAsync(NpgsqlDataReader reader, ObjectParts parts, CancellationToken ct)
    {
        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (name, table, type, definition) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3));
            var action = reader.GetBoolean(6) ? null : TriggerAction(definition);
            if (action is not { } parsed)
            {
                parts.Unmanaged.Add(new UnmanagedObject("trigger", name, table));
                continue;
            }
            var events = new List<TriggerEvent>();
            if ((type & InsertBit) != 0) events.Add(TriggerEvent.Insert);
            if ((type & UpdateBit) != 0) events.Add(TriggerEvent.Update);
            if ((type & DeleteBit) != 0) events.Add(TriggerEvent.Delete);
            if ((type & TruncateBit) != 0) events.Add(TriggerEvent.Truncate);
            var timing = (type & InsteadBit) != 0 ? TriggerTiming.InsteadOf : (type & BeforeBit) != 0 ? TriggerTiming.Before : TriggerTiming.After;
            parts.Triggers.Add(new Trigger(name, table, timing, events.ToValueList(), Execute: parsed.Execute,
                ForEach: (type & RowBit) != 0 ? TriggerLevel.Row : TriggerLevel.Statement,
                UpdateOf: reader.GetFieldValue<string[]>(5).ToValueList(), When: parsed.When, Comment: Text(reader, 4))
            {
                DependsOn = Dependencies(reader.GetFieldValue<string[]>(7)),
            });
        }
    }

    /// <summary>
    /// The WHEN condition (without its parentheses) and the function call of pg_get_triggerdef's
    /// "... FOR EACH ROW|STATEMENT [WHEN (condition)] EXECUTE FUNCTION f(args)"; null when it is not that form.
    /// </summary>
    private static (string? When, string Execute)? TriggerAction(string definition)
    {
        const string execute = "EXECUTE FUNCTION ";
        foreach (var level in (string[])[" FOR EACH ROW ", " FOR EACH STATEMENT "])
        {
            var at = definition.IndexOf(level, StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = definition[(at + level.Length)..];
            if (rest.StartsWith(execute, StringComparison.Ordinal)) return (null, rest[execute.Length..]);
            if (!rest.StartsWith("WHEN (", StringComparison.Ordinal)) return null;
            var end = rest.LastIndexOf(") " + execute, StringComparison.Ordinal);
            return end < 0 ? null : (rest["WHEN (".Length..end], rest[(end + 2 + execute.Length)..]);
        }
        return null;
    }
}
