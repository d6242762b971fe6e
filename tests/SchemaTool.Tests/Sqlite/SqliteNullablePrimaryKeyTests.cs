namespace SchemaTool.Tests.Sqlite;

/// <summary>
/// SQLite lets NULL into a primary key column not declared NOT NULL (outside the rowid and WITHOUT ROWID tables):
/// inspect writes such a key as `nullable: true`, and plan and apply keep it.
/// </summary>
public sealed class SqliteNullablePrimaryKeyTests
{
    [Fact]
    public void Nullable_primary_key_columns_are_adopted_and_keep_taking_NULL()
    {
        using var adoption = SqliteAdoption.RoundTrip("""
            CREATE TABLE pairs (a TEXT, b TEXT, PRIMARY KEY (a, b));
            CREATE TABLE codes (code VARCHAR(8) PRIMARY KEY, label TEXT);
            CREATE TABLE ids (id INTEGER PRIMARY KEY, v TEXT);
            """, copy =>
            {
                copy.Execute("INSERT INTO pairs VALUES (NULL, 'x'); INSERT INTO codes VALUES (NULL, 'none'); INSERT INTO ids (id, v) VALUES (NULL, 'rowid')");
                Assert.Equal(["NULL|x"], copy.Query("SELECT a, b FROM pairs"));
                Assert.Equal(["NULL|none"], copy.Query("SELECT code, label FROM codes"));
                Assert.Equal(["1|rowid"], copy.Query("SELECT id, v FROM ids")); // the rowid never holds NULL
            });
        Assert.Matches(@"\n      a: +\{ type: TEXT, nullable: true \}", adoption.Yaml);
        Assert.Contains("primary_key: [a, b]", adoption.Yaml);
        Assert.Matches(@"\n      code: +\{ type: VARCHAR\(8\), nullable: true, primary_key: true \}", adoption.Yaml);
    }
}
