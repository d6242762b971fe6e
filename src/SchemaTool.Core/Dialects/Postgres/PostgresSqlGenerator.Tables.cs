using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    private static IReadOnlyList<string> CreateTable(Table table)
    {
        table = table with { Columns = table.Columns.Select(c => WithSequenceName(table.Name, c)).ToValueList() };
        var lines = table.Columns.Select(ColumnDefinition).ToList();
        if (table.PrimaryKey is { } pk) lines.Add(PrimaryKeyClause(pk));
        lines.AddRange(table.Indexes.Where(i => i.Constraint).Select(UniqueConstraintClause));
        lines.AddRange(table.ForeignKeys.Where(f => !f.NotValid).Select(ForeignKeyClause));
        lines.AddRange(table.Checks.Where(c => !c.NotValid).Select(CheckClause));
        lines.AddRange(table.Exclusions.Select(ExclusionClause));

        var statements = new List<string>();
        foreach (var column in table.Columns.Where(OwnsNamedSequence))
            statements.Add(CreateSequence(column));
        var partitionBy = table.Partitioning is { } p ? $" PARTITION BY {p.By}" : "";
        var flip = CreatedLoggedThenUnlogged(table);
        var unlogged = table.Options?.Unlogged == true && !flip ? "UNLOGGED " : "";
        statements.Add($"CREATE {unlogged}TABLE {QN(table.Name)} (\n    {string.Join(",\n    ", lines)}\n){partitionBy}{WithClause(table.Options?.With)}");
        foreach (var column in table.Columns.Where(OwnsNamedSequence))
            statements.Add(SequenceOwnedBy(table.Name, column));
        if (flip)
        {
            statements.Add($"ALTER TABLE {QN(table.Name)} SET UNLOGGED");
            foreach (var column in table.Columns.Where(c => OwnsNamedSequence(c) && c.Numbering!.Unlogged == false))
                statements.Add($"ALTER SEQUENCE {QN(SequenceName(column))} SET LOGGED");
        }
        foreach (var partition in table.Partitioning?.Partitions ?? [])
            statements.AddRange(CreatePartition(table.Name, partition));
        foreach (var index in table.Indexes.Where(i => !i.Constraint))
            statements.Add(CreateIndexStatement(table.Name, index));
        if (table.ClusterOn is { } clustered) statements.Add(ClusterOn(table.Name, clustered));
        // CREATE TABLE marks every constraint valid, NOT VALID or not: one that stays unvalidated is added after.
        foreach (var key in table.ForeignKeys.Where(f => f.NotValid))
            statements.Add($"ALTER TABLE {QN(table.Name)} ADD {ForeignKeyClause(key)}{NotValidClause(true)}");
        foreach (var check in table.Checks.Where(c => c.NotValid))
            statements.Add($"ALTER TABLE {QN(table.Name)} ADD {CheckClause(check)}{NotValidClause(true)}");
        if (table.Comment is not null) statements.Add(CommentOn("TABLE", QN(table.Name), table.Comment));
        foreach (var column in table.Columns.Where(c => c.Comment is not null))
            statements.Add(CommentOn("COLUMN", $"{QN(table.Name)}.{Q(column.Name)}", column.Comment));
        foreach (var column in table.Columns.Where(c => c.Statistics is not null))
            statements.Add(SetStatistics(table.Name, column.Name, column.Statistics!.Value));
        foreach (var index in table.Indexes.Where(i => i.Comment is not null))
            statements.Add(CommentOn("INDEX", QIndex(table.Name, index.Name), index.Comment));
        statements.AddRange(ExclusionComments(table));
        return statements;
    }

    private static string PrimaryKeyClause(PrimaryKey key) =>
        (key.Name is null ? "" : $"CONSTRAINT {Q(key.Name)} ") + $"PRIMARY KEY ({Columns(key.Columns)})" + DeferrableClause(key.Deferrable);

    private static string UniqueConstraintClause(TableIndex index) =>
        $"CONSTRAINT {Q(index.Name)} UNIQUE{(index.NullsNotDistinct ? " NULLS NOT DISTINCT" : "")} " +
        $"({Columns(index.ColumnNames ?? throw new NotSupportedException($"unique constraint {index.Name} must list plain columns"))})" +
        (index.Include.Count > 0 ? $" INCLUDE ({Columns(index.Include)})" : "") + WithClause(index.With) + DeferrableClause(index.Deferrable);

    private static string DeferrableClause(Deferrability deferrable) => deferrable switch
    {
        Deferrability.InitiallyImmediate => " DEFERRABLE INITIALLY IMMEDIATE",
        Deferrability.InitiallyDeferred => " DEFERRABLE INITIALLY DEFERRED",
        _ => "",
    };

    /// <summary>A partition, and its own partitions when it is partitioned too.</summary>
    private static IEnumerable<string> CreatePartition(string parent, Partition partition)
    {
        var by = partition.Partitioning is { } sub ? $" PARTITION BY {sub.By}" : "";
        yield return $"CREATE TABLE {QN(partition.Name)} PARTITION OF {QN(parent)} {partition.Bound}{by}";
        foreach (var child in partition.Partitioning?.Partitions ?? [])
            foreach (var statement in CreatePartition(partition.Name, child))
                yield return statement;
    }

    private static string ForeignKeyClause(ForeignKey key)
    {
        var text = $"CONSTRAINT {Q(key.Name)} FOREIGN KEY ({Columns(key.Columns)}) REFERENCES {QN(key.ReferencedTable)} ({Columns(key.ReferencedColumns)})";
        if (key.OnDelete != ReferentialAction.NoAction) text += " ON DELETE " + key.OnDelete.ToSql();
        if (key.OnUpdate != ReferentialAction.NoAction) text += " ON UPDATE " + key.OnUpdate.ToSql();
        return text + DeferrableClause(key.Deferrable);
    }

    private static string CheckClause(Check check) =>
        $"CONSTRAINT {Q(check.Name)} CHECK ({check.Written ?? check.Expression})" + (check.NoInherit ? " NO INHERIT" : "");

    private static string NotValidClause(bool notValid) => notValid ? " NOT VALID" : "";

    private static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(Q));

    private static string ClusterOn(string table, string? index) =>
        index is null ? $"ALTER TABLE {QN(table)} SET WITHOUT CLUSTER" : $"ALTER TABLE {QN(table)} CLUSTER ON {Q(index)}";
}
