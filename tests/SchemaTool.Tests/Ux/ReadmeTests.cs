using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaTool.Tests.Ux.Support;

namespace SchemaTool.Tests.Ux;

/// <summary>README.md keeps its promises: the two opening commands, every command named, the --json shapes as the tool prints them.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public void It_opens_with_the_quickstart_and_test_commands()
    {
        var first = CodeBlock().Match(Readme).Groups["body"].Value;
        Assert.Contains("bash scripts/quickstart.sh", first);
        Assert.Contains("bash scripts/test.sh", first);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "scripts", "quickstart.sh")));
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "scripts", "test.sh")));
    }

    [Fact]
    public void Every_registered_command_is_documented()
    {
        var help = new StringWriter();
        SchemaTool.Cli.CommandLine.Run(["--help"], help, new StringWriter(), _ => null);
        var commands = Regex.Matches(help.ToString(), @"(?m)^  ([a-z]+) {2,}").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(commands);
        foreach (var command in commands)
            Assert.True(Readme.Contains($"| `{command}", StringComparison.Ordinal), $"README.md's command table lacks `{command}`");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("history")]
    [InlineData("check")]
    [InlineData("plan")]
    public void The_documented_json_shape_has_the_keys_the_command_prints(string command)
    {
        var block = Regex.Match(Readme, $"`{command} --json`[^\\n]*:\\n\\n```json\\n(?<body>.*?)```", RegexOptions.Singleline);
        Assert.True(block.Success, $"README.md has no ```json block after `{command} --json`");
        using var documented = JsonDocument.Parse(block.Groups["body"].Value);

        using var project = UxProject.FromExample();
        project.Ok("plan", "-m", "initial migration");
        project.Ok("apply");
        project.UseModel("steps/2-posts.yaml");
        var args = command == "plan" ? new[] { "plan", "-m", "posts", "--json" } : new[] { command, "--json" };
        if (command != "plan") project.Ok("plan", "-m", "posts");
        var run = project.Run(args);
        using var actual = JsonDocument.Parse(run.Out);

        AssertSameKeys(documented.RootElement, actual.RootElement, command);
    }

    /// <summary>Same keys in the same order at every object level both sides have (first array items compared).</summary>
    private static void AssertSameKeys(JsonElement documented, JsonElement actual, string path)
    {
        if (documented.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            var want = documented.EnumerateObject().Select(p => p.Name).ToList();
            var have = actual.EnumerateObject().Select(p => p.Name).ToList();
            Assert.True(want.SequenceEqual(have), $"{path}: README documents [{string.Join(", ", want)}], the tool prints [{string.Join(", ", have)}]");
            foreach (var name in want) AssertSameKeys(documented.GetProperty(name), actual.GetProperty(name), $"{path}.{name}");
        }
        else if (documented.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array
                 && documented.GetArrayLength() > 0 && actual.GetArrayLength() > 0)
            AssertSameKeys(documented[0], actual[0], path + "[0]");
    }

    [GeneratedRegex("```[a-z]*\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
