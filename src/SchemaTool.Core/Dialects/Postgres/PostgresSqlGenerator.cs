using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>The PostgreSQL statements of each operation kind; one method per kind, split by concern in partial files.</summary>
public static partial class PostgresSqlGenerator
{
    public static IReadOnlyList<string> Generate(Operation operation) => operation switch
    {
        CreateTable op => CreateTable(op.Table),
        DropTable op => [$"DROP TABLE {QN(op.Table.Name)}"],
        RenameTable op => [$"ALTER TABLE {QN(op.From)} RENAME TO {QLocal(op.To)}"],
        SetTableComment op => [CommentOn("TABLE", QN(op.Table), op.To)],
        AlterTableOptions op => AlterTableOptions(op),
        SetClusterIndex op => [ClusterOn(op.Table, op.To)],
        SetIndexStorage op => SetIndexStorage(op),
        AddColumn op => AddColumn(op.Table, op.Column),
        DropColumn op => [$"ALTER TABLE {QN(op.Table)} DROP COLUMN {Q(op.Column.Name)}"],
        RenameColumn op => [$"ALTER TABLE {QN(op.Table)} RENAME COLUMN {Q(op.From)} TO {Q(op.To)}"],
        AlterColumn op => AlterColumn(op),
        AddPrimaryKey op => [$"ALTER TABLE {QN(op.Table)} ADD {PrimaryKeyClause(op.Key)}"],
        DropPrimaryKey op => [DropConstraint(op.Table, op.Key.Name ?? DefaultPrimaryKeyName(op.Table))],
        CreateIndex op => CreateIndex(op.Table, op.Index),
        DropIndex op => [op.Index.Constraint ? DropConstraint(op.Table, op.Index.Name) : $"DROP INDEX {QIndex(op.Table, op.Index.Name)}"],
        // Renaming a unique constraint renames its index with it.
        RenameIndex op => [op.IsConstraint
            ? $"ALTER TABLE {QN(op.Table)} RENAME CONSTRAINT {Q(op.From)} TO {Q(op.To)}"
            : $"ALTER INDEX {QIndex(op.Table, op.From)} RENAME TO {Q(op.To)}"],
        AddForeignKey op => [$"ALTER TABLE {QN(op.Table)} ADD {ForeignKeyClause(op.Key)}{NotValidClause(op.Key.NotValid)}"],
        DropForeignKey op => [DropConstraint(op.Table, op.Key.Name)],
        AddCheck op => [$"ALTER TABLE {QN(op.Table)} ADD {CheckClause(op.Check)}{NotValidClause(op.Check.NotValid)}"],
        DropCheck op => [DropConstraint(op.Table, op.Check.Name)],
        CreatePartition op => CreatePartition(op.Table, op.Partition).ToList(),
        DropPartition op => [$"DROP TABLE {QN(op.Partition.Name)}"],
        RebuildTable => throw new NotSupportedException("PostgreSQL alters tables in place; a table rebuild is a SQLite operation"),
        _ when ExclusionStatements(operation) is { } exclusions => exclusions,
        _ when TypeStatements(operation) is { } statements => statements,
        _ when CompositeStatements(operation) is { } composites => composites,
        _ when ViewStatements(operation) is { } views => views,
        _ when RoutineStatements(operation) is { } routines => routines,
        _ when operation.ObjectKind != SchemaObjectKind.Table =>
            throw new NotSupportedException($"{operation.ObjectKind.Plural()} are not modelled on PostgreSQL in this version: no SQL to {operation.Describe()}"),
        _ => throw new NotSupportedException($"the PostgreSQL dialect has no SQL for {operation.GetType().Name}"),
    };

    /// <summary>A double-quoted identifier with embedded quotes doubled.</summary>
    public static string Q(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>The name PostgreSQL gives a primary key declared without one.</summary>
    public static string DefaultPrimaryKeyName(string table) => PostgresNumbering.ObjectName(QualifiedName.LocalOf(table), null, "pkey");

    private static string DropConstraint(string table, string name) => $"ALTER TABLE {QN(table)} DROP CONSTRAINT {Q(name)}";

    private static string CommentOn(string kind, string target, string? comment) =>
        $"COMMENT ON {kind} {target} IS {(comment is null ? "NULL" : SqlLiterals.String(comment))}";
}
