using MySqlConnector;
using SchemaTool.Dialects;
using SchemaTool.Dialects.MySql;

namespace SchemaTool.Tests.MySql;

public sealed class MySqlTargetTests
{
    private static readonly MySqlDialect Dialect = new();

    [Theory]
    [InlineData("mysql://app:s%40cr%3At@db.example:3307/shop?SslMode=None", "mysql://app:***@db.example:3307/shop")]
    [InlineData("mariadb://app@db.example/shop", "mysql://app@db.example:3306/shop")]
    public void A_URL_is_percent_decoded_and_shown_with_the_password_masked(string url, string display)
    {
        var target = Dialect.ParseTarget(url, "/project");
        var builder = new MySqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(display, target.Display);
        Assert.Equal("shop", builder.Database);
        Assert.Equal("app", builder.UserID);
        Assert.True(builder.IgnoreCommandTransaction);
        if (url.Contains("%40")) Assert.Equal(("s@cr:t", MySqlSslMode.None), (builder.Password, builder.SslMode));
        Assert.DoesNotContain("cr", target.Display[target.Display.IndexOf('@')..]);
    }

    [Fact]
    public void A_connection_string_is_taken_as_it_is_and_masked()
    {
        var target = Dialect.ParseTarget("Server=h;Port=3308;User ID=u;Password=secret;Database=d", "/project");
        Assert.Equal("mysql://u:***@h:3308/d", target.Display);
        Assert.DoesNotContain("secret", target.ToString());
        Assert.Equal("secret", new MySqlConnectionStringBuilder(target.ConnectionString).Password);
    }

    [Theory]
    [InlineData("mysql://u:secret@h:3306/")]
    [InlineData("mysql://u:secret@h:3306/d?NoSuchOption=1")]
    public void A_bad_URL_is_an_input_error_that_never_shows_the_password(string url)
    {
        var error = Assert.Throws<InputException>(() => Dialect.ParseTarget(url, "/project"));
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void The_registry_resolves_mysql_and_mariadb_URLs_to_this_dialect()
    {
        var (dialect, target) = DialectRegistry.Resolve("mariadb://u@h/d", null, "/project");
        Assert.IsType<MySqlDialect>(dialect);
        Assert.Equal("mysql", target.Dialect);
    }
}
