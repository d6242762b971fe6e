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
}
