using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>Creates a MySQL event after the tables its body uses.</summary>
public sealed record CreateEvent(ScheduledEvent Event) : Operation
{
    public override string TableName => Event.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Event;
    internal override string? Relation => null;
    public override Phase Phase => Phase.CreateEvent;
    public override Operation Invert() => new DropEvent(Event);
    public override string Describe() => $"create event {Event.Name}";

    internal override Dependencies Dependencies => new([Dependencies.Event(Event.Name)], None, [.. Of(Event.DependsOn), Gone(Dependencies.Event(Event.Name))], None);
}

/// <summary>Drops a MySQL event before the tables its body uses change.</summary>
public sealed record DropEvent(ScheduledEvent Event) : Operation
{
    public override string TableName => Event.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Event;
    internal override string? Relation => null;
    public override Phase Phase => Phase.DropEvent;
    public override Operation Invert() => new CreateEvent(Event);
    public override string Describe() => $"drop event {Event.Name}";

    internal override Dependencies Dependencies => new([Gone(Dependencies.Event(Event.Name))], [Dependencies.Event(Event.Name)], None, Of(Event.DependsOn));
}

/// <summary>
/// Sets the comment of an object outside tables' own comments (a view, a trigger, a routine, a type, a sequence,
/// a schema, an event): a change of comment alone never recreates the object. A routine's <paramref name="Arguments"/>
/// (its identity arguments, where known) say which of several of its name it is.
/// </summary>
public sealed record SetObjectComment(SchemaObjectKind Kind, string Name, string? From, string? To, string? Table = null, string? Arguments = null) : Operation
{
    public override string TableName => Table ?? Name;
    public override string ObjectName => Table is null ? "" : Name;
    public override SchemaObjectKind ObjectKind => Kind;
    internal override string? Relation => Kind is SchemaObjectKind.View or SchemaObjectKind.MaterializedView or SchemaObjectKind.Trigger ? TableName : null;
    public override Phase Phase => Phase.Comment;
    public override Operation Invert() => new SetObjectComment(Kind, Name, To, From, Table, Arguments);
    public override string Describe() => $"set comment of {Kind.Word()} {Name}" + (Kind == SchemaObjectKind.Trigger ? $" on {Table}" : "");

    internal override Dependencies Dependencies => new(None, None, Kind switch
    {
        SchemaObjectKind.Function or SchemaObjectKind.Procedure or SchemaObjectKind.Aggregate => [Routine(Name, Arguments)],
        SchemaObjectKind.EnumType or SchemaObjectKind.Domain or SchemaObjectKind.CompositeType => [Dependencies.Type(Name)],
        SchemaObjectKind.Sequence => [Dependencies.Sequence(Name)],
        SchemaObjectKind.Namespace => [Dependencies.Namespace(Name)],
        _ => None,
    }, None);
}
