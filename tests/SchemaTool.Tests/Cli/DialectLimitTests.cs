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
}
