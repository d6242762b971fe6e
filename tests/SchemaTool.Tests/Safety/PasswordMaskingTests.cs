using SchemaTool.Dialects;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Safety;

/// <summary>A password in the database URL or connection string never appears in any output, success or failure.</summary>
public sealed class PasswordMaskingTests
{
    private const string Password = "s3cretpw";

    /// <summary>(dialect for `dialect:`, database); cases of dialects not on this branch yet are left out until they land.</summary>
    public static TheoryData<string, string> Databases
    {
        get
        {
            var cases = new (string Dialect, string Database)[]
            {
                ("sqlite", $"Data Source=masked.db;Password={Password}"),
                ("postgres", $"postgres://u:{Password}@127.0.0.1:1/db"),
                ("postgres", $"Host=127.0.0.1;Port=1;Username=u;Password={Password};Database=db"),
                ("mysql", $"mysql://u:{Password}@127.0.0.1:1/db"),
                ("mysql", $"Server=127.0.0.1;Port=1;User ID=u;Password={Password};Database=db"),
            };
            var data = new TheoryData<string, string>();
            foreach (var (dialect, database) in cases.Where(c => DialectRegistry.Names.Contains(c.Dialect))) data.Add(dialect, database);
            return data;
        }
    }

    private static readonly string[][] Commands =
    [
        ["status"], ["history"], ["apply"], ["apply", "--dry-run"], ["apply", "--sql"], ["plan", "--dry-run"],
        ["rollback", "base"], ["stamp", "head"], ["stamp", "base"], ["apply", "--lock-timeout", "x"],
    ];

    [Theory]
    [MemberData(nameof(Databases))]
    public void No_command_prints_the_password_from_the_config(string dialect, string database)
    {
        using var project = new ScratchProject(database: $"\"{database}\"", extraConfig: $"dialect: {dialect}\n");
        project.AddTable("1", "", "t1");
        foreach (var command in Commands)
            foreach (var verbose in new[] { false, true })
            {
                var result = project.Run(verbose ? [.. command, "--verbose"] : command);
                Assert.DoesNotContain(Password, result.All);
            }
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void No_command_prints_the_password_from_the_database_option(string dialect, string database)
    {
        using var project = new ScratchProject(extraConfig: $"dialect: {dialect}\n");
        project.AddTable("1", "", "t1");
        foreach (var command in Commands)
        {
            var result = project.Run([.. command, "--database", database, "--verbose"]);
            Assert.DoesNotContain(Password, result.All);
        }
    }
}
