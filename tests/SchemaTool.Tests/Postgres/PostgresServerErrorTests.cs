using SchemaTool.Tests.Infrastructure;
using SchemaTool.Tests.Safety.Support;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Errors that break the transaction or the connection under a revision: the user sees the server's message, the
/// statement and its hint (exit 3), never the rollback's own failure (`internal error: NpgsqlTransaction`, exit 4).
/// </summary>
public sealed class PostgresServerErrorTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// A revision creating more tables than the server's lock table holds: 53200 "out of shared memory", with the
    /// hint to raise max_locks_per_transaction. The server here has the smallest lock table PostgreSQL allows.
    /// </summary>
    [Fact]
    public async Task Out_of_shared_memory_is_reported_with_the_statement_and_the_hint()
    {
        await using var server = await PostgresServer.StartAsync(new PostgresServerOptions
        {
            Settings = new Dictionary<string, string> { ["max_locks_per_transaction"] = "10", ["max_connections"] = "10" },
        });
        var database = await server.CreateDatabaseAsync("locks");
        using var project = new ScratchProject();
        var tables = Enumerable.Range(1, 400).Select(i => $"CREATE TABLE t{i} (id int PRIMARY KEY, name text);").ToList();
        project.Add("1", "", string.Join("\n", tables), string.Join("\n", Enumerable.Range(1, 400).Select(i => $"DROP TABLE t{i};")), "many tables");

        var result = project.Run("apply", "--database", server.Url(database));
        output.WriteLine(result.Err);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("out of shared memory", result.Err);
        // PostgreSQL 18 quotes the setting's name in the hint.
        Assert.Matches("hint: You might need to increase \"?max_locks_per_transaction", result.Err);
        Assert.Contains("failed at statement", result.Err);
        Assert.DoesNotContain("internal error", result.Err);
        Assert.Contains("rolled back whole", result.Err);
        Assert.Empty(await TablesOnceLocksAreFreedAsync(project, server.Url(database)));
    }

    /// <summary>
    /// The failed apply's backend releases its locks as it exits, which on a loaded machine can be after the CLI has:
    /// until then a new connection cannot start either (53200 again).
    /// </summary>
    private static async Task<IReadOnlyList<string>> TablesOnceLocksAreFreedAsync(ScratchProject project, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await project.TablesAsync(url);
            }
            catch (DatabaseException e) when (attempt < 30 && e.Message.Contains("53200", StringComparison.Ordinal))
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>
    /// Plan counts what the revision would lock and says so before it is written, with a split that works: a revision
    /// of the number of tables the warning names applies on the same server.
    /// </summary>
    [Fact]
    public async Task Plan_warns_when_a_revision_locks_more_than_the_server_holds_and_its_split_applies()
    {
        await using var server = await PostgresServer.StartAsync(new PostgresServerOptions
        {
            Settings = new Dictionary<string, string> { ["max_locks_per_transaction"] = "10", ["max_connections"] = "10" },
        });
        var database = server.Url(await server.CreateDatabaseAsync("split"));
        using var project = new ScratchProject();
        string Model(int tables) => "tables:\n" + string.Concat(Enumerable.Range(1, tables).Select(i =>
            $"  t{i}:\n    columns:\n      id: {{ type: int, primary_key: true }}\n      name: {{ type: text }}\n"));
        File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), Model(400));

        var plan = project.Run("plan", "--dry-run", "--database", database);
        output.WriteLine(plan.Err);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("more than the server's lock table holds: max_locks_per_transaction 10 × (max_connections 10 + max_prepared_transactions 0) = 100", plan.Err);
        Assert.Contains("out of shared memory", plan.Err);
        var split = System.Text.RegularExpressions.Regex.Match(plan.Err, @"about (\d+) of the 400 tables a revision");
        Assert.True(split.Success, plan.Err);

        File.WriteAllText(Path.Combine(project.Dir, "schema", "tables.yaml"), Model(int.Parse(split.Groups[1].Value)));
        var part = project.Run("plan", "-m", "part", "--database", database);
        Assert.True(part.ExitCode == 0, part.ToString());
        Assert.DoesNotContain("lock table", part.Err);
        project.Ok("apply", "--database", database);
    }

    /// <summary>A NUL byte in a hand-edited revision: the server refuses the message (08P01) and drops the connection.</summary>
    [Fact]
    public async Task A_nul_byte_in_a_statement_is_reported_as_the_server_error()
    {
        var database = PostgresServer.Shared.Url(await PostgresServer.Shared.CreateDatabaseAsync("nul"));
        using var project = new ScratchProject();
        project.Add("1", "", "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE \"b\0c\" (id int PRIMARY KEY);", "DROP TABLE a;", "nul");

        var result = project.Run("apply", "--database", database);
        output.WriteLine(result.Err);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.DoesNotContain("internal error", result.Err);
        Assert.Contains("failed at statement 2 of 2", result.Err);
        Assert.Contains("rolled back whole", result.Err);
        Assert.Empty(await project.TablesAsync(database));
    }

    /// <summary>
    /// A unique index over duplicates: the server's detail names the row, which the driver holds back unless the
    /// connection asks for it. The message says so once at most, and never tells the user to print row data.
    /// </summary>
    [Fact]
    public async Task A_server_error_with_a_detail_is_reported_once_without_the_drivers_advice()
    {
        var database = PostgresServer.Shared.Url(await PostgresServer.Shared.CreateDatabaseAsync("detail"));
        using var project = new ScratchProject();
        project.Add("1", "", "CREATE TABLE a (v int);\nINSERT INTO a VALUES (1), (1);\nCREATE UNIQUE INDEX ux_a_v ON a (v);", "DROP TABLE a;", "dupes");

        var result = project.Run("apply", "--database", database);
        output.WriteLine(result.Err);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("23505: could not create unique index \"ux_a_v\"", result.Err);
        Assert.DoesNotContain("Include Error Detail", result.Err);
        Assert.DoesNotContain("DETAIL:", result.Err);
    }

    /// <summary>A database set read-only: the first write (the history table) fails, and the error says why and what to do.</summary>
    [Fact]
    public async Task Apply_on_a_read_only_database_says_what_to_do()
    {
        var name = await PostgresServer.Shared.CreateDatabaseAsync("readonly");
        var database = PostgresServer.Shared.Url(name);
        using var project = new ScratchProject();
        await project.ExecuteAsync(database, $"ALTER DATABASE \"{name}\" SET default_transaction_read_only = on");
        project.Add("1", "", "CREATE TABLE a (id int PRIMARY KEY);", "DROP TABLE a;", "first");

        var result = project.Run("apply", "--database", database);
        output.WriteLine(result.Err);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("25006", result.Err);
        Assert.Contains("hint: the database takes no writes", result.Err);
        Assert.DoesNotContain("internal error", result.Err);
    }
}
