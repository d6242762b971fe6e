using Npgsql;
using SchemaTool.Dialects;
using SchemaTool.Dialects.Postgres;

namespace SchemaTool.Tests.Postgres;

public sealed class PostgresTargetTests
{
    private static ConnectionTarget Parse(string text) => new PostgresDialect().ParseTarget(text, "/project");

    [Fact]
    public void A_url_gives_host_port_database_user_and_a_masked_display()
    {
        var target = Parse("postgres://app:s3cret@db.example.com:6543/shop");
        var cs = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(("db.example.com", 6543, "shop", "app", "s3cret"), (cs.Host, cs.Port, cs.Database, cs.Username, cs.Password));
        Assert.Equal("postgres://app:***@db.example.com:6543/shop", target.Display);
        Assert.Equal("public", target.Schema);
        Assert.DoesNotContain("s3cret", target.ToString());
    }

    [Fact]
    public void Percent_encoded_parts_are_decoded()
    {
        var target = Parse("postgresql://us%40er:p%40ss%3Aword@localhost/my%20db");
        var cs = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(("us@er", "p@ss:word", "my db"), (cs.Username, cs.Password, cs.Database));
        Assert.DoesNotContain("p@ss", target.Display);
    }

    [Fact]
    public void Search_path_names_the_schema_and_other_options_pass_through()
    {
        var target = Parse("postgres://app@h/db?search_path=billing&sslmode=require&application_name=deploy");
        var cs = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal("billing", target.Schema);
        Assert.Equal("billing", cs.SearchPath);
        Assert.Equal(SslMode.Require, cs.SslMode);
        Assert.Equal("deploy", cs.ApplicationName);
    }

    [Fact]
    public void Several_hosts_with_target_session_attrs_primary()
    {
        var target = Parse("postgres://app:pw@host1:5432,host2:5433/db?target_session_attrs=primary");
        var cs = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal("host1:5432,host2:5433", cs.Host);
        Assert.Equal("primary", cs.TargetSessionAttributes);
        Assert.Equal("postgres://app:***@host1:5432,host2:5433/db?target_session_attrs=primary", target.Display);
    }

    [Fact]
    public void A_raw_connection_string_is_accepted_and_masked()
    {
        var target = Parse("Host=localhost;Database=shop;Username=app;Password=s3cret;Search Path=sales");
        Assert.Equal("sales", target.Schema);
        Assert.DoesNotContain("s3cret", target.Display);
        Assert.Contains("***", target.Display);
    }

    [Fact]
    public void An_unknown_option_is_an_input_error_naming_it()
    {
        var error = Assert.Throws<InputException>(() => Parse("postgres://app@h/db?frobnicate=1"));
        Assert.Contains("frobnicate", error.Message);
    }

    [Fact]
    public void Sessions_run_without_the_server_s_jit_unless_the_options_set_it()
    {
        const string standard = " -c standard_conforming_strings=on";
        Assert.Equal("-c jit=off" + standard, new NpgsqlConnectionStringBuilder(Parse("postgres://app@h/db").ConnectionString).Options);
        Assert.Equal("-c jit=off -c work_mem=64MB" + standard,
            new NpgsqlConnectionStringBuilder(Parse("postgres://app@h/db?options=-c%20work_mem%3D64MB").ConnectionString).Options);
        Assert.Equal("-c jit=on" + standard, new NpgsqlConnectionStringBuilder(Parse("Host=h;Database=db;Options=-c jit=on").ConnectionString).Options);
    }

    [Fact]
    public async Task A_session_s_connection_has_jit_off()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var session = await db.OpenAsync();
        await using var command = session.CreateCommand("SHOW jit");
        Assert.Equal("off", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void The_registry_resolves_postgres_urls()
    {
        var (dialect, target) = DialectRegistry.Resolve("postgresql://app@h/db", null, "/project");
        Assert.Equal("postgres", dialect.Name);
        Assert.True(dialect.TransactionalDdl);
        Assert.Equal("public", target.Schema);
    }
}
