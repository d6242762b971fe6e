using SchemaTool.Dialects.Postgres;
using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Postgres;

public sealed class PostgresValidationTests
{
    private static IReadOnlyList<string> Problems(string yaml, int serverVersion = 15) =>
        new PostgresDialect().ForServer(serverVersion).Validate(ModelLoader.Load("schema.yaml", yaml));

    [Fact]
    public void A_mysql_prefix_length_is_refused_with_what_to_do_instead()
    {
        var problem = Assert.Single(Problems("""
            tables:
              users:
                columns:
                  email: { type: varchar(255) }
                indexes:
                  ix_users_prefix: { columns: [{ column: email, length: 32 }] }
            """));
        Assert.Contains("ix_users_prefix", problem);
        Assert.Contains("length:", problem);
    }

    [Fact]
    public void A_fulltext_index_is_refused()
    {
        var problem = Assert.Single(Problems("""
            tables:
              posts:
                columns:
                  body: { type: text }
                indexes:
                  ix_posts_body: { using: fulltext, columns: [body] }
            """));
        Assert.Contains("fulltext", problem);
    }

    [Fact]
    public void Virtual_generated_columns_and_auto_increment_on_text_are_refused()
    {
        var problems = Problems("""
            tables:
              t:
                columns:
                  id:   { type: text, primary_key: true, auto_increment: true }
                  v:    { type: int, generated: { expression: "1 + 1" } }
            """);
        Assert.Contains(problems, p => p.Contains("t.id") && p.Contains("auto_increment"));
        Assert.Contains(problems, p => p.Contains("t.v") && p.Contains("stored") && p.Contains("needs PostgreSQL 18 or later; this server is PostgreSQL 15"));
    }

    [Fact]
    public void Features_of_newer_servers_are_refused_with_the_version_they_need()
    {
        const string yaml = """
            tables:
              t:
                columns:
                  id: { type: int, primary_key: true }
                  v:  { type: int, nullable: true, generated: { expression: "id + 1" } }
                  c:  { type: text, nullable: true }
                indexes:
                  uq_t_c: { columns: [c], unique: true, nulls_not_distinct: true }
            """;
        var on13 = Problems(yaml, 13);
        Assert.Contains(on13, p => p.Contains("index 'uq_t_c' of 't': `nulls_not_distinct:` needs PostgreSQL 15 or later; this server is PostgreSQL 13"));
        Assert.Contains(on13, p => p.Contains("column 't.v': a virtual generated column (`stored: false`) needs PostgreSQL 18 or later; this server is PostgreSQL 13"));
        Assert.Single(Problems(yaml, 15));
        Assert.Empty(Problems(yaml, 18));
    }

    [Fact]
    public void The_planner_stops_with_an_input_error()
    {
        var model = ModelLoader.Load("schema.yaml", """
            tables:
              posts:
                columns:
                  body: { type: text }
                indexes:
                  ix_posts_body: { using: spatial, columns: [body] }
            """);
        var error = Assert.Throws<InputException>(() => Planner.Create(new PostgresDialect(), Model.Schema.Empty, model));
        Assert.Equal(2, error.ExitCode);
    }
}
