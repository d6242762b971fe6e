namespace SchemaTool.Model;

/// <summary>
/// A database schema: what the YAML model declares, and what an introspector reads back.
/// Both sides use these same types, so the diff is symmetric and an introspector is tested by a round trip.
/// </summary>
public sealed record Schema(ValueList<Table> Tables, ValueList<UnmanagedObject> Unmanaged)
{
    public static Schema Empty { get; } = new(ValueList<Table>.Empty, ValueList<UnmanagedObject>.Empty);

    public Schema(IEnumerable<Table> tables) : this(tables.ToValueList(), ValueList<UnmanagedObject>.Empty) { }

    public Table? FindTable(string name) => Tables.FirstOrDefault(t => t.Name == name);
}

/// <summary>An object the model cannot express yet (a view, a trigger, an enum type...): named and left alone.</summary>
public sealed record UnmanagedObject(string Kind, string Name, string? Table = null, string? Definition = null);
