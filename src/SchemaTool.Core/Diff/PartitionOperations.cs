using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

/// <summary>Adds a partition to a partitioned table (PostgreSQL): a table of its own, holding the rows of its bound.</summary>
public sealed record CreatePartition(string Table, Partition Partition) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Partition.Name;
    public override Phase Phase => Phase.CreatePartition;
    public override Operation Invert() => new DropPartition(Table, Partition);
    public override string Describe() => $"create partition {Partition.Name} of {Table}";

    internal override Dependencies Dependencies => new(
        Provides: [Dependencies.Table(Partition.Name)], Removes: None, Requires: [Dependencies.Table(Table)], RequiresBefore: None);
}

/// <summary>Drops a partition and the rows it holds.</summary>
public sealed record DropPartition(string Table, Partition Partition) : Operation
{
    public override string TableName => Table;
    public override string ObjectName => Partition.Name;
    public override Phase Phase => Phase.DropPartition;
    public override Operation Invert() => new CreatePartition(Table, Partition);
    public override string Warning => $"drops partition {Partition.Name} of {Table} and its rows";
    public override string Describe() => $"drop partition {Partition.Name} of {Table}";

    internal override Dependencies Dependencies => new(
        Provides: None, Removes: [Dependencies.Table(Partition.Name)], Requires: None, RequiresBefore: [Dependencies.Table(Table)]);
}
