using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    private static IReadOnlyList<string> CreateIndex(string table, TableIndex index, bool concurrently = false)
    {
        var statements = new List<string>
        {
            index.Constraint ? $"ALTER TABLE {QN(table)} ADD {UniqueConstraintClause(index)}" : CreateIndexStatement(table, index, concurrently),
        };
        if (index.Comment is not null) statements.Add(CommentOn("INDEX", QIndex(table, index.Name), index.Comment));
        return statements;
    }

    private static string CreateIndexStatement(string table, TableIndex index, bool concurrently = false)
    {
        var text = $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {(concurrently ? "CONCURRENTLY " : "")}{Q(index.Name)} ON {QN(table)}";
        if (index.Method is not null) text += $" USING {index.Method}";
        text += $" ({string.Join(", ", index.Parts.Select(IndexPartSql))})";
        if (index.Include.Count > 0) text += $" INCLUDE ({Columns(index.Include)})";
        if (index.NullsNotDistinct) text += " NULLS NOT DISTINCT";
        text += WithClause(index.With);
        if (index.Where is not null) text += $" WHERE {index.Where}";
        return text;
    }

    private static string IndexPartSql(IndexPart part)
    {
        var text = part.Column is not null ? Q(part.Column) : $"({part.Expression})";
        if (part.Collation is not null) text += $" COLLATE {Q(part.Collation)}";
        if (part.OpClass is not null) text += $" {part.OpClass}";
        if (part.Descending) text += " DESC";
        if (part.Nulls is { } nulls) text += nulls == NullsOrder.First ? " NULLS FIRST" : " NULLS LAST";
        return text;
    }
}
