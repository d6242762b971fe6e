using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Cli;

/// <summary>
/// The first-hour YAML mistakes (a tab in the indentation, a key over 1,024 characters, a type cut at its
/// comma) through `schematool plan`: exit 2, the file, line and column and what to do on stderr, nothing on stdout,
/// and no revision written (a misspelled key: PlanAndApplySafetyTests).
/// </summary>
public sealed class YamlMistakeCommandTests
{
    public static TheoryData<string, string> Mistakes => new()
    {
        { "tables:\n  users:\n    columns:\n  \t    id: { type: int }\n", "tables.yaml:4:3: malformed YAML: a tab in the indentation; YAML indents with spaces only" },
        { $"tables:\n  {new string('k', 1025)}:\n    columns:\n      id: {{ type: int }}\n", "tables.yaml:2:3: malformed YAML: a key longer than 1024 characters" },
        { "tables:\n  t:\n    columns:\n      a: { type: decimal(10,2), nullable: true }\n", "tables.yaml:4:18: column 't.a': the type was cut at its comma, since a comma ends a value inside { ... }: quote the type, type: \"decimal(10,2)\"" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Plan_refuses_with_the_place_and_the_fix_and_writes_nothing(string yaml, string error)
    {
        using var project = new TempProject();
        project.WriteModel(yaml);

        var plan = project.Expect(2, "plan", "-m", "first");

        Assert.Contains(error, plan.Stderr);
        Assert.Equal("", plan.Stdout);
        Assert.Empty(project.MigrationFiles());
        Assert.False(File.Exists(project.DatabasePath));
    }
}
