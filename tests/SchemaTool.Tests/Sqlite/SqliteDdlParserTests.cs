using SchemaTool.Dialects.Sqlite;

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
