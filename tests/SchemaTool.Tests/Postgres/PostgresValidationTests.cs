using SchemaTool.Dialects.Postgres;
using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Postgres;

public sealed class PostgresValidationTests
{
    private static IReadOnlyList<string> Problems(string yaml) => new PostgresDialect().Validate(ModelLoader.Load("schema.yaml", yaml));

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
        Assert.Contains(problems, p => p.Contains("t.v") && p.Contains("stored"));
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
