namespace SchemaTool.Model;

/// <summary>
/// A view: its query (<paramref name="Sql"/>, the SELECT as the database's canonical form has it), optionally its
/// column names, and for a PostgreSQL materialized view its indexes. <paramref name="With"/> holds PostgreSQL's view
/// options (security_barrier, security_invoker, check_option), or a materialized view's storage parameters.
/// <paramref name="Algorithm"/> (merge, temptable) and <paramref name="SecurityInvoker"/> are MySQL's ALGORITHM and
/// SQL SECURITY; null and false are its defaults, UNDEFINED and DEFINER. <paramref name="ClusterOn"/> is the index a
/// materialized view is clustered on (PostgreSQL).
/// </summary>
public sealed record View(
    string Name,
    string Sql,
    bool Materialized = false,
    ValueList<string> Columns = default,
    ValueList<TableIndex> Indexes = default,
    string? Comment = null,
    StorageParameters? With = null,
    string? Algorithm = null,
    bool SecurityInvoker = false,
    string? ClusterOn = null)
{
    /// <summary>
    /// What the query reads; null until a catalog was read or the session canonicalized the model. Not part of
    /// the view's definition: the differ compares <see cref="WithoutDependencies"/>.
    /// </summary>
    public ValueList<Dependency>? DependsOn { get; init; }

    /// <summary>
    /// The view's output columns as "name type", in order, where the database tells them (PostgreSQL): whether a
    /// query can be replaced in place. Derived like <see cref="DependsOn"/>, and not part of the definition.
    /// </summary>
    public ValueList<string>? OutputColumns { get; init; }

    public SchemaObjectKind Kind => Materialized ? SchemaObjectKind.MaterializedView : SchemaObjectKind.View;

    /// <summary>The object without what is derived from it: what the differ compares.</summary>
    public View WithoutDependencies() => DependsOn is null && OutputColumns is null ? this : this with { DependsOn = null, OutputColumns = null };
}
