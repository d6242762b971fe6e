using SchemaTool.Dialects;
using SchemaTool.Dialects.Lexing;
using SchemaTool.Dialects.MySql;
using SchemaTool.Dialects.Postgres;
using SchemaTool.Dialects.Sqlite;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Lexing;

/// <summary>
/// A view's query and a routine's CREATE are one statement, a trigger's or an event's body stays inside its
/// statement: by the database's lexer, a ';' that would end the statement early is refused, at load with the
/// file, line and column, and at plan for a model built any other way.
/// </summary>
public sealed class SqlStatementCheckTests
{
    private static SqlLexer Lexer(string dialect) => dialect switch
    {
        "postgres" => PostgresLexer.Instance,
        "mysql" => MySqlLexer.Instance,
        _ => SqliteLexer.Instance,
    };

    private static IEnumerable<string> Dialects(string dialect) => dialect == "all" ? ["postgres", "mysql", "sqlite"] : [dialect];

    private static SqlFieldProblem? Check(string kind, SqlLexer lexer, string text) => kind switch
    {
        "statement" => SqlStatementCheck.Statement(lexer, text),
        "trigger" => SqlStatementCheck.TriggerBody(lexer, text),
        _ => SqlStatementCheck.EventBody(lexer, text),
    };

    public static TheoryData<string, string, string> Accepted => new()
    {
        { "all", "statement", "SELECT id, ';' AS semi FROM users WHERE name <> 'a;b' /* ; */" },
        { "all", "statement", "SELECT id FROM users -- why\n WHERE active" },
        { "postgres", "statement", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; SELECT 2 $$" },
        { "postgres", "statement", "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END" },
        { "mysql", "statement", "CREATE PROCEDURE p() BEGIN SELECT 1; IF 1 THEN SELECT 2; END IF; END" },
        { "sqlite", "trigger", "UPDATE users SET n = n + 1 WHERE id = NEW.id; INSERT INTO log VALUES (CASE WHEN NEW.id > 0 THEN 1 ELSE 0 END);" },
        { "mysql", "trigger", "SET NEW.n = 1; IF NEW.id > 0 THEN SET NEW.m = 2; END IF;" },
        { "sqlite", "trigger", "UPDATE users SET n = 1; -- the end" },
        { "mysql", "event", "DELETE FROM sessions WHERE expires < NOW()" },
        { "mysql", "event", "BEGIN DELETE FROM a; DELETE FROM b; END" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void One_statement_passes(string dialect, string kind, string text)
    {
        foreach (var name in Dialects(dialect))
            Assert.Null(Check(kind, Lexer(name), text));
    }

    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "all", "statement", "SELECT 1; DROP TABLE victim", "the ';' at character 9 would end the statement early" },
        { "all", "statement", "SELECT 1;", "the ';' at character 9 ends the statement, which schematool ends itself; remove it" },
        { "all", "statement", "SELECT 1 -- why", "the comment at character 10 runs to the end" },
        { "all", "statement", "SELECT 'abc", "the string that starts at character 8 is not closed" },
        { "all", "statement", "SELECT \u0000 1", "holds the control character U+0000 at character 8" },
        { "postgres", "statement", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1", "the dollar-quoted string that starts at character 49 is not closed" },
        { "mysql", "statement", "CREATE PROCEDURE p() BEGIN SELECT 1; END; DROP TABLE victim", "the ';' at character 41 would end the statement early" },
        { "mysql", "statement", "SELECT 1 /*! ; DROP TABLE victim */", "the /*! */ comment at character 10" },
        { "sqlite", "trigger", "UPDATE users SET n = 1; END; DROP TABLE victim;", "the ';' at character 28 would end the statement early" },
        { "mysql", "trigger", "SET NEW.n = 1; END; DROP TABLE victim;", "the ';' at character 19 would end the statement early" },
        { "sqlite", "trigger", "UPDATE users SET n = 'x;", "the string that starts at character 22 is not closed" },
        { "mysql", "event", "DELETE FROM a; DROP TABLE victim", "the ';' at character 14 would end the statement early" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void More_than_one_statement_is_refused_with_the_place(string dialect, string kind, string text, string message)
    {
        foreach (var name in Dialects(dialect))
        {
            var problem = Check(kind, Lexer(name), text);
            Assert.NotNull(problem);
            Assert.Contains(message, problem.Message);
        }
    }

    [Fact]
    public void The_loader_names_the_file_line_and_column_of_each_object_field()
    {
        const string yaml = """
            views:
              v: { sql: "SELECT 1; DROP TABLE victim" }
            triggers:
              t: { table: users, timing: after, events: [insert], when: "1); DROP TABLE victim; --", body: "SELECT 1; END; DROP TABLE victim;" }
            functions:
              f: { definition: "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$; DROP TABLE victim" }
            types:
              d: { domain: int, check: "VALUE > 0; DROP TABLE victim" }
            """;
        var error = Assert.Throws<ModelException>(() => ModelLoader.Load("m.yaml", yaml, SqliteLexer.Instance));
        Assert.Contains("m.yaml:2:13: sql of view 'v': the ';' at character 9 would end the statement early", error.Message);
        Assert.Contains("m.yaml:4:61: when of trigger 't': the ')' at character 2 closes nothing that is open", error.Message);
        Assert.Contains("m.yaml:4:96: body of trigger 't': the ';' at character 14 would end the statement early", error.Message);
        Assert.Contains("m.yaml:6:20: definition of function 'f': the ';' at character 63 would end the statement early", error.Message);
        Assert.Contains("m.yaml:8:28: check of type 'd': the ';' at character 10 would end the statement", error.Message);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("mysql")]
    public void Plan_refuses_an_object_that_did_not_come_through_the_checking_loader(string dialect)
    {
        var model = ModelLoader.Load("m.yaml", "views:\n  v: { sql: \"SELECT 1; DROP TABLE victim\" }\n");
        var error = Assert.Throws<InputException>(() => Planner.Create(DialectRegistry.Get(dialect), Schema.Empty, model));
        Assert.StartsWith("view 'v', sql: the ';' at character 9 would end the statement early", error.Message);
    }
}
