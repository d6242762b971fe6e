using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>Creates a trigger after its table and what its action uses (a PostgreSQL trigger's function).</summary>
public sealed record CreateTrigger(Trigger Trigger) : Operation
{
    public override string TableName => Trigger.Table;
    public override string ObjectName => Trigger.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Trigger;
    public override Phase Phase => Phase.CreateTrigger;
    public override Operation Invert() => new DropTrigger(Trigger);
    public override string Describe() => $"create trigger {Trigger.Name} on {Trigger.Table}";

    internal override Dependencies Dependencies => new(
        Provides: [Dependencies.Trigger(Trigger.Table, Trigger.Name)],
        Removes: None,
        Requires: [.. Uses(Trigger), Gone(Dependencies.Trigger(Trigger.Table, Trigger.Name)), Gone(TriggerName(Trigger.Name))],
        RequiresBefore: None);

    internal static IReadOnlyList<string> Uses(Trigger trigger) =>
    [
        Relation(trigger.Table),
        .. Of(trigger.DependsOn),
        .. ExpressionNames.Functions(trigger.Execute).Concat(ExpressionNames.Functions(trigger.When)).Select(Routine)
            .Where(name => !Overloads(trigger).Contains(name)),
        .. trigger.Follows is { } follows ? [Dependencies.Trigger(trigger.Table, follows)] : Array.Empty<string>(),
    ];

    /// <summary>The routines whose overload the catalog names (PostgreSQL): their names alone would stand for every overload.</summary>
    private static HashSet<string> Overloads(Trigger trigger) =>
        (trigger.DependsOn ?? Enumerable.Empty<Dependency>()).Where(d => d is { Kind: DependencyKind.Routine, Arguments: not null }).Select(d => Routine(d.Name)).ToHashSet();
}

/// <summary>Drops a trigger before its table or what its action uses changes or goes.</summary>
public sealed record DropTrigger(Trigger Trigger) : Operation
{
    public override string TableName => Trigger.Table;
    public override string ObjectName => Trigger.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.Trigger;
    public override Phase Phase => Phase.DropTrigger;
    public override Operation Invert() => new CreateTrigger(Trigger);
    public override string Describe() => $"drop trigger {Trigger.Name} on {Trigger.Table}";

    internal override Dependencies Dependencies => new(
        Provides: [Gone(Dependencies.Trigger(Trigger.Table, Trigger.Name)), Gone(TriggerName(Trigger.Name))],
        Removes: [Dependencies.Trigger(Trigger.Table, Trigger.Name)],
        Requires: None,
        RequiresBefore: CreateTrigger.Uses(Trigger));
}
