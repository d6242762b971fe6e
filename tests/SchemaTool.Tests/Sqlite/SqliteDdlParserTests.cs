using SchemaTool.Dialects.Sqlite;
using SchemaTool.Model;

namespace SchemaTool.Tests.Sqlite;

/// <summary>Index parts cut out of the CREATE INDEX text SQLite keeps, by its lexer.</summary>
public sealed class SqliteDdlParserTests
{
    [Theory]
    [InlineData("CREATE INDEX ix ON t ((a) + (b))", "(a) + (b)")]
    [InlineData("CREATE INDEX ix ON t ((a + b))", "a + b")]
    [InlineData("CREATE INDEX ix ON t (lower(a))", "lower(a)")]
    [InlineData("CREATE INDEX ix ON t (a || ')' /* ( */)", "a || ')'")]
    public void An_expression_part_keeps_its_own_parentheses(string sql, string expression) =>
        Assert.Equal(expression, SqliteDdlParser.ParseIndex(sql).Expressions.Single());

    [Fact]
    public void A_bracketed_name_holding_a_semicolon_or_quote_is_one_name()
    {
        var parsed = SqliteDdlParser.ParseTable("t", "CREATE TABLE t ([a;b\"] int, \"c\"\"d\" text CHECK ([a;b\"] > 0))");
        Assert.Equal(["a;b\"", "c\"d"], parsed.Columns.Select(c => c.Name));
        Assert.Equal("[a;b\"] > 0", parsed.Checks.Single().Expression);
    }
}

/// <summary>A default expression loses only parentheses that wrap all of it.</summary>
public sealed class SqliteDefaultParenthesesTests
{
    [Theory]
    [InlineData("(1) + (2)", "(1) + (2)")]
    [InlineData("((1) + (2))", "(1) + (2)")]
    [InlineData("((date('now')))", "date('now')")]
    [InlineData("(')') || ('(')", "(')') || ('(')")]
    public void Only_parentheses_around_the_whole_default_go(string defaultSql, string canonical)
    {
        var model = new Schema([new Table("t", new Column[]
        {
            new("d", "text", Default: ColumnDefault.Sql(defaultSql)),
        }.ToValueList())]);
        Assert.Equal(canonical, new SqliteDialect().Normalize(model).Tables[0].Columns[0].Default!.Text);
    }
}
