using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>Creates a function or procedure before the defaults, checks, indexes, views and triggers that call it.</summary>
public sealed record CreateRoutine(Routine Routine) : Operation
{
    public override string TableName => Routine.Name;
    public override SchemaObjectKind ObjectKind => Routine.ObjectKind;
    internal override string? Relation => null;
    public override Phase Phase => Phase.CreateRoutine;
    public override Operation Invert() => new DropRoutine(Routine);
    public override string Describe() => $"create {Routine.ObjectKind.Word()} {Routine.KeyName}";

    internal override Dependencies Dependencies => new(
        Provides: RoutineResources.Of(Routine),
        Removes: None,
        Requires: [.. Of(Routine.DependsOn), Gone(Dependencies.Routine(Routine.Name))],
        RequiresBefore: None);
}

/// <summary>Drops a function or procedure after what calls it.</summary>
public sealed record DropRoutine(Routine Routine) : Operation
{
    public override string TableName => Routine.Name;
    public override SchemaObjectKind ObjectKind => Routine.ObjectKind;
    internal override string? Relation => null;
    public override Phase Phase => Phase.DropRoutine;
    public override Operation Invert() => new CreateRoutine(Routine);
    public override string Describe() => $"drop {Routine.ObjectKind.Word()} {Routine.KeyName}";

    internal override Dependencies Dependencies => new(
        Provides: [Gone(Dependencies.Routine(Routine.Name))],
        Removes: RoutineResources.Of(Routine),
        Requires: None,
        RequiresBefore: Of(Routine.DependsOn));
}

/// <summary>Replaces a routine's definition in place (CREATE OR REPLACE), which keeps what calls it.</summary>
public sealed record ReplaceRoutine(Routine From, Routine To) : Operation
{
    public override string TableName => To.Name;
    public override SchemaObjectKind ObjectKind => To.ObjectKind;
    internal override string? Relation => null;
    public override Phase Phase => Phase.CreateRoutine;
    public override Operation Invert() => new ReplaceRoutine(To, From);
    public override string Describe() => $"replace {To.ObjectKind.Word()} {To.KeyName}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: None,
        Requires: [.. RoutineResources.Of(To), .. Of(To.DependsOn)],
        RequiresBefore: Of(From.DependsOn));
}

/// <summary>
/// What a routine stands for: its name, which expressions call it by (any overload may be the one), and where the
/// catalog told its identity arguments, the one overload, which what pg_depend says calls it requires.
/// </summary>
internal static class RoutineResources
{
    public static IReadOnlyList<string> Of(Routine routine) => routine.Arguments is null
        ? [Dependencies.Routine(routine.Name)]
        : [Dependencies.Routine(routine.Name), Dependencies.Routine(routine.Name, routine.Arguments)];
}
