using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Diff;

/// <summary>Names the database would take for one object are refused before anything is planned.</summary>
public sealed class NameClashTests
{
    private static string? Problem(string dialect, string yaml)
    {
        var model = ModelLoader.Load("schema.yaml", yaml);
        try
        {
            Planner.Create(DialectRegistry.Get(dialect), Schema.Empty, model);
            return null;
        }
        catch (InputException e)
        {
            return e.Message;
        }
    }

    private const string TwoColumns = """
        tables:
          t:
            columns:
              id: { type: int, primary_key: true }
              name: { type: varchar(64) }
              Name: { type: varchar(64) }
        """;

    private const string TwoTables = """
        tables:
          users:
            columns:
              id: { type: int, primary_key: true }
          Users:
            columns:
              id: { type: int, primary_key: true }
        """;

    [Theory]
    [InlineData("mysql")]
    [InlineData("sqlite")]
    public void Two_columns_whose_names_differ_only_by_case_are_refused_where_column_names_ignore_case(string dialect) =>
        Assert.Contains($"columns 'name' and 'Name' are one column to {dialect}", Problem(dialect, TwoColumns));

    [Fact]
    public void Two_tables_whose_names_differ_only_by_case_are_refused_on_SQLite() =>
        Assert.Contains("tables 'Users' and 'users' are one table to sqlite", Problem("sqlite", TwoTables));

    [Theory]
    [InlineData("postgres", TwoColumns)]
    [InlineData("postgres", TwoTables)]
    [InlineData("mysql", TwoTables)]
    public void Names_differing_by_case_are_two_objects_where_the_database_tells_them_apart(string dialect, string yaml) =>
        Assert.Null(Problem(dialect, yaml));

    private const string SameIndexInTwoTables = """
        tables:
          a:
            columns:
              x: { type: int }
            indexes:
              ix_x: { columns: [x] }
          b:
            columns:
              x: { type: int }
            indexes:
              ix_x: { columns: [x] }
        """;

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public void An_index_name_used_in_two_tables_is_refused_with_its_place_where_indexes_share_the_schema(string dialect) =>
        Assert.Equal($"schema.yaml:11:7: index name 'ix_x' is used twice (also at schema.yaml:6:7); {dialect} keeps index names in one namespace for the whole schema: rename one",
            Problem(dialect, SameIndexInTwoTables));

    [Fact]
    public void An_index_name_used_in_two_tables_is_two_indexes_on_MySQL() =>
        Assert.Null(Problem("mysql", SameIndexInTwoTables));

    [Fact]
    public void Two_indexes_of_one_table_differing_only_by_case_are_refused_on_MySQL() =>
        Assert.Equal("schema.yaml:6:7: table 't': indexes 'IX_A' and 'ix_a' are one index to mysql, which ignores the case of index names: rename one",
            Problem("mysql", "tables:\n  t:\n    columns:\n      a: { type: int }\n    indexes:\n      ix_a: { columns: [a] }\n      IX_A: { columns: [a] }\n"));

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public void An_index_named_like_a_table_is_refused_where_indexes_and_tables_share_a_namespace(string dialect) =>
        Assert.Equal($"schema.yaml:9:7: index 'a' of 'b' has the name of table 'a'; {dialect} keeps indexes and tables in one namespace: rename the index",
            Problem(dialect, "tables:\n  a:\n    columns:\n      x: { type: int }\n  b:\n    columns:\n      x: { type: int }\n    indexes:\n      a: { columns: [x] }\n"));

    private const string NullableKeyColumn = """
        tables:
          t:
            columns:
              a: { type: varchar(10) }
              b: { type: varchar(10), nullable: true }
            primary_key: [a, b]
        """;

    [Theory]
    [InlineData("postgres")]
    [InlineData("mysql")]
    public void A_nullable_primary_key_column_is_refused_with_its_place_where_the_key_makes_it_NOT_NULL(string dialect) =>
        Assert.Equal($"schema.yaml:5:7: column 't.b' is in the primary key, which {dialect} makes NOT NULL here; remove `nullable: true`",
            Problem(dialect, NullableKeyColumn));

    [Fact]
    public void A_nullable_primary_key_column_is_kept_on_SQLite() => Assert.Null(Problem("sqlite", NullableKeyColumn));

    [Theory]
    [InlineData("int")]
    [InlineData("INTEGER")]
    public void SQLite_keeps_a_nullable_INTEGER_PRIMARY_KEY_which_is_the_rowid_declared_without_NOT_NULL(string type) =>
        Assert.Null(Problem("sqlite", $"tables:\n  t:\n    columns:\n      id: {{ type: {type}, primary_key: true, nullable: true }}\n"));

    [Fact]
    public void SQLite_refuses_a_nullable_primary_key_column_of_a_WITHOUT_ROWID_table() =>
        Assert.Equal("schema.yaml:5:7: column 't.id' is in the primary key, which sqlite makes NOT NULL here; remove `nullable: true`",
            Problem("sqlite", "tables:\n  t:\n    without_rowid: true\n    columns:\n      id: { type: text, primary_key: true, nullable: true }\n"));
}
