using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Safety;

/// <summary>
/// A password holding the characters a URL gives a meaning (? @ / # :), unencoded, or written in the query under
/// another spelling of the key (pwd, Pwd, psw, PASSWORD), never appears in what any command prints, with or
/// without --verbose, wherever the URL comes from: `database:`, --database, SCHEMATOOL_DATABASE, `targets:`,
/// `targets_file`. The password is a unique marker; PostgreSQL runs with trust authentication, so the commands
/// connect and print the database as they show it; MySQL's port is closed, so they print the failure.
/// </summary>
public sealed class PasswordShapeTests
{
    private const string Marker = "Zq9xSHAPExQz";

    private static string Database => PostgresDatabase.Value.GetAwaiter().GetResult();

    private static readonly Lazy<Task<string>> PostgresDatabase = new(() => PostgresServer.Shared.CreateDatabaseAsync("pwshape"));

    public static TheoryData<string> Shapes => ["user part", "query pwd", "query Pwd", "query psw", "query PASSWORD", "mysql user part", "mysql query pwd"];

    private static string Url(string shape)
    {
        var pg = PostgresServer.Shared;
        var host = $"{pg.Host}:{pg.Port}";
        return shape switch
        {
            "user part" => $"postgres://postgres:{Marker}?b@c/d#:e@{host}/{Database}",
            "query pwd" => $"postgres://postgres@{host}/{Database}?pwd={Marker}",
            "query Pwd" => $"postgres://postgres@{host}/{Database}?sslmode=disable&Pwd={Marker}",
            "query psw" => $"postgres://postgres@{host}/{Database}?psw={Marker}",
            "query PASSWORD" => $"postgres://postgres@{host}/{Database}?PASSWORD={Marker}",
            "mysql user part" => $"mysql://u:{Marker}?/@#:x@127.0.0.1:1/db",
            _ => $"mysql://u@127.0.0.1:1/db?pwd={Marker}",
        };
    }

    private static readonly string[][] Commands =
    [
        ["status"], ["status", "--json"], ["history"], ["history", "--json"], ["check"], ["plan", "--dry-run"], ["apply", "--dry-run"], ["diff"],
    ];

    private static readonly string[][] FleetCommands =
    [
        ["status", "--all"], ["status", "--all", "--json"], ["history", "--target", "remote"], ["status", "--target", "remote", "--json"], ["apply", "--all", "--dry-run"],
    ];

    private static ScratchProject Project(string config)
    {
        var project = new ScratchProject(database: "sqlite:unused.db", extraConfig: "");
        File.WriteAllText(Path.Combine(project.Dir, "schematool.yaml"), config);
        return project;
    }

    private static string Quoted(string url) => "\"" + url.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static void AssertNoPassword(ScratchProject project, string[][] commands, params string[] extra)
    {
        foreach (var command in commands)
            foreach (var verbose in new[] { false, true })
            {
                string[] args = [.. command, .. extra, .. verbose ? new[] { "--verbose" } : []];
                var result = project.Run(args);
                Assert.False(result.All.Contains(Marker, StringComparison.Ordinal), $"schematool {string.Join(" ", args)}\n{result}");
            }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Not_from_the_config_database(string shape)
    {
        using var project = Project($"database: {Quoted(Url(shape))}\n");
        AssertNoPassword(project, Commands);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Not_from_the_database_option(string shape)
    {
        using var project = Project("database: sqlite:app.db\n");
        AssertNoPassword(project, Commands, "--database", Url(shape));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Not_from_the_targets_map(string shape)
    {
        using var project = Project($"targets:\n  remote: {Quoted(Url(shape))}\n");
        AssertNoPassword(project, FleetCommands);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Not_from_a_targets_file(string shape)
    {
        using var project = Project("targets_file: targets.txt\n");
        File.WriteAllText(Path.Combine(project.Dir, "targets.txt"), "# the fleet\n" + Url(shape) + "\n");
        AssertNoPassword(project, [["status", "--all"], ["status", "--all", "--json"], ["apply", "--all", "--dry-run"]]);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Not_from_the_environment(string shape)
    {
        using var project = Project("schema: schema\n");
        foreach (var command in new[] { new[] { "status" }, ["history", "--json"] })
            foreach (var verbose in new[] { false, true })
            {
                string[] args = [.. command, "--project", project.Dir, .. verbose ? new[] { "--verbose" } : []];
                var result = await ToolProcess.RunAsync(new Dictionary<string, string> { ["SCHEMATOOL_DATABASE"] = Url(shape) }, args);
                Assert.False(result.All.Contains(Marker, StringComparison.Ordinal), $"schematool {string.Join(" ", args)}\n{result}");
            }
    }

    [Theory]
    [InlineData("query pwd")]
    [InlineData("user part")]
    public void Status_and_history_show_the_database_with_the_password_as_stars(string shape)
    {
        using var project = Project($"database: {Quoted(Url(shape))}\n");
        var history = project.Ok("history", "--json");
        Assert.Contains("***", history.Out);
        Assert.DoesNotContain(Marker, history.All);
    }
}
