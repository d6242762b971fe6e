using SchemaTool.Dialects;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Model;

namespace SchemaTool.Planning;

/// <summary>
/// The model's SQL fields, each held to one expression by the dialect's lexer (see <see cref="SqlExpressionCheck"/>).
/// The loader checks them with file:line:column when it knows the database; this check also covers a model
/// built any other way, naming the table and the field.
/// </summary>
internal static class SqlFields
{
    public static IEnumerable<string> Find(Schema model, IDialect dialect)
    {
        var lexer = dialect.Lexer;
        foreach (var table in model.Tables)
        {
            foreach (var check in table.Checks)
                if (Problem(lexer, check.Expression) is { } p) yield return $"table '{table.Name}', check '{check.Name}': {p}";
            foreach (var column in table.Columns)
            {
                if (column.Default is { Kind: DefaultKind.Sql, Text: var sql } && Problem(lexer, sql) is { } d)
                    yield return $"table '{table.Name}', default_sql of column '{column.Name}': {d}";
                if (column.Generated is { } generated && Problem(lexer, generated.Expression) is { } g)
                    yield return $"table '{table.Name}', generated expression of column '{column.Name}': {g}";
            }
            foreach (var index in table.Indexes)
            {
                if (index.Where is { } where && Problem(lexer, where) is { } w)
                    yield return $"table '{table.Name}', where of index '{index.Name}': {w}";
                foreach (var part in index.Parts)
                    if (part.Expression is { } expression && Problem(lexer, expression) is { } e)
                        yield return $"table '{table.Name}', expression of index '{index.Name}': {e}";
            }
        }
    }

    private static string? Problem(SqlLexer lexer, string text) => SqlExpressionCheck.Find(lexer, text)?.Message;
}
