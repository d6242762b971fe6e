using System.Runtime.CompilerServices;

namespace SchemaTool.Model;

/// <summary>
/// A database schema: what the YAML model declares, and what an introspector reads back.
/// Both sides use these same types, so the diff is symmetric and an introspector is tested by a round trip.
/// </summary>
public sealed record Schema(ValueList<Table> Tables, ValueList<UnmanagedObject> Unmanaged)
{
    public static Schema Empty { get; } = new(ValueList<Table>.Empty, ValueList<UnmanagedObject>.Empty);

    public Schema(IEnumerable<Table> tables) : this(tables.ToValueList(), ValueList<UnmanagedObject>.Empty) { }

    /// <summary>
    /// The table of that name, by a dictionary built on first use per instance (a schema is immutable, and
    /// callers look tables up in loops over operations: a linear scan made those quadratic). The dictionary
    /// lives outside the record, so it takes no part in equality or `with` copies.
    /// </summary>
    public Table? FindTable(string name) =>
        TablesByName.GetValue(this, static schema =>
        {
            var byName = new Dictionary<string, Table>(schema.Tables.Count, StringComparer.Ordinal);
            foreach (var table in schema.Tables) byName.TryAdd(table.Name, table);
            return byName;
        }).GetValueOrDefault(name);

    private static readonly ConditionalWeakTable<Schema, Dictionary<string, Table>> TablesByName = new();
}

/// <summary>
/// An object the model cannot express yet (a view, a trigger, an enum type...): named and left alone. <paramref name="Note"/>
/// says more to the user (which column defaults use a sequence, which table a table inherits from).
/// </summary>
public sealed record UnmanagedObject(string Kind, string Name, string? Table = null, string? Definition = null, string? Note = null);
