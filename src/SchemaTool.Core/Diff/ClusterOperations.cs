namespace SchemaTool.Diff;

/// <summary>
/// Marks the index a table is clustered on (PostgreSQL's ALTER TABLE ... CLUSTER ON), or none (SET WITHOUT
/// CLUSTER): which index a later CLUSTER follows. It rewrites nothing. Marking runs after indexes are built and
/// unmarking before they are dropped, so that the down file, which runs the inverses in reverse order, marks an
/// index built again only once it is there.
/// </summary>
public sealed record SetClusterIndex(string Table, string? From, string? To) : Operation
{
    public override string TableName => Table;
    public override Phase Phase => To is null ? Phase.Uncluster : Phase.Cluster;
    public override Operation Invert() => new SetClusterIndex(Table, To, From);

    public override string Describe() =>
        To is null ? $"stop clustering table {Table} on {From}" : $"cluster table {Table} on {To}" + (From is null ? "" : $" (was {From})");

    internal override Dependencies Dependencies => new(Dependencies.None, Dependencies.None, [Dependencies.Table(Table)], Dependencies.None);
}
