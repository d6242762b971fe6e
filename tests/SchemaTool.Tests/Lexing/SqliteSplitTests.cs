using SchemaTool.Dialects.Sqlite;

namespace SchemaTool.Tests.Lexing;

/// <summary>Scripts as a person edits them, and the statements SQLite reads in them (as sqlite3_complete() decides).</summary>
public sealed class SqliteSplitTests
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "SELECT 1; SELECT 2;", ["SELECT 1", "SELECT 2"] },
        { "SELECT [a;b] FROM t; SELECT 2", ["SELECT [a;b] FROM t", "SELECT 2"] },
        { "SELECT [a\"b;] FROM t; SELECT 2", ["SELECT [a\"b;] FROM t", "SELECT 2"] },
        { "SELECT 'it''s; x'; SELECT \"a;b\"; SELECT `c;d`", ["SELECT 'it''s; x'", "SELECT \"a;b\"", "SELECT `c;d`"] },
        // No backslash escapes.
        { @"SELECT 'a\'; SELECT 2", [@"SELECT 'a\'", "SELECT 2"] },
        { "SELECT a--1; SELECT 2", ["SELECT a"] },
        { "SELECT a$b, $x, :y, @z, ?1 FROM t; SELECT 2", ["SELECT a$b, $x, :y, @z, ?1 FROM t", "SELECT 2"] },
        { "SELECT 1 /* c; */; SELECT 2", ["SELECT 1", "SELECT 2"] },
        { "SELECT 1; /* unterminated; SELECT 2", ["SELECT 1"] },
        { "SELECT x'ab;'; SELECT 2", ["SELECT x'ab;'", "SELECT 2"] },
        // A trigger ends at "; END;", whatever CASE ... END it holds.
        {
            "CREATE TRIGGER trg AFTER INSERT ON t BEGIN UPDATE t SET a = CASE WHEN new.a > 0 THEN 1 ELSE 0 END; INSERT INTO log VALUES (new.a); END; SELECT 1",
            ["CREATE TRIGGER trg AFTER INSERT ON t BEGIN UPDATE t SET a = CASE WHEN new.a > 0 THEN 1 ELSE 0 END; INSERT INTO log VALUES (new.a); END", "SELECT 1"]
        },
        {
            "create temp trigger \"end\" after update on t for each row when new.a is not null begin select raise(abort, 'x;y'); end;\nselect 2",
            ["create temp trigger \"end\" after update on t for each row when new.a is not null begin select raise(abort, 'x;y'); end", "select 2"]
        },
        // A transaction's BEGIN and END are statements of their own.
        { "BEGIN; SELECT 1; END;", ["BEGIN", "SELECT 1", "END"] },
        { "CREATE TABLE trigger (begin, \"end\"); SELECT 1", ["CREATE TABLE trigger (begin, \"end\")", "SELECT 1"] },
        { "-- a; b\nSELECT 1; -- c", ["SELECT 1"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_where_SQLite_ends_a_statement(string script, string[] statements) =>
        Assert.Equal(statements, ((SchemaTool.Dialects.IDialect)new SqliteDialect()).SplitStatements(script));
}
