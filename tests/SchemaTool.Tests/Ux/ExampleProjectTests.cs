using SchemaTool.Dialects;
using SchemaTool.Project;
using SchemaTool.Tests.Ux.Support;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Ux;

/// <summary>
/// The example projects load: config (with its ${...} URL set), the model, and every step of the walkthrough,
/// and the URL names the example's dialect. Where that dialect is registered, it accepts each model.
/// </summary>
public sealed class ExampleProjectTests
{
    [Theory]
    [InlineData("quickstart", null, "sqlite:app.db", "sqlite")]
    [InlineData("postgres", "PGURL", "postgres://postgres:dev@localhost:5432/postgres", "postgres")]
    [InlineData("mysql", "MYSQLURL", "mysql://root:dev@localhost:3306/app", "mysql")]
    public void The_example_config_loads_and_names_its_dialect(string example, string? variable, string url, string dialect)
    {
        var dir = Path.Combine(RepoPaths.Examples, example);
        var config = ConfigLoader.Load(dir, name => name == variable ? url : null);
        Assert.Equal(url, config.Database);
        Assert.Equal(dialect, DialectRegistry.DialectOfUrl(config.Database!));
        Assert.Equal(Path.Combine(dir, "schema"), config.SchemaPath);
    }

    [Theory]
    [InlineData("postgres", "PGURL")]
    [InlineData("mysql", "MYSQLURL")]
    public void An_unset_url_variable_is_an_error_naming_it(string example, string variable)
    {
        var error = Assert.Throws<ModelException>(() => ConfigLoader.Load(Path.Combine(RepoPaths.Examples, example), _ => null));
        Assert.Contains($"environment variable {variable} is not set", string.Join("\n", error.Errors));
    }

    public static TheoryData<string, string> Models()
    {
        var data = new TheoryData<string, string>();
        foreach (var (example, dialect) in new[] { ("quickstart", "sqlite"), ("postgres", "postgres"), ("mysql", "mysql") })
        {
            var dir = Path.Combine(RepoPaths.Examples, example);
            data.Add(Path.Combine(example, "schema"), dialect);
            foreach (var step in Directory.GetFiles(Path.Combine(dir, "steps"), "*.yaml").Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(RepoPaths.Examples, step), dialect);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_model_and_step_of_the_examples_loads(string path, string dialect)
    {
        var schema = ModelLoader.LoadPath(Path.Combine(RepoPaths.Examples, path));
        Assert.Contains(schema.Tables, t => t.Name == "users");
        Assert.Contains(schema.Tables, t => t.Name == "roles");
        if (!DialectRegistry.Names.Contains(dialect)) return; // the dialect's branch is not merged here yet
        Assert.Empty(DialectRegistry.Get(dialect).Validate(schema));
    }
}
