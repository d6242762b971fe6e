using SchemaTool.Diff;
using SchemaTool.Model;
using static SchemaTool.Dialects.MySql.MySqlText;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// SQL for each operation. Every operation is exactly one statement: MySQL commits each DDL statement by itself,
/// so one statement per operation makes every point of a revision a safe place to stop and resume, and keeps
/// the n-th statement of a down file the undoing of the n-th from the end of its up file.
/// </summary>
public static partial class MySqlSqlGenerator
{
    public static IReadOnlyList<string> Generate(Operation operation) => [operation switch
    {
        CreateTable op => CreateTable(op.Table),
        DropTable op => $"DROP TABLE {Quote(op.Table.Name)}",
        RenameTable op => $"RENAME TABLE {Quote(op.From)} TO {Quote(op.To)}",
        CombinedAlterTable op => $"ALTER TABLE {Quote(op.Table)} " + string.Join(", ", op.InStatementOrder.Select(Clause)),
        RebuildTable => throw new NotSupportedException("MySQL alters tables in place; table rebuilds are SQLite's"),
        CreateView { View.Materialized: false } op => MySqlObjectText.CreateView(op.View),
        ReplaceView { To.Materialized: false } op => MySqlObjectText.CreateView(op.To, replace: true),
        DropView { View.Materialized: false } op => $"DROP VIEW {Quote(op.View.Name)}",
        CreateTrigger op => MySqlObjectText.CreateTrigger(op.Trigger),
        DropTrigger op => $"DROP TRIGGER {Quote(op.Trigger.Name)}",
        CreateRoutine op => op.Routine.Definition,
        CreateEvent op => MySqlObjectText.CreateEvent(op.Event),
        DropEvent op => $"DROP EVENT {Quote(op.Event.Name)}",
        SetObjectComment { Kind: SchemaObjectKind.Event } op => $"ALTER EVENT {Quote(op.Name)} COMMENT {String(op.To ?? "")}",
        CreateSequence op => MySqlSequences.Create(op.Sequence),
        DropSequence op => $"DROP SEQUENCE {Quote(op.Sequence.Name)}",
        AlterSequence op => MySqlSequences.Alter(op.To),
        RenameSequence op => $"RENAME TABLE {Quote(op.From)} TO {Quote(op.To)}",
        // A sequence is a table to MariaDB: its comment is the table's.
        SetObjectComment { Kind: SchemaObjectKind.Sequence } op => $"ALTER TABLE {Quote(op.Name)} COMMENT = {String(op.To ?? "")}",
        DropRoutine op => $"DROP {(op.Routine.Kind == RoutineKind.Function ? "FUNCTION" : "PROCEDURE")} {Quote(op.Routine.Name)}",
        ReplaceRoutine => throw new NotSupportedException("MySQL has no CREATE OR REPLACE of a routine on MySQL 8; the dialect rewrites it into a drop and a create"),
        SetObjectComment { Kind: SchemaObjectKind.View or SchemaObjectKind.Trigger } op =>
            throw new NotSupportedException($"MySQL {op.Kind.Plural()} have no comments"),
        SetObjectComment { Kind: SchemaObjectKind.Function or SchemaObjectKind.Procedure } =>
            throw new NotSupportedException("a MySQL routine's comment is part of its definition (COMMENT '...')"),
        _ when operation.ObjectKind != SchemaObjectKind.Table =>
            throw new NotSupportedException($"{operation.ObjectKind.Plural()} are not modelled on MySQL in this version: no SQL to {operation.Describe()}"),
        _ => $"ALTER TABLE {Quote(operation.TableName)} {Clause(operation)}",
    }];

    /// <summary>What follows <c>ALTER TABLE t</c> for an operation that alters one table.</summary>
    private static string Clause(Operation operation) => operation switch
    {
        SetTableComment op => $"COMMENT = {String(op.To ?? "")}",
        AlterTableOptions op => TableOptions(op),
        AddColumn op => $"ADD COLUMN {ColumnDefinition(op.Column)}",
        AddColumnAt op => $"ADD COLUMN {ColumnDefinition(op.Column)} {Position(op.After)}",
        DropColumn op => $"DROP COLUMN {Quote(op.Column.Name)}",
        DropColumnAt op => $"DROP COLUMN {Quote(op.Column.Name)}",
        RenameColumn op => $"RENAME COLUMN {Quote(op.From)} TO {Quote(op.To)}",
        AlterColumn op => $"MODIFY COLUMN {ColumnDefinition(op.To)}",
        MoveColumn op => $"MODIFY COLUMN {ColumnDefinition(op.Column)} {Position(op.After)}",
        AddPrimaryKey op => $"ADD PRIMARY KEY {ColumnList(op.Key.Columns)}",
        DropPrimaryKey => "DROP PRIMARY KEY",
        CreateIndex op => $"ADD {IndexDefinition(op.Index)}",
        DropIndex op => $"DROP INDEX {Quote(op.Index.Name)}",
        // A unique constraint is an index to MySQL; RENAME INDEX is MySQL 5.7's and MariaDB 10.5's.
        RenameIndex op => $"RENAME INDEX {Quote(op.From)} TO {Quote(op.To)}",
        AddForeignKey op => $"ADD {ForeignKeyDefinition(op.Key)}",
        DropForeignKey op => $"DROP FOREIGN KEY {Quote(op.Key.Name)}",
        AddCheck op => $"ADD {CheckDefinition(op.Check)}",
        // DROP CONSTRAINT works for checks on MariaDB and on MySQL from 8.0.19; DROP CHECK is MySQL's alone.
        DropCheck op => $"DROP CONSTRAINT {Quote(op.Check.Name)}",
        _ => throw new NotSupportedException($"the MySQL dialect has no SQL for {operation.GetType().Name}"),
    };

    private static string Position(string? after) => after is null ? "FIRST" : "AFTER " + Quote(after);

    private static string ColumnList(IEnumerable<string> columns) => "(" + string.Join(", ", columns.Select(Quote)) + ")";
}
