namespace SchemaTool.Model;

/// <summary>
/// A stored function or procedure, as its whole CREATE statement (<paramref name="Definition"/>). The parts of a
/// routine (arguments, return type, language, volatility, body) differ too much between databases to be worth
/// modelling one by one; the statement is compared in the server's canonical form (pg_get_functiondef, MySQL's
/// SHOW CREATE), which the session brings the model's text to.
/// <para><paramref name="Name"/> is the routine's name on the server. PostgreSQL lets several routines share a name
/// (overloads, told apart by their arguments): each then has a <see cref="Key"/> of its own, the model's name of it.</para>
/// </summary>
public sealed record Routine(string Name, RoutineKind Kind, string Definition, string? Comment = null)
{
    /// <summary>What the routine uses; null until read or canonicalized (see <see cref="View.DependsOn"/>).</summary>
    public ValueList<Dependency>? DependsOn { get; init; }

    /// <summary>The model's name of the routine (its YAML key) where it differs from <see cref="Name"/>; null where it does not.</summary>
    public string? Key { get; init; }

    /// <summary>The model's name of the routine: its key.</summary>
    public string KeyName => Key ?? Name;

    /// <summary>
    /// PostgreSQL's identity arguments (pg_get_function_identity_arguments: `a integer, b text`), which tell
    /// overloads apart; null until read or canonicalized, and where the database has no overloads.
    /// </summary>
    public string? Arguments { get; init; }

    /// <summary>What the differ pairs routines by: the server's name and, where known, the identity arguments.</summary>
    public string Identity => Arguments is null ? Name : $"{Name}({Arguments})";

    public SchemaObjectKind ObjectKind => Kind switch
    {
        RoutineKind.Procedure => SchemaObjectKind.Procedure,
        RoutineKind.Aggregate => SchemaObjectKind.Aggregate,
        _ => SchemaObjectKind.Function,
    };

    /// <summary>
    /// The object without what is derived from it, nor the model's key (inspect makes up its own): what the differ
    /// compares, once it has paired routines by <see cref="Identity"/>.
    /// </summary>
    public Routine WithoutDependencies() => DependsOn is null && Key is null ? this : this with { DependsOn = null, Key = null };
}

public enum RoutineKind
{
    Function,
    Procedure,
    /// <summary>A PostgreSQL aggregate (CREATE AGGREGATE): its state function is a function of the model or the server's.</summary>
    Aggregate,
}
