using System.Diagnostics;
using Npgsql;

namespace SchemaTool.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server (15, or the major <see cref="VersionVariable"/> names) on 127.0.0.1 with its data in a fresh /tmp/schematool-pg-* folder.
/// Use <see cref="Shared"/> for ordinary tests (one server per test run, each test in its own database)
/// and <see cref="StartAsync"/> for tests that need servers of their own, e.g. replication.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>
    /// When set (e.g. postgres://postgres:secret@127.0.0.1:5432/postgres), <see cref="Shared"/> uses that
    /// existing server instead of starting one. The user must be allowed to create and drop databases.
    /// </summary>
    public const string UrlVariable = "SCHEMATOOL_TEST_PG_URL";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly Lazy<PostgresServer> SharedServer = new(
        () => Task.Run(StartSharedAsync).GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ServerEndpoint endpoint;
    private readonly string? folder;
    private int stopped;

    private PostgresServer(ServerEndpoint endpoint, string? folder, TimeSpan startupTime)
    {
        this.endpoint = endpoint;
        this.folder = folder;
        StartupTime = startupTime;
        if (folder is not null)
            AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    /// <summary>The server shared by the whole test run, started on first use and stopped when the process exits.</summary>
    public static PostgresServer Shared => SharedServer.Value;

    public string Host => endpoint.Host;
    public int Port => endpoint.Port;
    public TimeSpan StartupTime { get; }

    /// <summary>Connects as the superuser to the maintenance database "postgres".</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>
    /// Unpooled by default: pools would keep idle connections to every per-test database (counting against
    /// max_connections), and would hand out dead connections after a server is stopped.
    /// </summary>
    public string ConnectionString(string database, bool pooling = false) => new NpgsqlConnectionStringBuilder
    {
        Host = endpoint.Host,
        Port = endpoint.Port,
        Username = endpoint.User,
        Password = endpoint.Password,
        Database = database,
        Pooling = pooling,
        IncludeErrorDetail = true,
    }.ConnectionString;

    public string Url(string database) => endpoint.Url("postgres", database);

    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = DatabaseNames.New(prefix);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"").ConfigureAwait(false);
        return name;
    }

    public Task DropDatabaseAsync(string name) =>
        ExecuteAsync($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"")}\" WITH (FORCE)");

    public static async Task<PostgresServer> StartAsync(PostgresServerOptions? options = null)
    {
        try
        {
            return await StartInNewFolderAsync(options ?? new PostgresServerOptions()).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"Could not start a throwaway PostgreSQL {SelectedVersion} test server (.ci/install-deps.sh sets up what it needs): {e.Message}", e);
        }
    }

    /// <summary>Stops the server at once (immediate shutdown) and deletes its folder. Does nothing for an external server.</summary>
    public async Task StopAsync()
    {
        if (folder is null || Interlocked.Exchange(ref stopped, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        await ShutDownAsync(folder).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(url))
            return new PostgresServer(ServerEndpoint.Parse(url, 5432, "postgres", "postgresql"), null, TimeSpan.Zero);
        return await StartAsync().ConfigureAwait(false);
    }

    private static async Task<PostgresServer> StartInNewFolderAsync(PostgresServerOptions options)
    {
        var clock = Stopwatch.StartNew();
        var binDirectory = await FindBinDirectoryAsync().ConfigureAwait(false);
        var account = await RunAs.PickAccountAsync("postgres", "nobody").ConfigureAwait(false);
        var folder = TempFolder.Create("schematool-pg-");
        try
        {
            await RunAs.GiveAsync(folder, account).ConfigureAwait(false);
            var dataDirectory = Path.Combine(folder, "data");
            await RunAs.RunCheckedAsync(account, Path.Combine(binDirectory, "initdb"),
                ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                CommandTimeout, folder).ConfigureAwait(false);
            await File.AppendAllLinesAsync(Path.Combine(dataDirectory, "postgresql.conf"), Configuration(folder, options))
                .ConfigureAwait(false);

            var port = await StartOnFreePortAsync(binDirectory, account, folder).ConfigureAwait(false);
            ExitWatchdog.Guard(folder, Path.Combine(dataDirectory, "postmaster.pid"), "QUIT");
            return new PostgresServer(new ServerEndpoint("127.0.0.1", port, "postgres", null), folder, clock.Elapsed);
        }
        catch
        {
            await ShutDownAsync(folder).ConfigureAwait(false);
            throw;
        }
    }

    private static IEnumerable<string> Configuration(string folder, PostgresServerOptions options)
    {
        var settings = new Dictionary<string, string>
        {
            ["listen_addresses"] = "'127.0.0.1'",
            ["unix_socket_directories"] = $"'{folder}'",
            ["max_connections"] = "300",
            // Durability is pointless for a throwaway server; these make DDL-heavy tests much faster.
            ["fsync"] = "off",
            ["full_page_writes"] = "off",
            ["synchronous_commit"] = "off",
        };
        foreach (var (key, value) in options.Settings)
            settings[key] = value;
        return settings.Select(setting => $"{setting.Key} = {setting.Value}");
    }

    private static async Task<int> StartOnFreePortAsync(string binDirectory, string? account, string folder)
    {
        var log = Path.Combine(folder, "server.log");
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Pick();
            try
            {
                await RunAs.RunCheckedAsync(account, Path.Combine(binDirectory, "pg_ctl"),
                    ["start", "-w", "-t", "60", "-D", Path.Combine(folder, "data"), "-l", log, "-o", $"-p {port}"],
                    CommandTimeout, folder).ConfigureAwait(false);
                return port;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                var logTail = LogFile.Tail(log);
                if (attempt < 3 && logTail.Contains("could not bind", StringComparison.Ordinal))
                    continue;
                throw new InvalidOperationException($"{e.Message}\nEnd of the server log:\n{logTail}", e);
            }
        }
    }

    /// <summary>
    /// The PostgreSQL major version the tests run on (13 to 18); unset, 15 (Debian's). The other majors come from
    /// the npm packages that .ci/install-deps.sh puts in <see cref="OtherVersionsHomeVariable"/> (default
    /// /opt/schematool/postgres), one folder per major.
    /// </summary>
    public const string VersionVariable = "SCHEMATOOL_PG_VERSION";

    public const string OtherVersionsHomeVariable = "SCHEMATOOL_PG_HOME";

    /// <summary>The major version selected by <see cref="VersionVariable"/>.</summary>
    public static int SelectedVersion =>
        Environment.GetEnvironmentVariable(VersionVariable) is { Length: > 0 } text
            ? int.TryParse(text, out var major) && major is >= 13 and <= 18
                ? major
                : throw new InvalidOperationException($"{VersionVariable}={text}: expected a PostgreSQL major version from 13 to 18")
            : 15;

    private static async Task<string> FindBinDirectoryAsync()
    {
        var major = SelectedVersion;
        var candidates = new List<string>();
        var home = Environment.GetEnvironmentVariable(OtherVersionsHomeVariable) is { Length: > 0 } h ? h : "/opt/schematool/postgres";
        if (major != 15 || Environment.GetEnvironmentVariable(VersionVariable) is { Length: > 0 })
            candidates.Add(Path.Combine(home, major.ToString(System.Globalization.CultureInfo.InvariantCulture), "bin"));
        if (major == 15)
        {
            try
            {
                var pgConfig = await ProcessRunner.RunAsync("pg_config", ["--bindir"], CommandTimeout).ConfigureAwait(false);
                if (pgConfig.ExitCode == 0) candidates.Add(pgConfig.Output.Trim());
            }
            catch (InvalidOperationException)
            {
                // pg_config is not installed; the Debian location below may still have the server.
            }
            candidates.Add("/usr/lib/postgresql/15/bin");
        }
        foreach (var directory in candidates.Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl"))))
        {
            var version = await ProcessRunner.RunAsync(Path.Combine(directory, "postgres"), ["--version"], CommandTimeout).ConfigureAwait(false);
            if (version.ExitCode == 0 && version.Output.Contains($"(PostgreSQL) {major}.", StringComparison.Ordinal)) return directory;
        }
        throw new InvalidOperationException(
            $"PostgreSQL {major} server binaries (initdb, pg_ctl, postgres) not found in {string.Join(", ", candidates)}. " +
            (major == 15 ? "Install postgresql-15" : $"Run .ci/install-deps.sh, which installs PostgreSQL {major} into {home}") +
            $" ({VersionVariable} selects the version).");
    }

    /// <summary>
    /// What `pg_ctl stop -m immediate` does, without starting processes: this also runs on process exit,
    /// where dotnet test allows only about 100 ms before it kills the test host.
    /// </summary>
    private static async Task ShutDownAsync(string folder)
    {
        var pidFile = Path.Combine(folder, "data", "postmaster.pid");
        try
        {
            if (ReadPostmasterId(pidFile) is { } postmaster && Posix.Signal(postmaster, Posix.SigQuit))
            {
                // The postmaster removes its pid file as the last step of shutting down.
                var clock = Stopwatch.StartNew();
                while (File.Exists(pidFile) && clock.Elapsed < TimeSpan.FromSeconds(10))
                    await Task.Delay(10).ConfigureAwait(false);
                if (File.Exists(pidFile))
                    Posix.Signal(postmaster, Posix.SigKill);
            }
        }
        finally
        {
            TempFolder.Delete(folder);
        }
    }

    private static int? ReadPostmasterId(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var id) ? id : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void StopOnExit(object? sender, EventArgs e)
    {
        try
        {
            StopAsync().GetAwaiter().GetResult();
        }
        catch (Exception error)
        {
            Console.Error.WriteLine($"Stopping the PostgreSQL test server in {folder} failed: {error.Message}");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
