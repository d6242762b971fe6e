using SchemaTool.Dialects.Postgres;

namespace SchemaTool.Tests.Lexing;

/// <summary>Scripts as a person edits them, and the statements PostgreSQL (and psql) reads in them.</summary>
public sealed class PostgresSplitTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "SELECT 1; SELECT 2;", ["SELECT 1", "SELECT 2"] },
        { "SELECT 1;;; SELECT 2", ["SELECT 1", "SELECT 2"] },
        // E'' strings escape with a backslash; plain strings do not (standard_conforming_strings is on).
        { @"SELECT E'it\'s; x'; SELECT 2", [@"SELECT E'it\'s; x'", "SELECT 2"] },
        { @"SELECT e'a\\'; SELECT 2", [@"SELECT e'a\\'", "SELECT 2"] },
        { @"SELECT 'a\'; SELECT 2", [@"SELECT 'a\'", "SELECT 2"] },
        { "SELECT 'it''s; x'; SELECT 2", ["SELECT 'it''s; x'", "SELECT 2"] },
        { @"SELECT U&'d\0061t;a', B'01', X'1f;'; SELECT 2", [@"SELECT U&'d\0061t;a', B'01', X'1f;'", "SELECT 2"] },
        // A $ inside a name is part of it, not a dollar quote.
        { "CREATE TABLE a$b$c (x int); SELECT 1;", ["CREATE TABLE a$b$c (x int)", "SELECT 1"] },
        { "SELECT a$b, $1, $2 FROM t; SELECT 2", ["SELECT a$b, $1, $2 FROM t", "SELECT 2"] },
        { "SELECT $$a;b$$; SELECT $tag$ $$ ; $tag$;", ["SELECT $$a;b$$", "SELECT $tag$ $$ ; $tag$"] },
        { "SELECT $_x1$;$_x1$; SELECT 2", ["SELECT $_x1$;$_x1$", "SELECT 2"] },
        // Comments nest.
        { "/* outer /* inner; */ still; */ SELECT 1; SELECT 2", ["SELECT 1", "SELECT 2"] },
        { "-- a; b\nSELECT 1; -- c\n", ["SELECT 1"] },
        { "SELECT 1 -- trailing; comment\n; SELECT 2", ["SELECT 1", "SELECT 2"] },
        { "SELECT 1 /* inside */ + 2; SELECT 3", ["SELECT 1 /* inside */ + 2", "SELECT 3"] },
        { "SELECT 1 -- ends at a carriage return\rSELECT 2; SELECT 3", ["SELECT 1 -- ends at a carriage return\rSELECT 2", "SELECT 3"] },
        { "SELECT '--'; SELECT '/*'; SELECT 2", ["SELECT '--'", "SELECT '/*'", "SELECT 2"] },
        { "SELECT \"a;b\"; SELECT \"x\"\"y;\"", ["SELECT \"a;b\"", "SELECT \"x\"\"y;\""] },
        // -- starts a comment even right after a name or inside an operator.
        { "SELECT a--1; SELECT 2", ["SELECT a"] },
        { "SELECT 1 +-- c\n 2; SELECT 3", ["SELECT 1 +-- c\n 2", "SELECT 3"] },
        // SQL-standard function bodies, with CASE ... END inside.
        {
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END; SELECT 2;",
            ["CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END", "SELECT 2"]
        },
        {
            "create or replace procedure p() language sql begin atomic insert into t values (1); insert into t values (2); end;\nselect 3",
            ["create or replace procedure p() language sql begin atomic insert into t values (1); insert into t values (2); end", "select 3"]
        },
        // A parameter called begin opens no body.
        { "CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN begin + 1; SELECT 1", ["CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql RETURN begin + 1", "SELECT 1"] },
        {
            "CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  IF x THEN y; END IF;\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\nSELECT 1",
            ["CREATE FUNCTION f() RETURNS trigger AS $$\nBEGIN\n  IF x THEN y; END IF;\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql", "SELECT 1"]
        },
        { "DO $body$ BEGIN PERFORM 1; END $body$; SELECT 1", ["DO $body$ BEGIN PERFORM 1; END $body$", "SELECT 1"] },
        // A transaction's BEGIN is a statement of its own.
        { "BEGIN; SELECT 1; COMMIT;", ["BEGIN", "SELECT 1", "COMMIT"] },
        // Inside parentheses, as psql reads a rule's commands.
        {
            "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1",
            ["CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))", "SELECT 1"]
        },
        { "SELECT 'abc; SELECT 2", ["SELECT 'abc; SELECT 2"] },
        { "SELECT 1;\r\n-- c\r\nSELECT 2;\r\n", ["SELECT 1", "SELECT 2"] },
        { "-- only a comment\n/* and another */", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_where_PostgreSQL_ends_a_statement(string script, string[] statements) =>
        Assert.Equal(statements, ((SchemaTool.Dialects.IDialect)new PostgresDialect()).SplitStatements(script));
}
