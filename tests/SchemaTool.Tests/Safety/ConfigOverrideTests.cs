using SchemaTool.Project;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Safety;

/// <summary>${ENV} in the config, and which database wins: --database, then SCHEMATOOL_DATABASE, then `database:`.</summary>
public sealed class ConfigOverrideTests : IDisposable
{
    private readonly ScratchProject _project = new(database: "sqlite:${SCHEMATOOL_TEST_DB_FILE}");

    public void Dispose() => _project.Dispose();

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_variable_in_the_config_is_replaced()
    {
        var workspace = Workspace.Open(_project.Dir, environment: Env(("SCHEMATOOL_TEST_DB_FILE", "from-env.db")));
        Assert.Equal("sqlite:from-env.db", workspace.Target.Display);
    }

    [Fact]
    public void An_unset_variable_is_an_error_naming_it()
    {
        var error = Assert.Throws<SchemaTool.Yaml.ModelException>(() => Workspace.Open(_project.Dir, environment: Env()));
        var message = Assert.Single(error.Errors);
        Assert.Contains("schematool.yaml", message);
        Assert.Contains("environment variable SCHEMATOOL_TEST_DB_FILE is not set", message);
    }

    [Fact]
    public void The_cli_exits_2_on_an_unset_variable_naming_it()
    {
        // Nothing sets SCHEMATOOL_TEST_DB_FILE in the test process, so the real environment serves.
        Assert.Null(Environment.GetEnvironmentVariable("SCHEMATOOL_TEST_DB_FILE"));
        var result = _project.Run("status");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SCHEMATOOL_TEST_DB_FILE", result.Err);
        Assert.StartsWith("error: ", result.Err);
    }

    [Fact]
    public void Database_option_beats_the_environment_which_beats_the_config()
    {
        var env = Env(("SCHEMATOOL_TEST_DB_FILE", "config.db"), ("SCHEMATOOL_DATABASE", "sqlite:env.db"));
        Assert.Equal("sqlite:option.db", Workspace.Open(_project.Dir, "sqlite:option.db", env).Target.Display);
        Assert.Equal("sqlite:env.db", Workspace.Open(_project.Dir, null, env).Target.Display);
        Assert.Equal("sqlite:config.db", Workspace.Open(_project.Dir, null, Env(("SCHEMATOOL_TEST_DB_FILE", "config.db"))).Target.Display);
        Assert.Equal("sqlite:config.db", Workspace.Open(_project.Dir, null, Env(("SCHEMATOOL_TEST_DB_FILE", "config.db"), ("SCHEMATOOL_DATABASE", " "))).Target.Display);
    }

    [Fact]
    public void The_database_option_on_the_cli_reaches_the_database()
    {
        using var plain = new ScratchProject();
        plain.AddTable("1", "", "t1");
        var other = Path.Combine(plain.Dir, "other.db");
        plain.Ok("apply", "--database", "sqlite:" + other);
        Assert.True(File.Exists(other));
        Assert.False(File.Exists(plain.DatabaseFile));
    }
}
