using System.Text;
using SchemaTool.Diff;
using SchemaTool.Model;
using static SchemaTool.Dialects.MySql.MySqlText;

namespace SchemaTool.Dialects.MySql;

public static partial class MySqlSqlGenerator
{
    private static string CreateTable(Table table)
    {
        var lines = new List<string>();
        lines.AddRange(table.Columns.Select(ColumnDefinition));
        if (table.PrimaryKey is { } pk) lines.Add("PRIMARY KEY " + ColumnList(pk.Columns));
        lines.AddRange(table.Indexes.Select(IndexDefinition));
        lines.AddRange(table.ForeignKeys.Select(ForeignKeyDefinition));
        lines.AddRange(table.Checks.Select(CheckDefinition));
        var text = new StringBuilder($"CREATE TABLE {Quote(table.Name)} (\n  ");
        text.Append(string.Join(",\n  ", lines)).Append("\n) ENGINE=").Append(table.Options?.Engine ?? MySqlTableOptions.DefaultEngine);
        if (table.Options?.Charset is { } charset) text.Append(" DEFAULT CHARSET=").Append(charset);
        if (table.Options?.Collation is { } collation) text.Append(" COLLATE=").Append(collation);
        if (table.Options?.RowFormat is { } rowFormat) text.Append(" ROW_FORMAT=").Append(rowFormat);
        if (table.Options?.KeyBlockSize is { } keyBlockSize) text.Append(" KEY_BLOCK_SIZE=").Append(keyBlockSize);
        if (table.Comment is { } comment) text.Append(" COMMENT=").Append(String(comment));
        return text.ToString();
    }

    /// <summary>
    /// The options that change. DEFAULT CHARSET and COLLATE change only the default of columns made later; the
    /// rewriter alters the columns that follow the table (CONVERT TO would convert every column, its own collation or not).
    /// </summary>
    private static string TableOptions(AlterTableOptions op)
    {
        var (from, to) = (op.From ?? new(), op.To ?? new());
        var clauses = new List<string>();
        if (!(from.Engine ?? MySqlTableOptions.DefaultEngine).Equals(to.Engine ?? MySqlTableOptions.DefaultEngine, StringComparison.OrdinalIgnoreCase))
            clauses.Add("ENGINE=" + (to.Engine ?? MySqlTableOptions.DefaultEngine));
        if ((from.Charset != to.Charset || from.Collation != to.Collation) && to.Charset is not null)
            clauses.Add($"DEFAULT CHARSET={to.Charset}" + (to.Collation is { } collation ? " COLLATE=" + collation : ""));
        if (from.RowFormat != to.RowFormat) clauses.Add("ROW_FORMAT=" + (to.RowFormat ?? "DEFAULT"));
        // 0 is none stated: the server's default.
        if (from.KeyBlockSize != to.KeyBlockSize) clauses.Add("KEY_BLOCK_SIZE=" + (to.KeyBlockSize ?? 0));
        return string.Join(", ", clauses);
    }

    public static string ColumnDefinition(Column column)
    {
        var text = new StringBuilder(Quote(column.Name)).Append(' ').Append(MySqlTypes.ToSql(column.Type));
        if (column.Collation is { } collation) text.Append(" COLLATE ").Append(collation);
        if (column.Generated is { } generated)
            text.Append(" AS (").Append(generated.Expression).Append(generated.Stored ? ") STORED" : ") VIRTUAL");
        else
        {
            text.Append(column.Nullable ? " NULL" : " NOT NULL");
            if (column.Default is { } value) text.Append(" DEFAULT ").Append(MySqlDefaults.ToSql(value));
            if (column.AutoIncrement) text.Append(" AUTO_INCREMENT");
        }
        if (column.Comment is { } comment) text.Append(" COMMENT ").Append(String(comment));
        if (column.Check is { } check) text.Append(" CHECK (").Append(check).Append(')');
        return text.ToString();
    }

    private static string IndexDefinition(TableIndex index)
    {
        var kind = index.Method switch
        {
            "fulltext" => "FULLTEXT INDEX",
            "spatial" => "SPATIAL INDEX",
            _ => index.Unique ? "UNIQUE INDEX" : "INDEX",
        };
        var parts = index.Parts.Select(p =>
            (p.Column is not null ? Quote(p.Column) : "(" + p.Expression + ")")
            + (p.Length is { } length ? $"({length})" : "")
            + (p.Descending ? " DESC" : ""));
        var text = $"{kind} {Quote(index.Name)} ({string.Join(", ", parts)})";
        return index.Comment is { } comment ? text + " COMMENT " + String(comment) : text;
    }

    private static string ForeignKeyDefinition(ForeignKey fk)
    {
        var text = $"CONSTRAINT {Quote(fk.Name)} FOREIGN KEY {ColumnList(fk.Columns)} REFERENCES {Quote(fk.ReferencedTable)} {ColumnList(fk.ReferencedColumns)}";
        if (fk.OnDelete != ReferentialAction.NoAction) text += " ON DELETE " + fk.OnDelete.ToSql();
        if (fk.OnUpdate != ReferentialAction.NoAction) text += " ON UPDATE " + fk.OnUpdate.ToSql();
        return text;
    }

    private static string CheckDefinition(Check check) => $"CONSTRAINT {Quote(check.Name)} CHECK ({check.Expression})";
}
