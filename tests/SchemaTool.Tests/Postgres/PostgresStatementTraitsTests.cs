using SchemaTool.Dialects.Postgres;
using SchemaTool.Dialects.MySql;
using SchemaTool.Dialects.Sqlite;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Which statements of a hand-written revision run outside its transaction, read from the text alone: comments and
/// quoting do not fool it, and a comment cannot make a statement run alone.
/// </summary>
public sealed class PostgresStatementTraitsTests
{
    public static TheoryData<string, bool> Statements => new()
    {
        { "CREATE INDEX CONCURRENTLY ix ON t (a)", false },
        { "create unique index concurrently if not exists ix on app.t (a)", false },
        { "CREATE INDEX /* CONCURRENTLY */ ix ON t (a)", true },
        { "CREATE INDEX \"concurrently\" ON t (a)", true },
        { "-- runs CONCURRENTLY\nCREATE INDEX ix ON t (a)", true },
        { "CREATE INDEX CONCURRENTLY ON t (a)", false },
        { "DROP INDEX CONCURRENTLY IF EXISTS app.ix", false },
        { "DROP INDEX ix", true },
        { "REINDEX INDEX CONCURRENTLY ix", false },
        { "REINDEX (VERBOSE) TABLE CONCURRENTLY t", false },
        { "REINDEX TABLE t", true },
        { "REINDEX SCHEMA app", false },
        { "VACUUM", false },
        { "vacuum (analyze) t", false },
        { "ANALYZE t", true },
        { "CLUSTER", false },
        { "CLUSTER t USING ix", true },
        { "CREATE DATABASE other", false },
        { "ALTER SYSTEM SET work_mem = '8MB'", false },
        { "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY", false },
        { "ALTER TABLE p DETACH PARTITION p1", true },
        { "INSERT INTO t VALUES ('CREATE INDEX CONCURRENTLY')", true },
        { "CREATE FUNCTION f() RETURNS void AS $$ VACUUM $$ LANGUAGE sql", true },
        { "ALTER TYPE mood ADD VALUE 'glad'", true },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void A_statement_runs_in_the_revision_transaction_unless_postgres_refuses_it_there(string statement, bool inTransaction)
    {
        var traits = Assert.Single(new PostgresDialect().Classify([statement])).Traits;
        Assert.Equal(inTransaction, traits.RunsInTransaction);
        if (!inTransaction) Assert.Contains("transaction", traits.Why);
    }

    [Fact]
    public void An_enum_value_runs_alone_only_when_a_later_statement_of_the_revision_uses_it()
    {
        var statements = new PostgresDialect().Classify([
            "ALTER TYPE mood ADD VALUE 'glad'",
            "ALTER TYPE public.mood ADD VALUE IF NOT EXISTS E'it\\'s' BEFORE 'calm'",
            "UPDATE m SET mood = 'it''s' WHERE id = 1",
        ]);
        Assert.Equal([true, false, true], statements.Select(s => s.RunsInTransaction));
    }

    [Fact]
    public void Mysql_runs_ddl_alone_and_row_statements_in_a_transaction_and_sqlite_runs_everything_in_one()
    {
        var statements = new[] { "CREATE TABLE t (id int)", "INSERT INTO t VALUES (1)", "UPDATE t SET id = 2", "CREATE VIEW v AS SELECT 1" };
        Assert.Equal([false, true, true, false], new MySqlDialect().Classify(statements).Select(s => s.RunsInTransaction));
        Assert.All(((SchemaTool.Dialects.IDialect)new SqliteDialect()).Classify(statements), s => Assert.True(s.RunsInTransaction));
    }
}
