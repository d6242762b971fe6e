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

    // The objects beyond tables (docs/schema-objects.md). Init-only, so that `new Schema(tables, unmanaged)` stays
    // as it was; each dialect says which of them it models (the others are refused at plan).
    public ValueList<View> Views { get; init; }
    public ValueList<Trigger> Triggers { get; init; }
    public ValueList<Routine> Routines { get; init; }
    public ValueList<EnumType> Enums { get; init; }
    public ValueList<DomainType> Domains { get; init; }
    public ValueList<CompositeType> Composites { get; init; }
    public ValueList<Sequence> Sequences { get; init; }
    public ValueList<Extension> Extensions { get; init; }
    public ValueList<Namespace> Namespaces { get; init; }
    public ValueList<ScheduledEvent> Events { get; init; }

    /// <summary>Each kind of object beyond tables that the schema holds, with how many.</summary>
    public IEnumerable<(SchemaObjectKind Kind, int Count)> ObjectCounts()
    {
        var views = Views.Count(v => !v.Materialized);
        if (views > 0) yield return (SchemaObjectKind.View, views);
        if (Views.Count > views) yield return (SchemaObjectKind.MaterializedView, Views.Count - views);
        if (Triggers.Count > 0) yield return (SchemaObjectKind.Trigger, Triggers.Count);
        var functions = Routines.Count(r => r.Kind == RoutineKind.Function);
        if (functions > 0) yield return (SchemaObjectKind.Function, functions);
        var procedures = Routines.Count(r => r.Kind == RoutineKind.Procedure);
        if (procedures > 0) yield return (SchemaObjectKind.Procedure, procedures);
        if (Routines.Count > functions + procedures) yield return (SchemaObjectKind.Aggregate, Routines.Count - functions - procedures);
        if (Enums.Count > 0) yield return (SchemaObjectKind.EnumType, Enums.Count);
        if (Domains.Count > 0) yield return (SchemaObjectKind.Domain, Domains.Count);
        if (Composites.Count > 0) yield return (SchemaObjectKind.CompositeType, Composites.Count);
        if (Sequences.Count > 0) yield return (SchemaObjectKind.Sequence, Sequences.Count);
        if (Extensions.Count > 0) yield return (SchemaObjectKind.Extension, Extensions.Count);
        if (Namespaces.Count > 0) yield return (SchemaObjectKind.Namespace, Namespaces.Count);
        if (Events.Count > 0) yield return (SchemaObjectKind.Event, Events.Count);
    }
}

/// <summary>
/// An object the model cannot express yet (a view, a trigger, an enum type...): named and left alone. <paramref name="Note"/>
/// says more to the user (which column defaults use a sequence, which table a table inherits from).
/// </summary>
public sealed record UnmanagedObject(string Kind, string Name, string? Table = null, string? Definition = null, string? Note = null);
