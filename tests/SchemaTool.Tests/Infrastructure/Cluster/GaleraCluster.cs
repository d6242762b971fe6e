using System.Diagnostics;
using MySqlConnector;

namespace SchemaTool.Tests.Infrastructure.Cluster;

/// <summary>
/// A throwaway three-node MariaDB Galera cluster on loopback (Debian's galera-4 provider, rsync SST).
/// Use <see cref="Shared"/> for tests that leave every node running (each test in its own database) and
/// <see cref="StartAsync"/> for tests that stop nodes. A start takes about 20 s and 190 MB of /tmp.
/// </summary>
public sealed class GaleraCluster : IAsyncDisposable
{
    public const int Size = 3;

    private static readonly TimeSpan BootstrapTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(120);
    private static readonly Lazy<GaleraCluster> SharedCluster = new(
        () => Task.Run(() => StartAsync()).GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly GaleraNode[] nodes;

    private GaleraCluster(GaleraNode[] nodes, TimeSpan startupTime)
    {
        this.nodes = nodes;
        StartupTime = startupTime;
    }

    /// <summary>The cluster shared by the whole test run, started on first use and stopped when the process exits.</summary>
    public static GaleraCluster Shared => SharedCluster.Value;

    public TimeSpan StartupTime { get; }

    public IReadOnlyList<GaleraNode> Nodes => nodes;

    /// <summary>Node <paramref name="number"/>, counted from 1 as in the Galera documentation.</summary>
    public GaleraNode Node(int number) =>
        number is >= 1 and <= Size ? nodes[number - 1] : throw new ArgumentOutOfRangeException(nameof(number), number, "nodes are 1, 2 and 3");

    /// <summary>Kills node <paramref name="number"/>; the other two stay a primary component (2 of 3).</summary>
    public Task StopNodeAsync(int number) => Node(number).StopAsync();

    /// <summary>Creates a database on the first running node; DDL replicates to the others at once (TOI).</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var name = DatabaseNames.New(prefix);
        await using var connection = await OpenAsync(FirstRunning().Number).ConfigureAwait(false);
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}`", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return name;
    }

    public async Task DropDatabaseAsync(string name)
    {
        await using var connection = await OpenAsync(FirstRunning().Number).ConfigureAwait(false);
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{name.Replace("`", "``")}`", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// An open connection to node <paramref name="number"/> whose reads wait for every write the cluster
    /// committed before them (wsrep_sync_wait=1): without it a read on one node may miss a commit on another.
    /// </summary>
    public async Task<MySqlConnection> OpenAsync(int number, string database = "", bool syncWait = true)
    {
        var connection = new MySqlConnection(Node(number).ConnectionString(database));
        try
        {
            await connection.OpenAsync().ConfigureAwait(false);
            if (syncWait)
            {
                await using var command = new MySqlCommand("SET SESSION wsrep_sync_wait = 1", connection);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static async Task<GaleraCluster> StartAsync()
    {
        if (!File.Exists(GaleraNode.Provider))
            throw new InvalidOperationException(
                $"The Galera provider {GaleraNode.Provider} is missing: install galera-4 and rsync (.ci/install-deps.sh does).");
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await StartOnceAsync().ConfigureAwait(false);
                }
                catch (PortTakenException) when (attempt < 3)
                {
                    // Another process took one of the twelve ports between picking and binding; pick again.
                }
            }
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"Could not start a throwaway three-node MariaDB Galera cluster (.ci/install-deps.sh installs galera-4 and rsync): {e.Message}", e);
        }
    }

    private static async Task<GaleraCluster> StartOnceAsync()
    {
        var clock = Stopwatch.StartNew();
        var ports = Enumerable.Range(0, Size).Select(_ => GaleraPorts.Pick()).ToArray();
        if (ports.SelectMany(p => new[] { p.Client, p.Galera, p.Ist, p.Sst }).Distinct().Count() != 4 * Size)
            throw new PortTakenException();
        // mariadbd switches to --user itself, but only when started as root. The rsync SST daemon then runs as
        // that account too, so the files it receives belong to the server (rsync as root would map them to nobody).
        var account = await RunAs.PickAccountAsync("mysql", "root").ConfigureAwait(false);
        var clusterId = Guid.NewGuid().ToString("N")[..12];
        var started = new List<GaleraNode>();
        try
        {
            started.Add(await GaleraNode.LaunchAsync(1, ports, clusterId, account).ConfigureAwait(false));
            await ExpectSyncedAsync(started[0], 1, BootstrapTimeout).ConfigureAwait(false);
            // The joiners start together; the donor serves their SSTs one after the other.
            for (var number = 2; number <= Size; number++)
                started.Add(await GaleraNode.LaunchAsync(number, ports, clusterId, account).ConfigureAwait(false));
            await Task.WhenAll(started.Select(node => ExpectSyncedAsync(node, Size, JoinTimeout))).ConfigureAwait(false);
            return new GaleraCluster([.. started], clock.Elapsed);
        }
        catch
        {
            await Task.WhenAll(started.Select(node => node.StopAsync())).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ExpectSyncedAsync(GaleraNode node, int clusterSize, TimeSpan timeout)
    {
        var failure = await node.WaitUntilSyncedAsync(clusterSize, timeout).ConfigureAwait(false);
        if (failure is null) return;
        var diagnostics = node.Diagnostics();
        if (diagnostics.Contains("Address already in use", StringComparison.Ordinal))
            throw new PortTakenException();
        throw new InvalidOperationException($"{failure}\n{diagnostics}");
    }

    public async Task StopAsync() => await Task.WhenAll(nodes.Select(node => node.StopAsync())).ConfigureAwait(false);

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private GaleraNode FirstRunning() =>
        nodes.FirstOrDefault(node => !node.IsStopped) ?? throw new InvalidOperationException("every node of the cluster is stopped");

    private sealed class PortTakenException : Exception;
}
