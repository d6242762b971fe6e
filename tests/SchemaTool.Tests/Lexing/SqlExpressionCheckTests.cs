using SchemaTool.Dialects;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Dialects.MySql;
using SchemaTool.Dialects.Postgres;
using SchemaTool.Dialects.Sqlite;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Lexing;

/// <summary>A SQL field is one expression by its database's rules: what passes, and what is refused with the place.</summary>
public sealed class SqlExpressionCheckTests
{
    private static SqlLexer Lexer(string dialect) => dialect switch
    {
        "postgres" => PostgresLexer.Instance,
        "mysql" => MySqlLexer.Instance,
        _ => SqliteLexer.Instance,
    };

    public static TheoryData<string, string> Accepted => new()
    {
        { "all", "a > 0" },
        { "all", "a IN ('x;y', 'z') AND b <> ''" },
        { "all", "(a > 0) AND (b < 1 OR c IS NULL)" },
        { "all", "lower(name) <> 'root'" },
        { "all", "a > 0 -- why\n AND b > 0" },
        { "all", "a /* ; ) */ > 0" },
        { "all", "a <> 'it''s; -- /* x'" },
        { "postgres", @"a <> E'it\'s; x'" },
        { "postgres", "a <> $$a;b$$ AND a <> $t$ ' $t$" },
        { "postgres", "arr[1] > 0 AND a$b > 0 AND a <> 'ends in \\'" },
        { "postgres", "a > 0 /* nested /* ; */ still */" },
        { "mysql", @"a <> 'it\'s; x' AND a <> ""dq\"";""" },
        { "mysql", "a--1 > 0" },
        { "mysql", "a > 0 # why\n AND b > 0" },
        { "mysql", @"a <> 'a\'; DROP TABLE victim; --'" },
        { "sqlite", "[a;b] > 0 AND \"c;d\" > 0 AND `e;f` > 0" },
        { "sqlite", @"a <> 'ends in \'" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void One_expression_passes(string dialect, string expression)
    {
        foreach (var name in dialect == "all" ? ["postgres", "mysql", "sqlite"] : new[] { dialect })
            Assert.Null(SqlExpressionCheck.Find(Lexer(name), expression));
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "all", "1=1); DROP TABLE victim; --", "the ')' at character 4 closes nothing that is open" },
        { "all", "a > 0; DROP TABLE victim", "the ';' at character 6 would end the statement" },
        { "all", "(a > 0", "the '(' at character 1 is not closed" },
        { "all", "a > 0) OR (b > 0", "the ')' at character 6 closes nothing that is open" },
        { "all", "a <> 'abc", "the string that starts at character 6 is not closed" },
        { "all", "a /* x", "the comment that starts at character 3 is not closed" },
        { "all", "a > 0 -- why", "the comment at character 7 runs to the end" },
        { "all", "a > 0 -- why\n  ", "the comment at character 7 runs to the end" },
        { "all", "", "holds no SQL" },
        { "all", "  /* only */ ", "holds no SQL" },
        { "all", "a\0b", "holds the control character U+0000 at character 2" },
        { "all", "a > \u001b[31m0", "holds the control character U+001B at character 5" },
        { "postgres", "a <> \"abc", "the quoted name that starts at character 6 is not closed" },
        { "postgres", @"a <> 'a\'; DROP TABLE victim; --'", "the ';' at character 10" },
        { "postgres", @"a <> E'it\'s; x", "the string that starts at character 6 is not closed" },
        { "postgres", "a <> $x$ abc", "the dollar-quoted string that starts at character 6 is not closed" },
        { "postgres", "a > 0 /* /* */", "the comment that starts at character 7 is not closed" },
        { "postgres", "arr[1) > 0", "the ')' at character 6 does not close the '[' at character 4" },
        { "mysql", @"a <> 'it\'s", "the string that starts at character 6 is not closed" },
        { "mysql", "a <> `abc", "the quoted name that starts at character 6 is not closed" },
        { "mysql", "a > 0 /*! ; DROP TABLE victim */", "the /*! */ comment at character 7 runs what it holds as SQL" },
        { "mysql", "a > 0 # why", "the comment at character 7 runs to the end" },
        { "mysql", "a > 0 -- why\r AND b", "the comment at character 7 runs to the end" },
        { "sqlite", "[a > 0", "the quoted name that starts at character 1 is not closed" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void More_or_less_than_one_expression_is_refused_with_the_place(string dialect, string expression, string message)
    {
        foreach (var name in dialect == "all" ? ["postgres", "mysql", "sqlite"] : new[] { dialect })
        {
            var problem = SqlExpressionCheck.Find(Lexer(name), expression);
            Assert.NotNull(problem);
            Assert.Contains(message, problem.Message);
        }
    }

    // Not theory data: the test runner's serialization would replace the lone surrogate.
    [Fact]
    public void Half_a_surrogate_pair_is_refused()
    {
        var problem = SqlExpressionCheck.Find(PostgresLexer.Instance, "a <> '\ud800'");
        Assert.Contains("half of a UTF-16 surrogate pair (U+D800) at character 7", problem?.Message);
        Assert.Null(SqlExpressionCheck.Find(PostgresLexer.Instance, "a <> '\ud83d\ude00'"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("mysql")]
    public void Plan_refuses_a_model_that_did_not_come_through_the_checking_loader(string dialect)
    {
        var model = ModelLoader.Load("m.yaml", "tables:\n  t:\n    columns:\n      id: { type: int, primary_key: true }\n    checks:\n      ck: \"id > 0); DROP TABLE victim; SELECT (1\"\n");
        var error = Assert.Throws<InputException>(() => Planner.Create(DialectRegistry.Get(dialect), Schema.Empty, model));
        Assert.Equal("table 't', check 'ck': the ')' at character 7 closes nothing that is open", error.Message);
    }
}
