using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Yaml;

/// <summary>
/// `with:` of a table or an index (PostgreSQL storage parameters): names the server has for the table or the index's
/// method, values of their kind and range, refused at their place otherwise; values in one spelling for comparison
/// and kept as written for the SQL; written back by inspect's writer as read.
/// </summary>
public sealed class StorageParameterLoadingTests
{
    private static string Index(string with, string method = "") =>
        $"tables:\n  t:\n    columns:\n      a: {{ type: text }}\n    indexes:\n      ix_t_a: {{ columns: [a]{method}, with: {with} }}\n";

    private static string Error(string yaml) =>
        Assert.Single(Assert.Throws<ModelException>(() => ModelLoader.Load("schema/tables.yaml", yaml)).Errors);

    [Fact]
    public void Values_compare_in_one_spelling_and_keep_the_written_one()
    {
        var index = ModelLoader.Load("m.yaml", Index("{ fillfactor: \"070\", deduplicate_items: on }")).Tables[0].Indexes[0];
        Assert.Equal([new StorageParameter("fillfactor", "70"), new StorageParameter("deduplicate_items", "true")], index.With!.Items.ToArray());
        Assert.Equal(["070", "on"], index.With.Items.Select(p => p.Text).ToArray());
        var plain = ModelLoader.Load("m.yaml", Index("{ deduplicate_items: true, fillfactor: 70 }")).Tables[0].Indexes[0];
        Assert.Equal(plain, index);
    }

    [Fact]
    public void Table_and_index_parameters_are_written_and_read_back()
    {
        var yaml = "tables:\n  t:\n    with: { autovacuum_enabled: \"off\", autovacuum_vacuum_scale_factor: 0.05, fillfactor: 50, vacuum_index_cleanup: auto }\n" +
                   "    columns:\n      a: { type: text }\n    indexes:\n      ix_t_a: { columns: [a], using: gist, with: { buffering: \"on\", fillfactor: 90 } }\n";
        var schema = ModelLoader.Load("m.yaml", yaml);
        Assert.Equal("autovacuum_enabled=off, autovacuum_vacuum_scale_factor=0.05, fillfactor=50, vacuum_index_cleanup=auto",
            StorageParameters.Describe(schema.Tables[0].Options!.With));
        var written = ModelWriter.Write(schema);
        Assert.Contains("    with: { autovacuum_enabled: \"off\", autovacuum_vacuum_scale_factor: 0.05, fillfactor: 50, vacuum_index_cleanup: \"auto\" }\n", written);
        Assert.Contains("ix_t_a: { columns: [a], using: gist, with: { buffering: \"on\", fillfactor: 90 } }", written);
        Assert.Equal(schema, ModelLoader.Load("w.yaml", written));
        Assert.Equal(written, ModelWriter.Write(ModelLoader.Load("w.yaml", written)));
    }

    [Fact]
    public void An_extensions_index_method_takes_any_parameter_as_written()
    {
        var index = ModelLoader.Load("m.yaml", Index("{ length: 80, col1: 2 }", ", using: bloom")).Tables[0].Indexes[0];
        Assert.Equal("length=80, col1=2", StorageParameters.Describe(index.With));
    }

    [Theory]
    [InlineData("{ filfactor: 70 }", "", "6:39: index 'ix_t_a' of 't': PostgreSQL has no storage parameter 'filfactor' for a btree index; did you mean fillfactor? expected one of: fillfactor, deduplicate_items")]
    [InlineData("{ fastupdate: true }", "", "6:39: index 'ix_t_a' of 't': PostgreSQL has no storage parameter 'fastupdate' for a btree index; expected one of: fillfactor, deduplicate_items")]
    [InlineData("{ fillfactor: 5 }", "", "6:39: index 'ix_t_a' of 't': storage parameter 'fillfactor' must be a whole number from 10 to 100, not 5")]
    [InlineData("{ deduplicate_items: maybe }", "", "6:39: index 'ix_t_a' of 't': storage parameter 'deduplicate_items' must be true or false, not maybe")]
    [InlineData("{ buffering: true }", ", using: gist", "6:52: index 'ix_t_a' of 't': storage parameter 'buffering' must be one of auto, on, off, not true")]
    [InlineData("{ FillFactor: 70 }", "", "6:39: index 'ix_t_a' of 't': storage parameter 'FillFactor' must be a lower-case name (letters, digits, _)")]
    [InlineData("{ fillfactor: [70] }", "", "6:51: index 'ix_t_a' of 't': storage parameter 'fillfactor' needs a value (a number, true/false or a word)")]
    public void A_parameter_the_server_would_refuse_is_refused_at_its_place(string with, string method, string error) =>
        Assert.Equal("schema/tables.yaml:" + error, Error(Index(with, method)));

    [Theory]
    [InlineData("{ autovacuum_enable: false }", "5:13: table 't': PostgreSQL has no storage parameter 'autovacuum_enable' for a table; did you mean autovacuum_enabled?")]
    [InlineData("{ toast.autovacuum_enabled: false }", "5:13: table 't': the TOAST table's parameters (`toast.autovacuum_enabled`) are not modelled")]
    [InlineData("{ autovacuum_vacuum_scale_factor: lots }", "5:13: table 't': storage parameter 'autovacuum_vacuum_scale_factor' must be a number from 0 to 100, not lots")]
    public void A_table_parameter_the_server_would_refuse_is_refused_at_its_place(string with, string error) =>
        Assert.StartsWith("schema/tables.yaml:" + error,
            Error($"tables:\n  t:\n    columns:\n      a: {{ type: text }}\n    with: {with}\n"));

    private const string ViewTable = "tables:\n  t:\n    columns:\n      a: { type: text }\nviews:\n";

    [Fact]
    public void A_views_options_and_a_materialized_views_parameters_are_written_and_read_back()
    {
        var yaml = ViewTable +
                   "  v: { sql: SELECT a FROM t, with: { security_barrier: \"on\", check_option: LOCAL } }\n" +
                   "  m: { sql: SELECT a FROM t, materialized: true, with: { fillfactor: 70 } }\n";
        var schema = ModelLoader.Load("m.yaml", yaml);
        var v = schema.Views.Single(x => x.Name == "v");
        Assert.Equal([new StorageParameter("security_barrier", "true"), new StorageParameter("check_option", "local")], v.With!.Items.ToArray());
        Assert.Equal("fillfactor=70", StorageParameters.Describe(schema.Views.Single(x => x.Name == "m").With));
        var written = ModelWriter.Write(schema);
        Assert.Contains("with: { security_barrier: \"on\", check_option: ", written);
        Assert.Equal(schema, ModelLoader.Load("w.yaml", written));
    }

    [Theory]
    [InlineData("{ sql: SELECT a FROM t, with: { security_barier: true } }", "6:38: view 'v': PostgreSQL has no storage parameter 'security_barier' for a view; did you mean security_barrier?")]
    [InlineData("{ sql: SELECT a FROM t, with: { check_option: always } }", "6:38: view 'v': storage parameter 'check_option' must be one of local, cascaded, not always")]
    [InlineData("{ sql: SELECT a FROM t, with: { fillfactor: 70 } }", "6:38: view 'v': PostgreSQL has no storage parameter 'fillfactor' for a view")]
    [InlineData("{ sql: SELECT a FROM t, materialized: true, with: { check_option: local } }", "6:58: view 'v': PostgreSQL has no storage parameter 'check_option' for a materialized view")]
    public void A_view_option_the_server_would_refuse_is_refused_at_its_place(string view, string error) =>
        Assert.StartsWith("schema/tables.yaml:" + error, Error(ViewTable + "  v: " + view + "\n"));
}
