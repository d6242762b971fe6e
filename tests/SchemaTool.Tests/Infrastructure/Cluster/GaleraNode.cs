using System.Diagnostics;
using MySqlConnector;

namespace SchemaTool.Tests.Infrastructure.Cluster;

/// <summary>The four loopback ports of one Galera node.</summary>
public sealed record GaleraPorts(int Client, int Galera, int Ist, int Sst)
{
    public static GaleraPorts Pick() => new(FreePort.Pick(), FreePort.Pick(), FreePort.Pick(), FreePort.Pick());
}

/// <summary>
/// One mariadbd of a <see cref="GaleraCluster"/>, in its own /tmp/schematool-galera-* folder with its own data
/// folder and ports. Node 1 gets a data folder from mariadb-install-db and bootstraps the cluster; the others
/// start with an empty data folder and receive theirs from a donor by rsync SST.
/// </summary>
public sealed class GaleraNode : IAsyncDisposable
{
    public const string Provider = "/usr/lib/galera/libgalera_smm.so";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string folder;
    private readonly Process process;
    private int stopped;

    private GaleraNode(int number, GaleraPorts ports, string folder, Process process)
    {
        Number = number;
        Ports = ports;
        this.folder = folder;
        this.process = process;
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    /// <summary>1, 2 or 3.</summary>
    public int Number { get; }

    public GaleraPorts Ports { get; }

    public string Host => "127.0.0.1";

    public int Port => Ports.Client;

    public bool IsStopped => Volatile.Read(ref stopped) == 1;

    public string ErrorLogPath => Path.Combine(folder, "error.log");

    public string Url(string database) => new ServerEndpoint(Host, Port, "root", null).Url("mysql", database);

    /// <summary>Unpooled, so a killed node never hands out a dead pooled connection.</summary>
    public string ConnectionString(string database = "") => new MySqlConnectionStringBuilder
    {
        Server = Host,
        Port = (uint)Port,
        UserID = "root",
        Database = database,
        Pooling = false,
        ConnectionTimeout = 10,
    }.ConnectionString;

    public override string ToString() => $"node {Number} (127.0.0.1:{Port})";

    /// <summary>Starts the node's mariadbd; the caller waits for it to be synced (<see cref="GaleraCluster"/>).</summary>
    internal static async Task<GaleraNode> LaunchAsync(int number, IReadOnlyList<GaleraPorts> all, string clusterId, string? account)
    {
        var ports = all[number - 1];
        var folder = TempFolder.Create($"schematool-galera{number}-");
        try
        {
            var dataDirectory = Path.Combine(folder, "data");
            Directory.CreateDirectory(dataDirectory);
            await RunAs.GiveAsync(folder, account).ConfigureAwait(false);
            string[] userArgument = account is null ? [] : [$"--user={account}"];
            if (number == 1)
            {
                var installDb = Executables.Find(["mariadb-install-db", "mysql_install_db"], ["/usr/bin", "/usr/local/bin"])
                    ?? throw new InvalidOperationException("mariadb-install-db not found. Install mariadb-server.");
                await ProcessRunner.RunCheckedAsync(installDb,
                    [
                        "--no-defaults", $"--datadir={dataDirectory}", "--auth-root-authentication-method=normal",
                        "--skip-test-db", "--skip-name-resolve", $"--tmpdir={folder}", .. userArgument, .. InnoDbSettings,
                    ],
                    CommandTimeout, folder).ConfigureAwait(false);
            }

            var mariadbd = Executables.Find(["mariadbd", "mysqld"], ["/usr/sbin", "/usr/local/sbin", "/usr/bin"])
                ?? throw new InvalidOperationException("mariadbd not found. Install mariadb-server.");
            var process = ProcessRunner.StartInBackground(mariadbd,
                [.. Arguments(number, folder, all, clusterId), .. userArgument, .. (number == 1 ? ["--wsrep-new-cluster"] : Array.Empty<string>())],
                Path.Combine(folder, "console.log"), folder);
            ExitWatchdog.Guard(folder, Path.Combine(folder, "mysqld.pid"), "KILL");
            return new GaleraNode(number, ports, folder, process);
        }
        catch
        {
            TempFolder.Delete(folder);
            throw;
        }
    }

    private static readonly string[] InnoDbSettings =
    [
        "--innodb-buffer-pool-size=64M",
        "--innodb-log-file-size=16M",
        "--innodb-flush-log-at-trx-commit=2",
        "--innodb-doublewrite=0",
        "--innodb-use-native-aio=0",
    ];

    private static IEnumerable<string> Arguments(int number, string folder, IReadOnlyList<GaleraPorts> all, string clusterId)
    {
        var ports = all[number - 1];
        return
        [
            "--no-defaults", // must come first
            $"--datadir={Path.Combine(folder, "data")}",
            $"--port={ports.Client}",
            "--bind-address=127.0.0.1",
            $"--socket={Path.Combine(folder, "mysqld.sock")}",
            $"--pid-file={Path.Combine(folder, "mysqld.pid")}",
            $"--log-error={Path.Combine(folder, "error.log")}",
            "--skip-name-resolve",
            "--max-connections=300",
            "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_general_ci",
            .. InnoDbSettings,
            "--wsrep_on=ON",
            $"--wsrep_provider={Provider}",
            // At most 32 characters (gcomm rejects longer names); unique per cluster so test clusters never merge.
            $"--wsrep_cluster_name=schematool-{clusterId}",
            "--wsrep_cluster_address=gcomm://" + string.Join(',', all.Select(p => $"127.0.0.1:{p.Galera}")),
            $"--wsrep_node_address=127.0.0.1:{ports.Galera}",
            $"--wsrep_node_name=node{number}",
            // A 16 MB write-set cache instead of 128 MB keeps a cluster near 190 MB on disk.
            $"--wsrep_provider_options=base_port={ports.Galera};ist.recv_addr=127.0.0.1:{ports.Ist};gcache.size=16M",
            "--wsrep_sst_method=rsync",
            $"--wsrep_sst_receive_address=127.0.0.1:{ports.Sst}",
            "--binlog_format=ROW",
            "--innodb_autoinc_lock_mode=2",
            "--default_storage_engine=InnoDB",
        ];
    }

    /// <summary>
    /// Null once the node accepts clients and reports wsrep_ready=ON, Synced and the expected cluster size;
    /// otherwise the last reason it is not (after <paramref name="timeout"/>, or at once when mariadbd exited).
    /// </summary>
    internal async Task<string?> WaitUntilSyncedAsync(int clusterSize, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var reason = "not started";
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
                return $"{this}: mariadbd exited with code {process.ExitCode} during start-up.";
            try
            {
                var status = await StatusAsync().ConfigureAwait(false);
                var ready = status.GetValueOrDefault("wsrep_ready");
                var state = status.GetValueOrDefault("wsrep_local_state_comment");
                var size = status.GetValueOrDefault("wsrep_cluster_size");
                if (ready == "ON" && state == "Synced" && size == clusterSize.ToString())
                    return null;
                reason = $"wsrep_ready={ready}, wsrep_local_state_comment={state}, wsrep_cluster_size={size}";
            }
            catch (MySqlException e)
            {
                reason = e.Message;
            }
            await Task.Delay(100).ConfigureAwait(false);
        }
        return $"{this} was not synced within {timeout.TotalSeconds:0} s: {reason}";
    }

    /// <summary>The wsrep_% status variables.</summary>
    public async Task<Dictionary<string, string>> StatusAsync()
    {
        await using var connection = new MySqlConnection(ConnectionString());
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new MySqlCommand("SHOW GLOBAL STATUS LIKE 'wsrep%'", connection);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var status = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync().ConfigureAwait(false))
            status[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        return status;
    }

    /// <summary>Kills mariadbd (no clean shutdown, as a crash would) and deletes the node's folder.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
            process.Dispose();
        }
        finally
        {
            // The rsync SST daemon of a joiner that was killed mid-transfer may still be in the folder briefly.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    TempFolder.Delete(folder);
                    break;
                }
                catch (IOException) when (attempt < 5)
                {
                    await Task.Delay(200).ConfigureAwait(false);
                }
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>Bytes of files in the node's folder (data, logs, write-set cache).</summary>
    public long DiskUsageBytes() =>
        IsStopped ? 0 : new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);

    internal string Diagnostics() =>
        $"{this}, end of its error log:\n{LogFile.Tail(ErrorLogPath, 20)}\nEnd of its console output:\n{LogFile.Tail(Path.Combine(folder, "console.log"), 5)}";

    private void StopOnExit(object? sender, EventArgs e)
    {
        try
        {
            StopAsync().GetAwaiter().GetResult();
        }
        catch (Exception error)
        {
            Console.Error.WriteLine($"Stopping Galera {this} in {folder} failed: {error.Message}");
        }
    }
}
