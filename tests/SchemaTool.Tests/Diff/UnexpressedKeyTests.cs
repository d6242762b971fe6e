using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Diff;

/// <summary>A key that only some databases can express is refused on the others at plan, with its place and what to do.</summary>
public sealed class UnexpressedKeyTests
{
    private static string? Problem(string dialect, string yaml)
    {
        try
        {
            Planner.Create(DialectRegistry.Get(dialect), Schema.Empty, ModelLoader.Load("schema.yaml", yaml));
            return null;
        }
        catch (InputException e)
        {
            return e.Message;
        }
    }

    private const string DeclaredType = "tables:\n  t:\n    columns:\n      id: { declared_type: int, primary_key: true }\n";
    private const string Virtual = "tables:\n  docs:\n    virtual: \"fts5(title)\"\n";
    private const string Strict = "tables:\n  t:\n    strict: true\n    columns:\n      id: { type: int, primary_key: true }\n";
    private const string Charset = "tables:\n  t:\n    charset: utf8mb4\n    columns:\n      id: { type: int, primary_key: true }\n";
    private const string Unlogged = "tables:\n  t:\n    unlogged: true\n    columns:\n      id: { type: int, primary_key: true }\n";
    private const string RowFormat = "tables:\n  t:\n    row_format: DYNAMIC\n    columns:\n      id: { type: int, primary_key: true }\n";

    [Theory]
    [InlineData("postgres")]
    [InlineData("mysql")]
    public void SQLite_keys_are_refused_elsewhere(string dialect)
    {
        Assert.Equal($"schema.yaml:4:7: column 't.id': `declared_type:` keeps SQLite's declared type as written; on {dialect} write `type: int`", Problem(dialect, DeclaredType));
        Assert.Equal($"schema.yaml:2:3: table 'docs' is `virtual:`; virtual tables are SQLite's, {dialect} has none", Problem(dialect, Virtual));
        Assert.Equal($"schema.yaml:2:3: table 't': `without_rowid:` and `strict:` are SQLite's table options; remove them for {dialect}", Problem(dialect, Strict));
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public void MySQL_table_options_are_refused_elsewhere(string dialect)
    {
        Assert.Equal($"schema.yaml:2:3: table 't': `engine:`, `charset:` and `collation:` of a table are MySQL's; on {dialect} give columns a `collation:` instead",
            Problem(dialect, Charset));
        Assert.Equal($"schema.yaml:2:3: table 't': `row_format:` is MySQL's; remove it for {dialect}", Problem(dialect, RowFormat));
        Assert.Equal($"schema.yaml:2:3: table 't': `key_block_size:` is MySQL's; remove it for {dialect}",
            Problem(dialect, RowFormat.Replace("row_format: DYNAMIC", "key_block_size: 8")));
    }

    [Theory]
    [InlineData("mysql")]
    [InlineData("sqlite")]
    public void Unlogged_is_refused_outside_PostgreSQL(string dialect) =>
        Assert.Equal($"schema.yaml:2:3: table 't': `unlogged:` is PostgreSQL's; remove it for {dialect}", Problem(dialect, Unlogged));

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public void A_trigger_order_is_refused_outside_MySQL(string dialect) =>
        Assert.Contains($"trigger 'b': `follows:` orders MySQL's triggers; {dialect} has no such order: remove it", Problem(dialect, """
            tables:
              t:
                columns:
                  id: { type: int, primary_key: true }
            triggers:
              a: { table: t, timing: before, events: [insert], body: "SELECT 1;" }
              b: { table: t, timing: before, events: [insert], body: "SELECT 1;", follows: a }
            """));

    [Fact]
    public void Each_key_is_taken_where_it_belongs()
    {
        Assert.Null(Problem("sqlite", DeclaredType));
        Assert.Null(Problem("sqlite", Virtual));
        Assert.Null(Problem("sqlite", Strict));
        Assert.Null(Problem("mysql", Charset));
        Assert.Null(Problem("mysql", RowFormat));
        Assert.Null(Problem("postgres", Unlogged));
    }
}
