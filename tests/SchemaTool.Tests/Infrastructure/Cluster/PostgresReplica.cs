using System.Diagnostics;
using Npgsql;

namespace SchemaTool.Tests.Infrastructure.Cluster;

/// <summary>
/// A throwaway PostgreSQL 15 primary (a <see cref="PostgresServer"/> with wal_level=replica) and a hot standby
/// made from it with <c>pg_basebackup -R</c>, streaming from it on another loopback port.
/// </summary>
public sealed class PostgresReplica : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(30);

    private readonly string folder;
    private int stopped;

    private PostgresReplica(PostgresServer primary, string folder, int standbyPort, TimeSpan startupTime)
    {
        Primary = primary;
        this.folder = folder;
        StandbyPort = standbyPort;
        StartupTime = startupTime;
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    public PostgresServer Primary { get; }

    public string Host => "127.0.0.1";

    public int StandbyPort { get; }

    public TimeSpan StartupTime { get; private set; }

    public string StandbyUrl(string database) => new ServerEndpoint(Host, StandbyPort, "postgres", null).Url("postgres", database);

    /// <summary>Both servers in one URL, standby first, so that only target_session_attrs=primary finds the primary.</summary>
    public string MultiHostUrl(string database) =>
        $"postgres://postgres@{Host}:{StandbyPort},{Primary.Host}:{Primary.Port}/{database}?target_session_attrs=primary";

    public string StandbyConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = StandbyPort,
        Username = "postgres",
        Database = database,
        Pooling = false,
        IncludeErrorDetail = true,
    }.ConnectionString;

    public static async Task<PostgresReplica> StartAsync()
    {
        var clock = Stopwatch.StartNew();
        var primary = await PostgresServer.StartAsync(new PostgresServerOptions
        {
            Settings = new Dictionary<string, string>
            {
                ["wal_level"] = "replica",
                ["max_wal_senders"] = "5",
                ["hot_standby"] = "on",
                // Ask the standby often whether it is alive; the standby reports its position every second.
                ["wal_sender_timeout"] = "'10s'",
            },
        }).ConfigureAwait(false);
        try
        {
            var (folder, port) = await StartStandbyAsync(primary).ConfigureAwait(false);
            var replica = new PostgresReplica(primary, folder, port, TimeSpan.Zero);
            try
            {
                await replica.WaitUntilStreamingAsync().ConfigureAwait(false);
                replica.StartupTime = clock.Elapsed;
                return replica;
            }
            catch
            {
                Interlocked.Exchange(ref replica.stopped, 1);
                AppDomain.CurrentDomain.ProcessExit -= replica.StopOnExit;
                await replica.StopStandbyAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (Exception e)
        {
            await primary.StopAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Could not start a PostgreSQL primary with a hot standby: {e.Message}", e);
        }
    }

    /// <summary>Waits until a row committed on the primary after this call is visible on the standby.</summary>
    public async Task WaitForStandbyAsync()
    {
        await using var primary = new NpgsqlConnection(Primary.AdminConnectionString);
        await primary.OpenAsync().ConfigureAwait(false);
        // The insert position, not the write position: the test servers run with synchronous_commit off, so a
        // commit's record may be inserted but not yet written when this runs.
        await using var position = new NpgsqlCommand("select pg_current_wal_insert_lsn()::text", primary);
        var lsn = (string)(await position.ExecuteScalarAsync().ConfigureAwait(false))!;
        await using var standby = new NpgsqlConnection(StandbyConnectionString("postgres"));
        await standby.OpenAsync().ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var replayed = new NpgsqlCommand(
                "select coalesce(pg_last_wal_replay_lsn() >= @lsn::pg_lsn, false)", standby);
            replayed.Parameters.AddWithValue("lsn", lsn);
            if ((bool)(await replayed.ExecuteScalarAsync().ConfigureAwait(false))!) return;
            if (clock.Elapsed > CatchUpTimeout)
                throw new TimeoutException($"the standby did not replay the primary's WAL up to {lsn} within {CatchUpTimeout.TotalSeconds:0} s");
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        try
        {
            await StopStandbyAsync().ConfigureAwait(false);
        }
        finally
        {
            await Primary.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static async Task<(string Folder, int Port)> StartStandbyAsync(PostgresServer primary)
    {
        var binDirectory = FindBinDirectory();
        var account = await RunAs.PickAccountAsync("postgres", "nobody").ConfigureAwait(false);
        var folder = TempFolder.Create("schematool-pgstandby-");
        try
        {
            await RunAs.GiveAsync(folder, account).ConfigureAwait(false);
            var dataDirectory = Path.Combine(folder, "data");
            // -R writes standby.signal and primary_conninfo; -X stream copies the WAL needed to start.
            await RunAs.RunCheckedAsync(account, Path.Combine(binDirectory, "pg_basebackup"),
                ["-D", dataDirectory, "-R", "-X", "stream", "-c", "fast", "--no-sync",
                 "-h", primary.Host, "-p", primary.Port.ToString(), "-U", "postgres"],
                CommandTimeout, folder).ConfigureAwait(false);
            // The copied postgresql.conf points the socket at the primary's folder.
            await File.AppendAllLinesAsync(Path.Combine(dataDirectory, "postgresql.auto.conf"),
                [$"unix_socket_directories = '{folder}'", "hot_standby = on"]).ConfigureAwait(false);

            var log = Path.Combine(folder, "server.log");
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort.Pick();
                try
                {
                    await RunAs.RunCheckedAsync(account, Path.Combine(binDirectory, "pg_ctl"),
                        ["start", "-w", "-t", "60", "-D", dataDirectory, "-l", log, "-o", $"-p {port}"],
                        CommandTimeout, folder).ConfigureAwait(false);
                    ExitWatchdog.Guard(folder, Path.Combine(dataDirectory, "postmaster.pid"), "QUIT");
                    return (folder, port);
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    var logTail = LogFile.Tail(log);
                    if (attempt < 3 && logTail.Contains("could not bind", StringComparison.Ordinal))
                        continue;
                    throw new InvalidOperationException($"{e.Message}\nEnd of the standby's log:\n{logTail}", e);
                }
            }
        }
        catch
        {
            await ShutDownAsync(folder).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>In recovery, and a row written on the primary is visible on the standby.</summary>
    private async Task WaitUntilStreamingAsync()
    {
        await using (var standby = new NpgsqlConnection(StandbyConnectionString("postgres")))
        {
            await standby.OpenAsync().ConfigureAwait(false);
            await using var recovery = new NpgsqlCommand("select pg_is_in_recovery()", standby);
            if (!(bool)(await recovery.ExecuteScalarAsync().ConfigureAwait(false))!)
                throw new InvalidOperationException("the standby is not in recovery: pg_basebackup -R did not make it a standby");
        }

        var marker = Guid.NewGuid().ToString("N");
        await using (var primary = new NpgsqlConnection(Primary.AdminConnectionString))
        {
            await primary.OpenAsync().ConfigureAwait(false);
            await using var write = new NpgsqlCommand(
                "create table if not exists schematool_replica_probe (marker text primary key); insert into schematool_replica_probe values (@marker)",
                primary);
            write.Parameters.AddWithValue("marker", marker);
            await write.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await using (var standby = new NpgsqlConnection(StandbyConnectionString("postgres")))
        {
            await standby.OpenAsync().ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            while (true)
            {
                await using var read = new NpgsqlCommand(
                    "select count(*) from pg_class where relname = 'schematool_replica_probe'", standby);
                if ((long)(await read.ExecuteScalarAsync().ConfigureAwait(false))! > 0)
                {
                    await using var row = new NpgsqlCommand("select count(*) from schematool_replica_probe where marker = @marker", standby);
                    row.Parameters.AddWithValue("marker", marker);
                    if ((long)(await row.ExecuteScalarAsync().ConfigureAwait(false))! == 1) return;
                }
                if (clock.Elapsed > CatchUpTimeout)
                    throw new TimeoutException($"a row written on the primary did not reach the standby within {CatchUpTimeout.TotalSeconds:0} s");
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
    }

    private Task StopStandbyAsync() => ShutDownAsync(folder);

    private static string FindBinDirectory()
    {
        foreach (var directory in new[] { "/usr/lib/postgresql/15/bin" }.Concat(
                     (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (File.Exists(Path.Combine(directory, "pg_basebackup")) && File.Exists(Path.Combine(directory, "pg_ctl")))
                return directory;
        }
        throw new InvalidOperationException("pg_basebackup and pg_ctl not found (install postgresql-15).");
    }

    /// <summary>Immediate shutdown (SIGQUIT to the postmaster), then the folder is deleted.</summary>
    private static async Task ShutDownAsync(string folder)
    {
        var pidFile = Path.Combine(folder, "data", "postmaster.pid");
        try
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster)
                && Posix.Signal(postmaster, Posix.SigQuit))
            {
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

    private void StopOnExit(object? sender, EventArgs e)
    {
        try
        {
            StopAsync().GetAwaiter().GetResult();
        }
        catch (Exception error)
        {
            Console.Error.WriteLine($"Stopping the PostgreSQL primary and standby ({folder}) failed: {error.Message}");
        }
    }
}
