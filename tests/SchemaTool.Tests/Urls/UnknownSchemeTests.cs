using SchemaTool.Dialects;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Urls;

/// <summary>A URL whose scheme no dialect has is named as such, with the known schemes and the nearest one.</summary>
public sealed class UnknownSchemeTests
{
    [Theory]
    [InlineData("postgress://u@h/db", "unknown scheme 'postgress' in the database URL; did you mean 'postgres'? known schemes: sqlite, sqlite3, postgres, postgresql, mysql, mariadb")]
    [InlineData("mysq://u@h/db", "unknown scheme 'mysq' in the database URL; did you mean 'mysql'? known schemes: sqlite, sqlite3, postgres, postgresql, mysql, mariadb")]
    [InlineData("sqlit:app.db", "unknown scheme 'sqlit' in the database URL; did you mean 'sqlite'? known schemes: sqlite, sqlite3, postgres, postgresql, mysql, mariadb")]
    [InlineData("oracle://u@h/db", "unknown scheme 'oracle' in the database URL; known schemes: sqlite, sqlite3, postgres, postgresql, mysql, mariadb")]
    public void An_unknown_scheme_is_named_with_the_known_ones(string url, string message)
    {
        var error = Assert.Throws<InputException>(() => DialectRegistry.Resolve(url, "postgres", "/project"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_cli_exits_2_with_the_message()
    {
        using var project = new TempProject();
        var result = project.Expect(2, "status", "--database", "postgress://u:secret@h/db");
        Assert.Contains("unknown scheme 'postgress'", result.Stderr);
        Assert.Contains("did you mean 'postgres'?", result.Stderr);
        Assert.DoesNotContain("secret", result.Stderr + result.Stdout);
    }

    [Theory]
    [InlineData("Host=h;Database=d", "postgres")]
    [InlineData("Data Source=C:\\data\\app.db", "sqlite")]
    public void A_connection_string_is_no_URL(string connectionString, string dialect) =>
        Assert.Equal(dialect, DialectRegistry.Resolve(connectionString, dialect, "/project").Dialect.Name);
}
