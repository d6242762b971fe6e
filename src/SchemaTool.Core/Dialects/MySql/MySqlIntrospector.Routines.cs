using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

internal sealed partial class MySqlIntrospector
{
    private const string RoutinesQuery = """
        SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES
        WHERE ROUTINE_SCHEMA = DATABASE() AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE')
        ORDER BY ROUTINE_TYPE, ROUTINE_NAME
        """;

    /// <summary>
    /// Each function and procedure as SHOW CREATE prints it, without its DEFINER: one statement per routine. A
    /// routine whose statement this user may not see (the server answers NULL) is named and left alone.
    /// </summary>
    private async Task<ValueList<Routine>> ReadRoutinesAsync(List<UnmanagedObject> unmanaged, CancellationToken ct)
    {
        var names = new List<(string Name, string Type)>();
        await foreach (var row in QueryAsync(RoutinesQuery, ct)) names.Add((row.GetString(0), row.GetString(1)));
        var routines = new List<Routine>();
        foreach (var (name, type) in names)
        {
            string? text = null;
            await using (var cmd = session.CreateCommand($"SHOW CREATE {type} {MySqlText.Quote(name)}", Main))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                if (await reader.ReadAsync(ct) && !reader.IsDBNull(2)) text = reader.GetString(2);
            if (text is null)
                unmanaged.Add(new UnmanagedObject(type.ToLowerInvariant(), name, Note: "this user may not read its definition"));
            else
                routines.Add(new Routine(name, type == "FUNCTION" ? RoutineKind.Function : RoutineKind.Procedure, MySqlObjectText.WithoutDefiner(text))
                {
                    // MySQL keeps no record of what a routine uses; nothing orders by it.
                    DependsOn = ValueList<Dependency>.Empty,
                });
        }
        return routines.ToValueList();
    }
}
