using SchemaTool.Project;
using SchemaTool.Tests.SchemaFiles.Support;
using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.SchemaFiles;

/// <summary>Every YAML file the repository ships as an example, and what `init` writes, passes the JSON Schemas.</summary>
public sealed class ExampleFilesFollowTheSchemasTests
{
    public static TheoryData<string> ValidFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in YamlFiles(RepoPaths.Examples)
                     .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Schemas, "examples"), "*.yaml", SearchOption.TopDirectoryOnly))
                     .Concat(YamlFiles(Path.Combine(RepoPaths.Root, "tests"))))
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        return data;
    }

    public static TheoryData<string> InvalidFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Schemas, "examples", "invalid"), "*.yaml"))
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_shipped_file_is_valid(string file)
    {
        var kind = SchemaValidator.KindOf(file);
        var errors = SchemaValidator.Errors(kind, File.ReadAllText(Path.Combine(RepoPaths.Root, file)));
        Assert.True(errors.Count == 0, $"{file} against {SchemaValidator.FileOf(kind)}:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void A_file_of_the_invalid_examples_is_rejected(string file)
    {
        var kind = Path.GetFileName(file).StartsWith("config-", StringComparison.Ordinal) ? SchemaKind.Config : SchemaKind.Model;
        Assert.NotEmpty(SchemaValidator.Errors(kind, File.ReadAllText(Path.Combine(RepoPaths.Root, file))));
    }

    [Fact]
    public void What_init_writes_is_valid()
    {
        var dir = Path.Combine(Path.GetTempPath(), "schematool-init-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ProjectInitializer.Init(dir, null, null);
            Assert.Empty(SchemaValidator.Errors(SchemaKind.Config, File.ReadAllText(Path.Combine(dir, "schematool.yaml"))));
            Assert.Empty(SchemaValidator.Errors(SchemaKind.Model, File.ReadAllText(Path.Combine(dir, "schema", "tables.yaml"))));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("tables:\n  t:\n    columns:\n      id: { type: int, nulable: true }\n")]
    [InlineData("tables:\n  t:\n    columns:\n      id: { type: int, nullable: yes }\n")]
    [InlineData("tables:\n  t:\n    columns:\n      price: { type: decimal(10,2) }\n")]
    [InlineData("tables:\n  t:\n    colums:\n      id: { type: int }\n")]
    public void A_malformed_model_is_rejected(string yaml) =>
        Assert.NotEmpty(SchemaValidator.Errors(SchemaKind.Model, yaml));

    [Fact]
    public void A_quoted_decimal_type_in_a_flow_map_is_valid() =>
        Assert.Empty(SchemaValidator.Errors(SchemaKind.Model, "tables:\n  t:\n    columns:\n      price: { type: \"decimal(10,2)\" }\n"));

    private static IEnumerable<string> YamlFiles(string root) =>
        Directory.GetFiles(root, "*.y*ml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);
}
