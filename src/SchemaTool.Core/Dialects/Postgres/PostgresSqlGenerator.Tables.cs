using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    private static IReadOnlyList<string> CreateTable(Table table)
    {
        var lines = table.Columns.Select(ColumnDefinition).ToList();
        if (table.PrimaryKey is { } pk) lines.Add(PrimaryKeyClause(pk));
        lines.AddRange(table.Indexes.Where(i => i.Constraint).Select(UniqueConstraintClause));
        lines.AddRange(table.ForeignKeys.Select(ForeignKeyClause));
        lines.AddRange(table.Checks.Select(CheckClause));

        var statements = new List<string> { $"CREATE TABLE {Q(table.Name)} (\n    {string.Join(",\n    ", lines)}\n)" };
        foreach (var index in table.Indexes.Where(i => !i.Constraint))
            statements.Add(CreateIndexStatement(table.Name, index));
        if (table.Comment is not null) statements.Add(CommentOn("TABLE", Q(table.Name), table.Comment));
        foreach (var column in table.Columns.Where(c => c.Comment is not null))
            statements.Add(CommentOn("COLUMN", $"{Q(table.Name)}.{Q(column.Name)}", column.Comment));
        foreach (var index in table.Indexes.Where(i => i.Comment is not null))
            statements.Add(CommentOn("INDEX", Q(index.Name), index.Comment));
        return statements;
    }

    private static string PrimaryKeyClause(PrimaryKey key) =>
        (key.Name is null ? "" : $"CONSTRAINT {Q(key.Name)} ") + $"PRIMARY KEY ({Columns(key.Columns)})";

    private static string UniqueConstraintClause(TableIndex index) =>
        $"CONSTRAINT {Q(index.Name)} UNIQUE ({Columns(index.ColumnNames ?? throw new NotSupportedException($"unique constraint {index.Name} must list plain columns"))})";

    private static string ForeignKeyClause(ForeignKey key)
    {
        var text = $"CONSTRAINT {Q(key.Name)} FOREIGN KEY ({Columns(key.Columns)}) REFERENCES {Q(key.ReferencedTable)} ({Columns(key.ReferencedColumns)})";
        if (key.OnDelete != ReferentialAction.NoAction) text += " ON DELETE " + key.OnDelete.ToSql();
        if (key.OnUpdate != ReferentialAction.NoAction) text += " ON UPDATE " + key.OnUpdate.ToSql();
        return text + key.Deferrable switch
        {
            Deferrability.InitiallyImmediate => " DEFERRABLE INITIALLY IMMEDIATE",
            Deferrability.InitiallyDeferred => " DEFERRABLE INITIALLY DEFERRED",
            _ => "",
        };
    }

    private static string CheckClause(Check check) => $"CONSTRAINT {Q(check.Name)} CHECK ({check.Expression})";

    private static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(Q));
}
