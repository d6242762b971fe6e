using MySqlConnector;
using Npgsql;
using SchemaTool.Dialects;

namespace SchemaTool.Tests.Urls;

/// <summary>
/// A password in a database URL, whatever characters it holds and wherever it is written (user part, query, a
/// connection string under any key a driver takes as a password), reaches the driver and never the display or
/// an error message. The password is a unique marker, so its absence is checked by a plain search.
/// </summary>
public sealed class DatabaseUrlSecretTests
{
    private const string Marker = "Zq9xMARKERxQz";

    /// <summary>Passwords with each character a URL gives a meaning, unencoded, and percent-encoded.</summary>
    public static TheoryData<string, string> UserPartPasswords => new()
    {
        { "question mark", Marker + "?x" },
        { "at sign", Marker + "@x" },
        { "slash", Marker + "/x" },
        { "hash", Marker + "#x" },
        { "colon", Marker + ":x" },
        { "all of them", "a?b@c/" + Marker + "#d:e" },
        { "leading at sign", "@" + Marker },
    };

    [Theory]
    [MemberData(nameof(UserPartPasswords))]
    public void A_password_with_URL_characters_reaches_Npgsql_and_is_never_shown(string name, string password)
    {
        _ = name;
        foreach (var scheme in new[] { "postgres", "postgresql" })
        {
            var (dialect, target) = DialectRegistry.Resolve($"{scheme}://app:{password}@db.example.com:6543/shop?sslmode=disable", null, "/project");
            var cs = new NpgsqlConnectionStringBuilder(target.ConnectionString);
            Assert.Equal(("db.example.com", 6543, "shop", "app", password), (cs.Host, cs.Port, cs.Database, cs.Username, cs.Password));
            Assert.Equal($"{scheme}://app:***@db.example.com:6543/shop?sslmode=disable", target.Display);
            Assert.Equal("postgres", dialect.Name);
        }
    }

    [Theory]
    [MemberData(nameof(UserPartPasswords))]
    public void A_password_with_URL_characters_reaches_MySqlConnector_and_is_never_shown(string name, string password)
    {
        _ = name;
        foreach (var scheme in new[] { "mysql", "mariadb" })
        {
            var (_, target) = DialectRegistry.Resolve($"{scheme}://app:{password}@db.example.com:3307/shop?SslMode=None", null, "/project");
            var cs = new MySqlConnectionStringBuilder(target.ConnectionString);
            Assert.Equal(("db.example.com", 3307u, "shop", "app", password), (cs.Server, cs.Port, cs.Database, cs.UserID, cs.Password));
            Assert.Equal("mysql://app:***@db.example.com:3307/shop", target.Display);
        }
    }

    /// <summary>Every key Npgsql or MySqlConnector takes as a password or key password, in the spellings people write.</summary>
    public static TheoryData<string> PasswordKeys =>
        ["password", "Password", "PASSWORD", "pwd", "Pwd", "PWD", "psw", "Psw", "sslpassword", "SSL%20Password", "certificatepassword", "Certificate%20Password"];

    [Theory]
    [MemberData(nameof(PasswordKeys))]
    public void A_password_in_a_URL_query_is_masked_under_every_key_a_driver_takes(string key)
    {
        foreach (var url in new[] { $"postgres://app@h:5432/db?{key}={Marker}&sslmode=disable", $"mysql://app@h:3306/db?{key}={Marker}" })
        {
            string shown;
            try
            {
                shown = DialectRegistry.Resolve(url, null, "/project").Target.Display;
            }
            catch (InputException e)
            {
                shown = e.Message; // a key the other driver's only: refused, and the message must hide the value too
            }
            Assert.DoesNotContain(Marker, shown);
        }
    }

    [Theory]
    [InlineData("postgres", "Host=h;Database=d;Username=u;Password=" + Marker)]
    [InlineData("postgres", "Host=h;Database=d;Username=u;PWD=" + Marker)]
    [InlineData("postgres", "Host=h;Database=d;Username=u;psw=" + Marker)]
    [InlineData("postgres", "Host=h;Database=d;Username=u;SSL Password=" + Marker)]
    [InlineData("mysql", "Server=h;Database=d;User ID=u;Pwd=" + Marker)]
    [InlineData("mysql", "Server=h;Database=d;User ID=u;password=" + Marker)]
    [InlineData("mysql", "Server=h;Database=d;User ID=u;Certificate Password=" + Marker)]
    public void A_password_in_a_connection_string_is_masked_under_every_key(string dialect, string connectionString)
    {
        var target = DialectRegistry.Resolve(connectionString, dialect, "/project").Target;
        Assert.DoesNotContain(Marker, target.Display);
    }

    /// <summary>URLs that cannot be used, each with the password somewhere in it: the error hides it.</summary>
    [Theory]
    [InlineData("postgres://u:" + Marker + "@h:xx/db")]
    [InlineData("postgres://u:" + Marker + "@/db")]
    [InlineData("postgres://u:" + Marker + "/db")]
    [InlineData("postgres://u:" + Marker + "?@h:5432/db?sslmode=nonsense")]
    [InlineData("postgres://u@h/db?connect_timeout=abc&password=" + Marker)]
    [InlineData("postgres://u@h/db?certificatepassword=" + Marker)]
    [InlineData("mysql://u:" + Marker + "@h:xx/db")]
    [InlineData("mysql://u:" + Marker + "@/db")]
    [InlineData("mysql://u:" + Marker + "@h:3306")]
    [InlineData("mysql://u:" + Marker + "@h/db?sslpassword=" + Marker)]
    [InlineData("mysql://u:" + Marker + "/db")]
    public void An_unusable_URL_is_refused_without_showing_the_password(string url)
    {
        var error = Assert.Throws<InputException>(() => DialectRegistry.Resolve(url, null, "/project"));
        Assert.DoesNotContain(Marker, error.Message);
    }

    [Fact]
    public void The_database_of_a_fleet_server_URL_is_swapped_with_the_password_as_written()
    {
        Assert.Equal("postgres://u:a?b/c@h:5432/tenant_1?sslmode=disable", DatabaseUrls.WithDatabase("postgres://u:a?b/c@h:5432/postgres?sslmode=disable", "tenant_1"));
        Assert.Equal("mysql://u:p@h/tenant_1", DatabaseUrls.WithDatabase("mysql://u:p@h", "tenant_1"));
    }
}
