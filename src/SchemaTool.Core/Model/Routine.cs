namespace SchemaTool.Model;

/// <summary>
/// A stored function or procedure, as its whole CREATE statement (<paramref name="Definition"/>). The parts of a
/// routine (arguments, return type, language, volatility, body) differ too much between databases to be worth
/// modelling one by one; the statement is compared in the server's canonical form (pg_get_functiondef, MySQL's
/// SHOW CREATE), which the session brings the model's text to.
/// </summary>
public sealed record Routine(string Name, RoutineKind Kind, string Definition, string? Comment = null)
{
    /// <summary>What the routine uses; null until read or canonicalized (see <see cref="View.DependsOn"/>).</summary>
    public ValueList<Dependency>? DependsOn { get; init; }

    public SchemaObjectKind ObjectKind => Kind switch
    {
        RoutineKind.Procedure => SchemaObjectKind.Procedure,
        RoutineKind.Aggregate => SchemaObjectKind.Aggregate,
        _ => SchemaObjectKind.Function,
    };

    /// <summary>The object without what is derived from it: what the differ compares.</summary>
    public Routine WithoutDependencies() => DependsOn is null ? this : this with { DependsOn = null };
}

public enum RoutineKind
{
    Function,
    Procedure,
    /// <summary>A PostgreSQL aggregate (CREATE AGGREGATE): its state function is a function of the model or the server's.</summary>
    Aggregate,
}
