using SchemaTool.Dialects.MySql;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.MySql;

/// <summary>What MySQL cannot build is refused before planning, each with a message that says what to do.</summary>
public sealed class MySqlValidationTests
{
    private static IReadOnlyList<string> Problems(string indexes, string column = "body: { type: text }") =>
        MySqlValidator.Validate(ModelLoader.Load("schema.yaml", $$"""
            tables:
              t:
                columns:
                  id: { type: int, primary_key: true }
                  name: { type: varchar(64) }
                  {{column}}
                indexes:
                  {{indexes}}
            """));

    [Theory]
    [InlineData("ix: { columns: [name], where: \"id > 0\" }", "partial")]
    [InlineData("ix: { using: gin, columns: [name] }", "gin")]
    [InlineData("ix: { columns: [{ column: name, opclass: text_pattern_ops }] }", "operator classes")]
    [InlineData("ix: { columns: [{ expression: \"lower(name)\" }] }", "generated column")]
    [InlineData("ix: { columns: [body] }", "length:")]
    [InlineData("ix: { columns: [{ column: name, collation: C }] }", "collation")]
    public void Indexes_MySQL_cannot_build_are_refused(string index, string hint) =>
        Assert.Contains(hint, Assert.Single(Problems(index)));

    [Theory]
    [InlineData("ix: { columns: [name], include: [id] }", "index 'ix' of table 't': MySQL has no INCLUDE columns (PostgreSQL only)")]
    [InlineData("ix: { columns: [{ column: name, nulls: last }] }", "MySQL cannot place NULLs in an index")]
    [InlineData("ix: { columns: [name], unique: true, nulls_not_distinct: true }", "MySQL has no NULLS NOT DISTINCT")]
    [InlineData("ix: { columns: [name], unique: true, constraint: true, deferrable: true }", "MySQL cannot defer a unique constraint")]
    public void Postgresql_only_index_keys_are_refused(string index, string message) =>
        Assert.Contains(Problems(index), p => p.Contains(message));

    [Fact]
    public void Postgresql_only_table_and_column_keys_are_refused()
    {
        var problems = MySqlValidator.Validate(ModelLoader.Load("schema.yaml", """
            tables:
              t:
                partition_by: "range (id)"
                columns:
                  id: { type: int, auto_increment: { start: 100 } }
                primary_key: { columns: [id], deferrable: initially deferred }
                checks:
                  ck_id: { expression: "id > 0", no_inherit: true }
                  ck_late: { expression: "id < 100", not_valid: true }
                exclusions:
                  ex_id: { using: gist, elements: [{ column: id, with: "=" }] }
            """));
        Assert.Contains(problems, p => p.Contains("table 't': MySQL cannot build `partition_by:`/`partitions:`"));
        Assert.Contains(problems, p => p.Contains("column 't.id': MySQL takes `auto_increment: true` only"));
        Assert.Contains(problems, p => p.Contains("primary key of table 't': MySQL cannot defer a primary key"));
        Assert.Contains(problems, p => p.Contains("check 'ck_id' of table 't': MySQL has no NO INHERIT"));
        Assert.Contains(problems, p => p.Contains("check 'ck_late' of table 't': MySQL has no NOT VALID constraint"));
        Assert.Contains(problems, p => p.Contains("exclusion constraint 'ex_id' of table 't': MySQL has no exclusion constraints (PostgreSQL only)"));
    }

    /// <summary>MariaDB's data dictionary keeps comments in utf8mb3: an emoji would read back as '?' (found by the apply fuzz test).</summary>
    [Fact]
    public void A_comment_with_a_character_past_U_FFFF_is_refused()
    {
        var problems = MySqlValidator.Validate(ModelLoader.Load("schema.yaml", """
            tables:
              t:
                comment: "rocket 🚀"
                columns:
                  id: { type: int, primary_key: true, comment: "😀" }
                  name: { type: varchar(64), comment: "é is fine" }
                indexes:
                  ix: { columns: [name], comment: "名 is fine, 𝄞 is not" }
            """));
        Assert.Equal(
            [
                "comment of index 'ix' of table 't' holds a character past U+FFFF (such as an emoji), which MySQL keeps as '?' in a comment: remove it",
                "comment of table 't' holds a character past U+FFFF (such as an emoji), which MySQL keeps as '?' in a comment: remove it",
                "comment of column 't.id' holds a character past U+FFFF (such as an emoji), which MySQL keeps as '?' in a comment: remove it",
            ], problems);
    }

    /// <summary>
    /// A literal default with an emoji is stored as '?'; a check, default_sql or generated expression is kept, but
    /// information_schema reports it as '????', a change on every plan (found by the apply fuzz test).
    /// </summary>
    [Fact]
    public void A_default_or_an_expression_with_a_character_past_U_FFFF_is_refused()
    {
        var problems = MySqlValidator.Validate(ModelLoader.Load("schema.yaml", """
            tables:
              t:
                columns:
                  id: { type: int, primary_key: true }
                  a: { type: varchar(20), default: "😀x" }
                  b: { type: varchar(20), default_sql: "concat('😀', 'y')" }
                  g: { type: varchar(40), nullable: true, generated: { expression: "concat(a, '😀')" } }
                  fine: { type: varchar(20), default: "é名" }
                checks:
                  ck: "a <> '😀z'"
            """));
        Assert.Equal(
            [
                "default of column 't.a' holds a character past U+FFFF (such as an emoji), which MySQL stores as '?' in a default: remove it",
                "default_sql of column 't.b' holds a character past U+FFFF (such as an emoji), which MySQL's information_schema reports as '????': write it as a hex literal (_utf8mb4 0xF09F9880) instead",
                "generated expression of column 't.g' holds a character past U+FFFF (such as an emoji), which MySQL's information_schema reports as '????': write it as a hex literal (_utf8mb4 0xF09F9880) instead",
                "check 'ck' of table 't' holds a character past U+FFFF (such as an emoji), which MySQL's information_schema reports as '????': write it as a hex literal (_utf8mb4 0xF09F9880) instead",
            ], problems);
    }

    [Fact]
    public void A_text_column_indexed_by_a_prefix_or_in_full_text_is_fine() =>
        Assert.Empty(Problems("ix: { columns: [{ column: body, length: 100 }] }\n      ft: { using: fulltext, columns: [body] }"));

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("binary")]
    public void A_primary_key_on_a_column_MySQL_indexes_only_by_a_prefix_is_refused(string type)
    {
        var problems = MySqlValidator.Validate(ModelLoader.Load("schema.yaml", $$"""
            tables:
              t:
                columns:
                  code: { type: {{type}}, primary_key: true }
            """));
        Assert.Contains("use varchar(n)", Assert.Single(problems));
    }

    [Fact]
    public void Deferrable_foreign_keys_are_refused()
    {
        var problems = MySqlValidator.Validate(ModelLoader.Load("schema.yaml", """
            tables:
              a:
                columns:
                  id: { type: int, primary_key: true }
                foreign_keys:
                  fk_a_self: { columns: [id], references: { table: a, columns: [id] }, deferrable: initially deferred }
            """));
        Assert.Contains("deferrable", Assert.Single(problems));
    }
}
