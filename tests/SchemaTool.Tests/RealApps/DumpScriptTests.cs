namespace SchemaTool.Tests.RealApps;

/// <summary>The corpus loader's splitter reads scripts as each database's own client does.</summary>
public sealed class DumpScriptTests
{
    private static List<string> Split(string sql, string dialect) => DumpScript.Split(sql, dialect).Select(s => s.Sql).ToList();

    [Fact]
    public void Postgres_dollar_quotes_escape_strings_nested_comments_and_psql_commands()
    {
        var statements = Split("""
            \connect app
            SET client_encoding = 'UTF8';
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.a := 'x;'; RETURN NEW; END $$;
            CREATE FUNCTION g(int) RETURNS int AS $_$ SELECT $1; $_$ LANGUAGE sql;
            /* outer /* inner; */ still a comment; */ SELECT E'it\'s; here', 'a''b;c';
            SELECT 1 -- trailing; comment
            ;
            """, "postgres");
        Assert.Equal(
        [
            "SET client_encoding = 'UTF8'",
            "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.a := 'x;'; RETURN NEW; END $$",
            "CREATE FUNCTION g(int) RETURNS int AS $_$ SELECT $1; $_$ LANGUAGE sql",
            "SELECT E'it\\'s; here', 'a''b;c'",
            "SELECT 1",
        ], statements);
    }

    [Fact]
    public void Mysql_delimiter_hash_comments_backslash_escapes_and_executable_comments()
    {
        var statements = Split("""
            /*!40101 SET NAMES utf8 */;
            # a comment; with a semicolon
            INSERT INTO t VALUES ('a\';b');
            DELIMITER ;;
            CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END;;
            DELIMITER ;
            SELECT `odd;name` FROM t;
            """, "mysql");
        Assert.Equal(
        [
            "/*!40101 SET NAMES utf8 */",
            "INSERT INTO t VALUES ('a\\';b')",
            "CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END",
            "SELECT `odd;name` FROM t",
        ], statements);
    }

    [Fact]
    public void Sqlite_trigger_bodies_and_bracketed_names()
    {
        var statements = Split("""
            CREATE TABLE [odd;name] (a INT);
            CREATE TRIGGER tr AFTER INSERT ON [odd;name] BEGIN
              INSERT INTO log VALUES (1);
              UPDATE log SET a = 2;
            END;
            PRAGMA foreign_keys = 1;
            """, "sqlite");
        Assert.Equal(3, statements.Count);
        Assert.StartsWith("CREATE TRIGGER tr", statements[1]);
        Assert.EndsWith("END", statements[1]);
    }

    [Fact]
    public void Each_statement_knows_its_first_line()
    {
        var statements = DumpScript.Split("-- header\n\nCREATE TABLE a (x int);\n\n/* note */\nCREATE TABLE b (\n  y int\n);\n", "postgres");
        Assert.Equal([3, 6], statements.Select(s => s.Line));
    }

    [Theory]
    [InlineData("postgres", "CREATE DATABASE chinook", true)]
    [InlineData("postgres", "CREATE SCHEMA billing", false)]
    [InlineData("mysql", "CREATE SCHEMA sakila", true)]
    [InlineData("mysql", "USE sakila", true)]
    [InlineData("mysql", "CREATE TABLE used (a int)", false)]
    public void Statements_about_the_database_itself_are_the_loaders(string dialect, string statement, bool environment) =>
        Assert.Equal(environment, DumpScript.IsEnvironment(statement, dialect));

    [Fact]
    public void Inspect_header_lines_are_read_as_kind_name_and_table()
    {
        var left = LeftAlone.FromYaml("""
            # Left alone: the model cannot express these objects yet, and schematool never changes them.
            #   materialized view rental_by_category
            #   trigger last_updated (on actor)
            #   partition payment_p2022_01
            #   table option WITHOUT ROWID of t
            tables: {}
            """);
        Assert.Equal(
        [
            new LeftAlone("materialized view", "rental_by_category", null),
            new LeftAlone("trigger", "last_updated", "actor"),
            new LeftAlone("partition", "payment_p2022_01", null),
            new LeftAlone("table option", "WITHOUT ROWID of t", null),
        ], left);
        // The comparison reads views, routines and triggers too: one left alone keeps its facts out of it, as a table does.
        Assert.Equal([true, true, true, false], left.Select(l => l.HoldsFacts));
        Assert.True(left[2].Names("public.payment_p2022_01"));
    }
}
