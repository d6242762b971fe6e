using SchemaTool.Dialects.MySql;

namespace SchemaTool.Tests.Lexing;

/// <summary>Scripts as a person edits them, and the statements MySQL and MariaDB read in them.</summary>
public sealed class MySqlSplitTests
{
    private const string Procedure = """
        CREATE PROCEDURE p(IN x INT)
        BEGIN
          DECLARE i INT DEFAULT 0;
          DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN SET @e = 1; END;
          IF x > 0 THEN SET i = 1; ELSEIF x < 0 THEN SET i = -1; ELSE SET i = IF(x = 0, 2, 3); END IF;
          IF x > 9 THEN SET i = 9; ELSE IF x > 8 THEN SET i = 8; END IF; END IF;
          lbl: LOOP SET i = i + 1; IF i > 10 THEN LEAVE lbl; END IF; END LOOP lbl;
          WHILE i > 0 DO SET i = i - 1; END WHILE;
          REPEAT SET i = i + 1; UNTIL i > 5 END REPEAT;
          FOR r IN (SELECT id FROM t FOR UPDATE) DO SET i = r.id; END FOR;
          CASE x WHEN 1 THEN SET i = 1; ELSE SET i = CASE WHEN x > 1 THEN IF(x > 2, 2, 1) ELSE 3 END; END CASE;
          inner_block: BEGIN SELECT REPEAT('a;', 3); END inner_block;
        END
        """;

    public static TheoryData<string, string[]> Cases => new()
    {
        { "SELECT 1; SELECT 2;", ["SELECT 1", "SELECT 2"] },
        // -- is a comment only before a space or control character: a--1 is a - -1.
        { "SELECT a--1; SELECT 2", ["SELECT a--1", "SELECT 2"] },
        { "SELECT 1 -- c; x\n; SELECT 2", ["SELECT 1", "SELECT 2"] },
        { "SELECT 1 --\tc; x\n; SELECT 2", ["SELECT 1", "SELECT 2"] },
        { "SELECT 1 --", ["SELECT 1"] },
        { "SELECT 1 # c; x\n; SELECT 2", ["SELECT 1", "SELECT 2"] },
        // A lone carriage return does not end a line comment.
        { "SELECT 1 # c\rSELECT 2; SELECT 3\n; SELECT 4", ["SELECT 1", "SELECT 4"] },
        { "SELECT 1 /* c; */ + 2; SELECT 3", ["SELECT 1 /* c; */ + 2", "SELECT 3"] },
        // Comments do not nest: the first */ ends it.
        { "/* a /* b */ SELECT 1; SELECT 2", ["SELECT 1", "SELECT 2"] },
        // A backslash escapes in both kinds of string.
        { @"SELECT 'it\'s; x'; SELECT ""a\"";b""; SELECT 2", [@"SELECT 'it\'s; x'", @"SELECT ""a\"";b""", "SELECT 2"] },
        { @"SELECT 'a\\'; SELECT 2", [@"SELECT 'a\\'", "SELECT 2"] },
        { "SELECT 'it''s;'; SELECT 2", ["SELECT 'it''s;'", "SELECT 2"] },
        { "SELECT `a;b``c`; SELECT 2", ["SELECT `a;b``c`", "SELECT 2"] },
        { @"SELECT x'41', N'a\'b;', b'01'; SELECT 2", [@"SELECT x'41', N'a\'b;', b'01'", "SELECT 2"] },
        { "SELECT @'a;b', @`c;d`, @@session.sql_mode, 1abc, a$b; SELECT 2", ["SELECT @'a;b', @`c;d`, @@session.sql_mode, 1abc, a$b", "SELECT 2"] },
        { "SELECT '--'; SELECT '#'; SELECT 2", ["SELECT '--'", "SELECT '#'", "SELECT 2"] },
        // The inside of /*! */ runs: such a comment is a statement.
        { "/*!40101 SET NAMES utf8 */; SELECT 1", ["/*!40101 SET NAMES utf8 */", "SELECT 1"] },
        // Stored programs: every compound statement, labels, IF() and REPEAT() as functions.
        { Procedure + ";\nSELECT 2;", [Procedure, "SELECT 2"] },
        {
            "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN IF NEW.a < 0 THEN SET NEW.a = 0; END IF; END; INSERT INTO t VALUES (1);",
            ["CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN IF NEW.a < 0 THEN SET NEW.a = 0; END IF; END", "INSERT INTO t VALUES (1)"]
        },
        {
            "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW IF NEW.a < 0 THEN SET NEW.a = 0; END IF; SELECT 1",
            ["CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW IF NEW.a < 0 THEN SET NEW.a = 0; END IF", "SELECT 1"]
        },
        { "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1; SELECT 1", ["CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1", "SELECT 1"] },
        {
            "CREATE DEFINER=`root`@`localhost` PROCEDURE p() BEGIN SELECT 1; SELECT 2; END; SELECT 3",
            ["CREATE DEFINER=`root`@`localhost` PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "SELECT 3"]
        },
        {
            "CREATE DEFINER = 'root'@'%' FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END; SELECT 3",
            ["CREATE DEFINER = 'root'@'%' FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END", "SELECT 3"]
        },
        { "CREATE OR REPLACE FUNCTION f(x INT) RETURNS INT RETURN x + 1; SELECT 1", ["CREATE OR REPLACE FUNCTION f(x INT) RETURNS INT RETURN x + 1", "SELECT 1"] },
        {
            "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; DELETE FROM u; END; SELECT 1",
            ["CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM t; DELETE FROM u; END", "SELECT 1"]
        },
        { "BEGIN NOT ATOMIC SELECT 1; SELECT 2; END; SELECT 3", ["BEGIN NOT ATOMIC SELECT 1; SELECT 2; END", "SELECT 3"] },
        // A transaction's BEGIN, a CASE outside a program, names that look like keywords.
        { "BEGIN; INSERT INTO t VALUES (1); COMMIT;", ["BEGIN", "INSERT INTO t VALUES (1)", "COMMIT"] },
        { "SELECT CASE WHEN 1 THEN 2 END; SELECT 3", ["SELECT CASE WHEN 1 THEN 2 END", "SELECT 3"] },
        { "CREATE TABLE `trigger` (begin int, `end` int); SELECT 1", ["CREATE TABLE `trigger` (begin int, `end` int)", "SELECT 1"] },
        { "SELECT 'abc; SELECT 2", ["SELECT 'abc; SELECT 2"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_where_MySQL_ends_a_statement(string script, string[] statements) =>
        Assert.Equal(statements, new MySqlDialect().Lexer.Split(script));
}
