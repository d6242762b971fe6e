using SchemaTool.Dialects.Postgres;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Yaml;

/// <summary>
/// A routine's key is the model's name of it; `name:` gives its name on the server where several share one
/// (PostgreSQL overloads). The name the definition creates must be that name, refused at load with its place.
/// </summary>
public sealed class RoutineNameLoadingTests
{
    private const string Overloads = """
        functions:
          pick_int: { name: pick, definition: "CREATE FUNCTION pick(a int) RETURNS int LANGUAGE sql AS 'SELECT a'" }
          pick_text: { name: pick, definition: "CREATE FUNCTION pick(a text) RETURNS text LANGUAGE sql AS 'SELECT a'", comment: text }
          plain: { definition: "CREATE FUNCTION plain() RETURNS int LANGUAGE sql AS 'SELECT 1'" }
        """;

    [Fact]
    public void Name_gives_the_server_name_and_the_key_stays_the_model_name()
    {
        var routines = ModelLoader.Load("schema/m.yaml", Overloads, PostgresLexer.Instance).Routines;
        Assert.Equal([("pick", "pick_int"), ("pick", "pick_text"), ("plain", "plain")], routines.Select(r => (r.Name, r.KeyName)));
        Assert.Null(routines.Single(r => r.Name == "plain").Key);
    }

    [Fact]
    public void The_writer_writes_name_only_where_the_key_differs_and_reads_back_the_same()
    {
        var schema = ModelLoader.Load("schema/m.yaml", Overloads, PostgresLexer.Instance);
        var yaml = ModelWriter.Write(schema);
        Assert.Contains("  pick_int: { name: pick, definition: ", yaml);
        Assert.Contains("  plain: { definition: ", yaml);
        Assert.Equal(schema.Routines, ModelLoader.Load("schema/m.yaml", yaml, PostgresLexer.Instance).Routines);
    }

    [Theory]
    [InlineData("functions:\n  f: { definition: \"CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 1'\" }\n",
        "schema/m.yaml:2:20: definition of function 'f': it creates g, but the function is named f (its key, or `name:` where the server's name differs)")]
    [InlineData("functions:\n  f_int: { name: f, definition: \"CREATE OR REPLACE FUNCTION public.g(a int) RETURNS int LANGUAGE sql AS 'SELECT 1'\" }\n",
        "schema/m.yaml:2:33: definition of function 'f_int': it creates public.g, but the function is named f (its key, or `name:` where the server's name differs)")]
    [InlineData("procedures:\n  p: { name: \"\", definition: \"CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1'\" }\n",
        "schema/m.yaml:2:14: name of procedure 'p' must not be empty")]
    public void A_definition_that_creates_another_name_is_refused_at_load_with_its_place(string yaml, string error) =>
        Assert.Equal(error, Assert.Single(Assert.Throws<ModelException>(() => ModelLoader.Load("schema/m.yaml", yaml, PostgresLexer.Instance)).Errors));

    [Fact]
    public void Names_compare_as_the_server_folds_them()
    {
        var routines = ModelLoader.Load("schema/m.yaml", """
            functions:
              pick: { definition: "CREATE FUNCTION PICK() RETURNS int LANGUAGE sql AS 'SELECT 1'" }
              Odd: { definition: "CREATE FUNCTION \"Odd\"() RETURNS int LANGUAGE sql AS 'SELECT 1'" }
            """, PostgresLexer.Instance).Routines;
        Assert.Equal(2, routines.Count);
        Assert.Single(Assert.Throws<ModelException>(() => ModelLoader.Load("schema/m.yaml",
            "functions:\n  odd: { definition: \"CREATE FUNCTION \\\"Odd\\\"() RETURNS int LANGUAGE sql AS 'SELECT 1'\" }\n", PostgresLexer.Instance)).Errors);
    }
}
