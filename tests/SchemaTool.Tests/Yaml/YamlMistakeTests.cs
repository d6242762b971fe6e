using SchemaTool.Yaml;

namespace SchemaTool.Tests.Yaml;

/// <summary>
/// First-hour YAML mistakes, each reported where it is with what to do: a tab in the indentation (YamlDotNet
/// says 1:1), a key longer than YAML allows (the subset reader took it, YamlDotNet refuses it), and a type cut
/// at its comma inside a flow map.
/// </summary>
public sealed class YamlMistakeTests
{
    private static string Error(string yaml) =>
        Assert.Single(Assert.Throws<ModelException>(() => ModelLoader.Load("schema/tables.yaml", yaml)).Errors);

    [Theory]
    [InlineData("tables:\n  users:\n\tcolumns: {}\n", "3:1")]
    [InlineData("tables:\n  users:\n    columns:\n  \t    id: { type: int }\n", "4:3")]
    public void A_tab_in_the_indentation_is_reported_at_the_tab(string yaml, string at) =>
        Assert.Equal($"schema/tables.yaml:{at}: malformed YAML: a tab in the indentation; YAML indents with spaces only", Error(yaml));

    [Fact]
    public void A_key_of_1025_characters_is_refused()
    {
        var key = new string('k', 1025);
        Assert.Equal("schema/tables.yaml:2:3: malformed YAML: a key longer than 1024 characters, which YAML allows only when written after `? `; shorten it",
            Error($"tables:\n  {key}:\n    columns:\n      id: {{ type: int }}\n"));
    }

    [Fact]
    public void A_key_of_1024_characters_is_read()
    {
        var key = new string('k', 1024);
        Assert.Equal($"schema/tables.yaml:2:1: unknown key '{key}' in the model file; expected one of: tables, views, triggers, functions, procedures, types, sequences, extensions, schemas, events, aggregates", Error($"tables: {{}}\n{key}: 1\n"));
    }

    [Theory]
    [InlineData("decimal(10,2)")]
    [InlineData("numeric(12, 4)")]
    public void A_type_cut_at_its_comma_in_a_flow_map_says_quote_the_type(string type) =>
        Assert.Equal($"schema/tables.yaml:4:18: column 't.a': the type was cut at its comma, since a comma ends a value inside {{ ... }}: quote the type, type: \"{type.Replace(" ", "")}\"",
            Error($"tables:\n  t:\n    columns:\n      a: {{ type: {type}, nullable: true }}\n"));

    [Fact]
    public void The_quoted_type_reads()
    {
        var schema = ModelLoader.Load("m.yaml", "tables:\n  t:\n    columns:\n      a: { type: \"decimal(10,2)\" }\n");
        Assert.Equal("decimal(10,2)", schema.Tables[0].Columns[0].Type);
    }
}
