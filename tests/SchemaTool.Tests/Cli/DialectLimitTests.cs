using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Cli;

/// <summary>What SQLite cannot do is an input error naming the index and the key, and nothing is written.</summary>
public sealed class DialectLimitTests
{
    [Theory]
    [InlineData("{ using: gin, columns: [name] }", "SQLite has no index methods (`using: gin`)")]
    [InlineData("{ columns: [{ column: name, opclass: text_pattern_ops }] }", "SQLite has no operator classes (`opclass:`)")]
    [InlineData("{ columns: [{ column: name, length: 10 }] }", "SQLite has no prefix indexes (`length:`)")]
    public void An_index_option_sqlite_lacks_exits_2_and_writes_nothing(string index, string message)
    {
        using var project = new TempProject();
        project.WriteModel($"tables:\n  t:\n    columns:\n      name: {{ type: text }}\n    indexes:\n      ix_t_name: {index}\n");

        var result = project.Expect(2, "plan", "-m", "first");

        Assert.Equal($"error: index ix_t_name of t: {message}\n", result.Stderr);
        Assert.Empty(project.MigrationFiles());
    }

    /// <summary>The PostgreSQL-only keys of adopted schemas are refused by SQLite (and MySQL, see MySqlPostgresOnlyKeyTests) at plan.</summary>
    [Theory]
    [InlineData("    columns:\n      id: { type: int, primary_key: true, auto_increment: { start: 5 } }\n", "column 't.id': SQLite takes `auto_increment: true` only")]
    [InlineData("    columns:\n      a: { type: int }\n      b: { type: int }\n    indexes:\n      ix_t_a: { columns: [a], include: [b] }\n", "index 'ix_t_a' of table 't': SQLite has no INCLUDE columns")]
    [InlineData("    columns:\n      a: { type: int }\n    indexes:\n      ix_t_a: { columns: [{ column: a, nulls: first }] }\n", "SQLite cannot place NULLs in an index")]
    [InlineData("    columns:\n      a: { type: int }\n    indexes:\n      uq_t_a: { columns: [a], unique: true, nulls_not_distinct: true }\n", "SQLite has no NULLS NOT DISTINCT")]
    [InlineData("    columns:\n      a: { type: int }\n    checks:\n      ck_a: { expression: \"a > 0\", no_inherit: true }\n", "SQLite has no NO INHERIT")]
    [InlineData("    columns:\n      a: { type: int }\n    checks:\n      ck_a: { expression: \"a > 0\", not_valid: true }\n", "check 'ck_a' of table 't': SQLite has no NOT VALID constraint")]
    [InlineData("    columns:\n      a: { type: int, check: \"a > 0\" }\n", "column 't.a': a column's own `check:` is MariaDB's")]
    [InlineData("    columns:\n      a: { type: int, statistics: 100 }\n", "column 't.a': `statistics:` is PostgreSQL's statistics target")]
    [InlineData("    partition_by: \"range (a)\"\n    columns:\n      a: { type: int }\n", "SQLite cannot build `partition_by:`")]
    [InlineData("    columns:\n      a: { type: int }\n    primary_key: { columns: [a], deferrable: true }\n", "SQLite cannot defer a primary key")]
    [InlineData("    columns:\n      a: { type: int }\n    indexes:\n      ix_t_a: { columns: [a], with: { fillfactor: 70 } }\n", "index 'ix_t_a' of table 't': SQLite has no index storage parameters")]
    [InlineData("    with: { fillfactor: 70 }\n    columns:\n      a: { type: int }\n", "table 't': SQLite has no storage parameters")]
    [InlineData("    columns:\n      a: { type: int }\n    exclusions:\n      ex_a: { elements: [{ column: a, with: \"=\" }] }\n", "exclusion constraint 'ex_a' of table 't': SQLite has no exclusion constraints")]
    [InlineData("    columns:\n      a: { type: int }\nviews:\n  v: { sql: SELECT a FROM t, with: { security_barrier: true } }\n", "view 'v': SQLite has no view options (PostgreSQL's `with:`)")]
    [InlineData("    columns:\n      a: { type: int }\nviews:\n  v: { sql: SELECT a FROM t, security: invoker }\n", "view 'v': `algorithm:` and `security:` are MySQL's; remove them for sqlite")]
    public void A_postgresql_only_key_exits_2_on_sqlite_and_writes_nothing(string table, string message)
    {
        using var project = new TempProject();
        project.WriteModel($"tables:\n  t:\n{table}");

        var result = project.Expect(2, "plan", "-m", "first");

        Assert.Contains(message, result.Stderr);
        Assert.Empty(project.MigrationFiles());
    }
}
