using SchemaTool.Project;
using SchemaTool.Tests.SchemaFiles.Support;
using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.SchemaFiles;

/// <summary>The schema URLs that init writes name the files in schema/, and each file's $id is its URL.</summary>
public sealed class SchemaUrlTests
{
    [Theory]
    [InlineData(ProjectInitializer.ModelSchemaUrl, SchemaValidator.ModelFile)]
    [InlineData(ProjectInitializer.ConfigSchemaUrl, SchemaValidator.ConfigFile)]
    public void The_url_names_a_schema_file_whose_id_is_that_url(string url, string file)
    {
        Assert.StartsWith(ProjectInitializer.SchemaBaseUrl, url);
        Assert.Equal(file, url[ProjectInitializer.SchemaBaseUrl.Length..]);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Schemas, file)));
        Assert.Equal(url, SchemaValidator.SchemaJson(file)["$id"]?.GetValue<string>());
    }

    [Fact]
    public void Init_writes_the_modelines()
    {
        var dir = Path.Combine(Path.GetTempPath(), "schematool-init-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ProjectInitializer.Init(dir, null, null);
            Assert.StartsWith($"# yaml-language-server: $schema={ProjectInitializer.ConfigSchemaUrl}\n", File.ReadAllText(Path.Combine(dir, "schematool.yaml")));
            Assert.StartsWith($"# yaml-language-server: $schema={ProjectInitializer.ModelSchemaUrl}\n", File.ReadAllText(Path.Combine(dir, "schema", "tables.yaml")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
