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
        SetTableComment op => $"ALTER TABLE {Quote(op.Table)} COMMENT = {String(op.To ?? "")}",
        AddColumn op => $"ALTER TABLE {Quote(op.Table)} ADD COLUMN {ColumnDefinition(op.Column)}",
        AddColumnAt op => $"ALTER TABLE {Quote(op.Table)} ADD COLUMN {ColumnDefinition(op.Column)} {Position(op.After)}",
        DropColumn op => $"ALTER TABLE {Quote(op.Table)} DROP COLUMN {Quote(op.Column.Name)}",
        DropColumnAt op => $"ALTER TABLE {Quote(op.Table)} DROP COLUMN {Quote(op.Column.Name)}",
        RenameColumn op => $"ALTER TABLE {Quote(op.Table)} RENAME COLUMN {Quote(op.From)} TO {Quote(op.To)}",
        AlterColumn op => $"ALTER TABLE {Quote(op.Table)} MODIFY COLUMN {ColumnDefinition(op.To)}",
        AddPrimaryKey op => $"ALTER TABLE {Quote(op.Table)} ADD PRIMARY KEY {ColumnList(op.Key.Columns)}",
        DropPrimaryKey op => $"ALTER TABLE {Quote(op.Table)} DROP PRIMARY KEY",
        CreateIndex op => $"ALTER TABLE {Quote(op.Table)} ADD {IndexDefinition(op.Index)}",
        DropIndex op => $"ALTER TABLE {Quote(op.Table)} DROP INDEX {Quote(op.Index.Name)}",
        AddForeignKey op => $"ALTER TABLE {Quote(op.Table)} ADD {ForeignKeyDefinition(op.Key)}",
        DropForeignKey op => $"ALTER TABLE {Quote(op.Table)} DROP FOREIGN KEY {Quote(op.Key.Name)}",
        AddCheck op => $"ALTER TABLE {Quote(op.Table)} ADD {CheckDefinition(op.Check)}",
        // DROP CONSTRAINT works for checks on MariaDB and on MySQL from 8.0.19; DROP CHECK is MySQL's alone.
        DropCheck op => $"ALTER TABLE {Quote(op.Table)} DROP CONSTRAINT {Quote(op.Check.Name)}",
        RebuildTable => throw new NotSupportedException("MySQL alters tables in place; table rebuilds are SQLite's"),
        _ => throw new NotSupportedException($"the MySQL dialect has no SQL for {operation.GetType().Name}"),
    }];

    private static string Position(string? after) => after is null ? "FIRST" : "AFTER " + Quote(after);

    private static string ColumnList(IEnumerable<string> columns) => "(" + string.Join(", ", columns.Select(Quote)) + ")";
}
