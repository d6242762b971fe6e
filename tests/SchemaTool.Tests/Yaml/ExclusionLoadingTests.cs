using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Yaml;

/// <summary>`exclusions:` of a table: read into the model, written back by `inspect` the same, and each mistake refused with its place.</summary>
public sealed class ExclusionLoadingTests
{
    private const string Head = "tables:\n  bookings:\n    columns:\n      room: { type: int }\n      during: { type: tstzrange }\n    exclusions:\n";

    private static string Error(string exclusions) =>
        Assert.Single(Assert.Throws<ModelException>(() => ModelLoader.Load("schema/tables.yaml", Head + exclusions)).Errors);

    [Fact]
    public void An_exclusion_constraint_is_read_with_its_elements_and_options_and_written_back_the_same()
    {
        var model = ModelLoader.Load("schema/tables.yaml", Head + """
                  no_overlap:
                    using: gist
                    elements:
                      - { column: room, with: "=" }
                      - { expression: "lower(during::text)", with: "=", opclass: gist_text_ops, order: desc, nulls: last }
                    where: "room > 0"
                    deferrable: initially deferred
                    comment: one at a time
            """);
        var exclusion = Assert.Single(model.Tables[0].Exclusions);
        Assert.Equal(new Exclusion("no_overlap",
            new[]
            {
                new ExclusionElement(IndexPart.Of("room"), "="),
                new ExclusionElement(new IndexPart(null, "lower(during::text)", Descending: true, OpClass: "gist_text_ops", Nulls: NullsOrder.Last), "="),
            },
            "gist", "room > 0", Deferrability.InitiallyDeferred, "one at a time"), exclusion);

        var written = ModelWriter.Write(model);
        Assert.Contains("exclusions:", written);
        Assert.Equal(model.Tables[0], ModelLoader.Load("written.yaml", written).Tables[0]);
    }

    [Fact]
    public void An_element_without_an_operator_is_refused_where_it_is()
    {
        Assert.Equal("schema/tables.yaml:7:24: an element of exclusion constraint 'ex' of 'bookings' needs `with:`, the operator two rows are compared with (=, &&)",
            Error("      ex: { elements: [{ column: room }] }\n"));
    }

    [Theory]
    [InlineData("\"= 1; DROP TABLE x; --\"")]
    [InlineData("\"\"")]
    [InlineData("equals")]
    public void An_operator_that_is_not_one_is_refused(string op)
    {
        Assert.StartsWith("schema/tables.yaml:7:", Error($"      ex: {{ elements: [{{ column: room, with: {op} }}] }}\n"));
    }

    [Fact]
    public void A_column_the_table_does_not_have_is_refused()
    {
        Assert.Equal("schema/tables.yaml:7:7: exclusion constraint 'ex' of 'bookings' uses column 'rooom', which the table does not have",
            Error("      ex: { using: gist, elements: [{ column: rooom, with: \"=\" }] }\n"));
    }

    [Fact]
    public void An_exclusion_constraint_named_as_an_index_of_its_table_is_refused()
    {
        var errors = Assert.Throws<ModelException>(() => ModelLoader.Load("schema/tables.yaml",
            Head + "      ix_room: { elements: [{ column: room, with: \"=\" }] }\n    indexes:\n      ix_room: { columns: [room] }\n")).Errors;
        Assert.Equal("schema/tables.yaml:7:7: exclusion constraint 'ix_room' of 'bookings' has the name of an index of the table (at schema/tables.yaml:9:7); its index would take that name: rename one",
            Assert.Single(errors));
    }

    [Fact]
    public void An_exclusion_constraint_needs_elements_and_a_method_name()
    {
        Assert.Equal("schema/tables.yaml:7:7: exclusion constraint 'ex' of 'bookings' has no `elements:` list", Error("      ex: { using: gist }\n"));
        Assert.Contains("is not an index method name", Error("      ex: { using: \"gist; x\", elements: [{ column: room, with: \"=\" }] }\n"));
        Assert.Contains("unknown key 'length'", Error("      ex: { elements: [{ column: room, with: \"=\", length: 3 }] }\n"));
    }
}
