using SchemaTool.Dialects.Lexing;

namespace SchemaTool.Yaml.Objects;

/// <summary>
/// The checks of the objects' SQL fields for <see cref="YamlNodes.Sql(Reading.YamlValue, string, Func{SqlLexer, string, SqlFieldProblem?})"/>.
/// A blank field passes here: its reader names it as missing, once.
/// </summary>
internal static class SqlChecks
{
    public static SqlFieldProblem? Expression(SqlLexer lexer, string text) => Blank(text) ? null : SqlExpressionCheck.Find(lexer, text);

    public static SqlFieldProblem? Statement(SqlLexer lexer, string text) => Blank(text) ? null : SqlStatementCheck.Statement(lexer, text);

    /// <summary>A routine's definition: one CREATE statement of its kind (see <see cref="SqlStatementCheck.Creates"/>).</summary>
    public static Func<SqlLexer, string, SqlFieldProblem?> Creates(string keyword, string name) =>
        (lexer, text) => Blank(text) ? null : SqlStatementCheck.Creates(lexer, text, keyword, name);

    public static SqlFieldProblem? TriggerBody(SqlLexer lexer, string text) => Blank(text) ? null : SqlStatementCheck.TriggerBody(lexer, text);

    public static SqlFieldProblem? EventBody(SqlLexer lexer, string text) => Blank(text) ? null : SqlStatementCheck.EventBody(lexer, text);

    private static bool Blank(string text) => string.IsNullOrWhiteSpace(text);
}
