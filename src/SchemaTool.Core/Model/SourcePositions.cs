using System.Runtime.CompilerServices;

namespace SchemaTool.Model;

/// <summary>
/// Where the loader read each table, column and index of a model (file:line:column), for the checks that only a
/// dialect can make, after loading. Kept beside the schema rather than in it: a place is not part of what a schema
/// is, and the same schema read from two files must still compare equal.
/// </summary>
public sealed class SourcePositions
{
    private static readonly ConditionalWeakTable<Schema, SourcePositions> Attached = new();
    private static readonly SourcePositions None = new();

    private readonly Dictionary<(string Table, char Kind, string Name), string> _places = new();

    /// <summary>The positions read with <paramref name="schema"/>; none for a schema that was not loaded from files.</summary>
    public static SourcePositions Of(Schema schema) => Attached.TryGetValue(schema, out var positions) ? positions : None;

    internal static Schema Attach(Schema schema, SourcePositions positions)
    {
        Attached.AddOrUpdate(schema, positions);
        return schema;
    }

    internal void AddTable(string table, string where) => _places.TryAdd((table, 't', ""), where);
    internal void AddColumn(string table, string column, string where) => _places.TryAdd((table, 'c', column), where);
    internal void AddIndex(string table, string index, string where) => _places.TryAdd((table, 'i', index), where);

    public string? Table(string table) => _places.GetValueOrDefault((table, 't', ""));
    public string? Column(string table, string column) => _places.GetValueOrDefault((table, 'c', column)) ?? Table(table);
    public string? Index(string table, string index) => _places.GetValueOrDefault((table, 'i', index)) ?? Table(table);

    /// <summary>The message prefixed with its place, when the model has one.</summary>
    public static string At(string? place, string message) => place is null ? message : $"{place}: {message}";
}
