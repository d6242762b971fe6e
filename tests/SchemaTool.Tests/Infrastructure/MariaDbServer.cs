using System.Diagnostics;
using MySqlConnector;

namespace SchemaTool.Tests.Infrastructure;

/// <summary>
/// A throwaway MariaDB 10.11 server on 127.0.0.1 with its data in a fresh /tmp/schematool-mariadb-* folder.
/// Use <see cref="Shared"/> for ordinary tests (one server per test run, each test in its own database)
/// and <see cref="StartAsync"/> for tests that need servers of their own, e.g. replication.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    /// <summary>
    /// When set (e.g. mysql://root:secret@127.0.0.1:3306/mysql), <see cref="Shared"/> uses that existing
    /// server instead of starting one. The user must be allowed to create and drop databases.
    /// </summary>
    public const string UrlVariable = "SCHEMATOOL_TEST_MYSQL_URL";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<MariaDbServer> SharedServer = new(
        () => Task.Run(StartSharedAsync).GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

    // Passed to both mariadb-install-db and mariadbd so the InnoDB files are created the way they are used.
    private static readonly string[] InnoDbSettings =
    [
        "--innodb-buffer-pool-size=128M",
        "--innodb-log-file-size=16M",
        // Durability is pointless for a throwaway server; these make DDL-heavy tests much faster.
        "--innodb-flush-log-at-trx-commit=2",
        "--innodb-doublewrite=0",
        // Native AIO contexts are a scarce kernel resource (fs.aio-max-nr) when several servers run at once.
        "--innodb-use-native-aio=0",
    ];

    private readonly ServerEndpoint endpoint;
    private readonly string? folder;
    private readonly Process? process;
    private int stopped;

    private MariaDbServer(ServerEndpoint endpoint, string? folder, Process? process, TimeSpan startupTime)
    {
        this.endpoint = endpoint;
        this.folder = folder;
        this.process = process;
        StartupTime = startupTime;
        if (folder is not null)
            AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    /// <summary>The server shared by the whole test run, started on first use and stopped when the process exits.</summary>
    public static MariaDbServer Shared => SharedServer.Value;

    public string Host => endpoint.Host;
    public int Port => endpoint.Port;
    public TimeSpan StartupTime { get; }

    /// <summary>Connects as root without a default database.</summary>
    public string AdminConnectionString => ConnectionString("");

    /// <summary>
    /// Unpooled by default: pools would keep idle connections to every per-test database (counting against
    /// max_connections), and would hand out dead connections after a server is stopped.
    /// </summary>
    public string ConnectionString(string database, bool pooling = false) => new MySqlConnectionStringBuilder
    {
        Server = endpoint.Host,
        Port = (uint)endpoint.Port,
        UserID = endpoint.User,
        Password = endpoint.Password ?? "",
        Database = database,
        Pooling = pooling,
    }.ConnectionString;

    public string Url(string database) => endpoint.Url("mysql", database);

    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = DatabaseNames.New(prefix);
        await ExecuteAsync($"CREATE DATABASE `{name}`").ConfigureAwait(false);
        return name;
    }

    public Task DropDatabaseAsync(string name) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS `{name.Replace("`", "``")}`");

    public static async Task<MariaDbServer> StartAsync(MariaDbServerOptions? options = null)
    {
        try
        {
            return await StartInNewFolderAsync(options ?? new MariaDbServerOptions()).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"Could not start a throwaway MariaDB 10.11 test server (.ci/install-deps.sh sets up what it needs): {e.Message}", e);
        }
    }

    private static async Task<MariaDbServer> StartInNewFolderAsync(MariaDbServerOptions options)
    {
        var clock = Stopwatch.StartNew();
        var installDb = Executables.Find(["mariadb-install-db", "mysql_install_db"], ["/usr/bin", "/usr/local/bin"]);
        var mariadbd = Executables.Find(["mariadbd", "mysqld"], ["/usr/sbin", "/usr/local/sbin", "/usr/bin"]);
        if (installDb is null || mariadbd is null)
            throw new InvalidOperationException(
                "MariaDB server binaries (mariadb-install-db, mariadbd) not found. Install mariadb-server.");

        // mariadbd switches to --user itself, but only when started as root; it accepts --user=root explicitly.
        var account = await RunAs.PickAccountAsync("mysql", "root").ConfigureAwait(false);
        string[] userArgument = account is null ? [] : [$"--user={account}"];
        var folder = TempFolder.Create("schematool-mariadb-");
        try
        {
            await RunAs.GiveAsync(folder, account).ConfigureAwait(false);
            var dataDirectory = Path.Combine(folder, "data");
            await ProcessRunner.RunCheckedAsync(installDb,
                [
                    "--no-defaults", $"--datadir={dataDirectory}", "--auth-root-authentication-method=normal",
                    "--skip-test-db", "--skip-name-resolve", $"--tmpdir={folder}", .. userArgument, .. InnoDbSettings,
                ],
                CommandTimeout, folder).ConfigureAwait(false);

            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort.Pick();
                var server = ProcessRunner.StartInBackground(mariadbd,
                    [.. ServerArguments(folder, port), .. userArgument, .. options.Arguments],
                    Path.Combine(folder, "console.log"), folder);
                var endpoint = new ServerEndpoint("127.0.0.1", port, "root", null);
                var failure = await WaitUntilReadyAsync(server, endpoint).ConfigureAwait(false);
                if (failure is null)
                {
                    ExitWatchdog.Guard(folder, Path.Combine(folder, "mysqld.pid"), "KILL");
                    return new MariaDbServer(endpoint, folder, server, clock.Elapsed);
                }

                await KillAsync(server).ConfigureAwait(false);
                var errorLog = LogFile.Tail(Path.Combine(folder, "error.log"));
                if (attempt < 3 && errorLog.Contains("Address already in use", StringComparison.Ordinal))
                    continue;
                throw new InvalidOperationException(
                    $"{failure}\nEnd of its error log:\n{errorLog}\nEnd of its console output:\n{LogFile.Tail(Path.Combine(folder, "console.log"), 10)}");
            }
        }
        catch
        {
            TempFolder.Delete(folder);
            throw;
        }
    }

    /// <summary>Kills the server (it is throwaway, so no clean shutdown) and deletes its folder. Does nothing for an external server.</summary>
    public async Task StopAsync()
    {
        if (folder is null || Interlocked.Exchange(ref stopped, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        try
        {
            await KillAsync(process!).ConfigureAwait(false);
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static async Task<MariaDbServer> StartSharedAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(url))
            return new MariaDbServer(ServerEndpoint.Parse(url, 3306, "mysql", "mariadb"), null, null, TimeSpan.Zero);
        return await StartAsync().ConfigureAwait(false);
    }

    private static IEnumerable<string> ServerArguments(string folder, int port) =>
    [
        "--no-defaults", // must come first
        $"--datadir={Path.Combine(folder, "data")}",
        $"--port={port}",
        "--bind-address=127.0.0.1",
        $"--socket={Path.Combine(folder, "mysqld.sock")}",
        $"--pid-file={Path.Combine(folder, "mysqld.pid")}",
        $"--log-error={Path.Combine(folder, "error.log")}",
        // Its own temporary files beside its data: /tmp is shared with other processes that clean it up, and a
        // removed #sql-temptable file fails the statement that uses it.
        $"--tmpdir={folder}",
        // Accounts are matched by IP only, so TCP logins from 127.0.0.1 use the passwordless root@127.0.0.1
        // that mariadb-install-db creates, independent of /etc/hosts.
        "--skip-name-resolve",
        "--skip-log-bin",
        "--max-connections=500",
        "--character-set-server=utf8mb4",
        "--collation-server=utf8mb4_general_ci",
        .. InnoDbSettings,
    ];

    /// <returns>Null once a client can log in; otherwise why the server is not usable.</returns>
    private static async Task<string?> WaitUntilReadyAsync(Process server, ServerEndpoint endpoint)
    {
        var probe = new MySqlConnectionStringBuilder
        {
            Server = endpoint.Host,
            Port = (uint)endpoint.Port,
            UserID = endpoint.User,
            Pooling = false,
            ConnectionTimeout = 5,
        }.ConnectionString;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited)
                return $"mariadbd exited with code {server.ExitCode} during start-up.";
            try
            {
                await using var connection = new MySqlConnection(probe);
                await connection.OpenAsync().ConfigureAwait(false);
                return null;
            }
            catch (MySqlException) when (clock.Elapsed < ReadyTimeout)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
            catch (MySqlException e)
            {
                return $"mariadbd did not accept connections within {ReadyTimeout.TotalSeconds:0} s: {e.Message}";
            }
        }
    }

    private static async Task KillAsync(Process server)
    {
        if (!server.HasExited)
            server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync().ConfigureAwait(false);
        server.Dispose();
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        try
        {
            StopAsync().GetAwaiter().GetResult();
        }
        catch (Exception error)
        {
            Console.Error.WriteLine($"Stopping the MariaDB test server in {folder} failed: {error.Message}");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(AdminConnectionString);
        // Under a heavy parallel test load a connect can fail for a moment (loopback ports in TIME_WAIT);
        // a failure that persists still fails the test.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await connection.OpenAsync().ConfigureAwait(false);
                break;
            }
            catch (MySqlException) when (attempt < 5)
            {
                await Task.Delay(500 * attempt).ConfigureAwait(false);
            }
        }
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
