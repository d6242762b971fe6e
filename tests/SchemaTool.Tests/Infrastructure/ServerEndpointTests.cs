using Xunit;

namespace SchemaTool.Tests.Infrastructure;

public sealed class ServerEndpointTests
{
    [Fact]
    public void Url_of_a_local_server_names_user_host_port_and_database()
    {
        var endpoint = new ServerEndpoint("127.0.0.1", 40123, "postgres", null);

        Assert.Equal("postgres://postgres@127.0.0.1:40123/app_1", endpoint.Url("postgres", "app_1"));
    }

    [Fact]
    public void Parse_decodes_credentials_and_Url_encodes_them_again()
    {
        var endpoint = ServerEndpoint.Parse("mysql://tester:p%40ss%3Aw%2Frd@db.example:3307/ignored", 3306, "mysql");

        Assert.Equal(new ServerEndpoint("db.example", 3307, "tester", "p@ss:w/rd"), endpoint);
        Assert.Equal("mysql://tester:p%40ss%3Aw%2Frd@db.example:3307/x", endpoint.Url("mysql", "x"));
    }

    [Fact]
    public void Parse_uses_the_default_port_when_the_url_has_none()
    {
        Assert.Equal(5432, ServerEndpoint.Parse("postgresql://postgres@localhost/postgres", 5432, "postgres", "postgresql").Port);
    }

    [Theory]
    [InlineData("mysql://root@127.0.0.1/db")]
    [InlineData("postgres://127.0.0.1/db")]
    [InlineData("postgres://postgres@127.0.0.1/db?sslmode=require")]
    public void Parse_rejects_urls_it_cannot_honour(string url)
    {
        Assert.Throws<ArgumentException>(() => ServerEndpoint.Parse(url, 5432, "postgres"));
    }
}
