using SchemaTool.Dialects.Lexing;
using SchemaTool.Dialects.MySql;
using SchemaTool.Dialects.Postgres;

namespace SchemaTool.Tests.Lexing;

/// <summary>
/// A routine's definition is run by plan to be read back, so it is one CREATE of its kind up to the name and its
/// '(' (<see cref="SqlStatementCheck.Creates"/>), in every spelling the servers print and users write, and nothing else.
/// </summary>
public sealed class SqlRoutineDefinitionCheckTests
{
    public static TheoryData<string, string, string> Accepted => new()
    {
        { "postgres", "FUNCTION", "CREATE OR REPLACE FUNCTION public.f(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x $$" },
        { "postgres", "FUNCTION", "/* why */ create function \"Odd\" (x int) returns int language sql as 'select x'" },
        { "postgres", "PROCEDURE", "CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$" },
        { "postgres", "AGGREGATE", "CREATE AGGREGATE group_concat(text) (SFUNC = _group_concat, STYPE = text)" },
        { "mysql", "FUNCTION", "CREATE DEFINER=`root`@`localhost` FUNCTION `f`(x int) RETURNS int DETERMINISTIC RETURN x" },
        { "mysql", "FUNCTION", "create definer = current_user() function f (x int) returns int return x" },
        { "mysql", "FUNCTION", "CREATE DEFINER = 'app'@'%' AGGREGATE FUNCTION g(x int) RETURNS int BEGIN RETURN 1; END" },
        { "mysql", "PROCEDURE", "CREATE OR REPLACE PROCEDURE IF NOT EXISTS db.p() SELECT 1" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_create_of_the_kind_is_accepted(string dialect, string keyword, string text) =>
        Assert.Null(SqlStatementCheck.Creates(Lexer(dialect), text, keyword));

    public static TheoryData<string, string, string> Refused => new()
    {
        { "postgres", "FUNCTION", "SELECT setval('s', 999)" },
        { "postgres", "FUNCTION", "DO $$ BEGIN PERFORM 1; END $$" },
        { "postgres", "FUNCTION", "CREATE TABLE f AS SELECT 1" },
        { "postgres", "FUNCTION", "CREATE PROCEDURE f() LANGUAGE sql AS $$ SELECT 1 $$" },
        { "postgres", "PROCEDURE", "CALL p()" },
        { "postgres", "FUNCTION", "CREATE OR REPLACE RULE f AS ON INSERT TO t DO ALSO SELECT 1" },
        { "postgres", "FUNCTION", "CREATE FUNCTION" },
        { "mysql", "FUNCTION", "CREATE FUNCTION f RETURNS STRING SONAME 'lib.so'" },
        { "mysql", "FUNCTION", "CREATE DEFINER = root TABLE f (id int)" },
        { "mysql", "FUNCTION", "CREATE DEFINER = @@hostname FUNCTION f() RETURNS int RETURN 1" },
        { "mysql", "PROCEDURE", "DROP TABLE db.t" },
        { "mysql", "FUNCTION", "CREATE FUNCTION f(); DROP TABLE t" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_refused(string dialect, string keyword, string text) =>
        Assert.NotNull(SqlStatementCheck.Creates(Lexer(dialect), text, keyword));

    private static SqlLexer Lexer(string dialect) => dialect == "postgres" ? PostgresLexer.Instance : MySqlLexer.Instance;
}
