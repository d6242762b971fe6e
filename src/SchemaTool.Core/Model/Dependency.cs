namespace SchemaTool.Model;

/// <summary>
/// Something a view, trigger or routine uses, as the database can tell: the catalog for what a database holds
/// (PostgreSQL's pg_depend), the parsed definition where the database keeps none (SQLite), and the same way for
/// the model's objects once the session has canonicalized them. Plans order operations by these.
/// </summary>
public sealed record Dependency(DependencyKind Kind, string Name, string? Column = null)
{
    /// <summary>Of a routine, the identity arguments of the one overload it is (PostgreSQL's catalog knows); else null.</summary>
    public string? Arguments { get; init; }

    public static Dependency Relation(string name) => new(DependencyKind.Relation, name);
    public static Dependency OnColumn(string relation, string column) => new(DependencyKind.Column, relation, column);
    public static Dependency Routine(string name) => new(DependencyKind.Routine, name);
    public static Dependency Type(string name) => new(DependencyKind.Type, name);
    public static Dependency Sequence(string name) => new(DependencyKind.Sequence, name);
    public static Dependency Extension(string name) => new(DependencyKind.Extension, name);

    public override string ToString() => Column is not null ? $"{Kind} {Name}.{Column}" : Arguments is not null ? $"{Kind} {Name}({Arguments})" : $"{Kind} {Name}";
}

public enum DependencyKind
{
    /// <summary>A table or a view, as a whole.</summary>
    Relation,
    /// <summary>One column of a table or view (<see cref="Dependency.Column"/>).</summary>
    Column,
    Routine,
    Type,
    Sequence,
    Extension,
}
