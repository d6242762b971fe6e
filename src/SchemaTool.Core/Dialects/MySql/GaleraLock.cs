using System.Diagnostics;
using MySqlConnector;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// The migration lock on a MariaDB Galera cluster: one row (id = 1) in <c>schematool_lock</c>, taken by an autocommit
/// INSERT that the cluster certifies. GET_LOCK cannot do this job there: it is granted per node, so two runs on two
/// nodes would both get it. An INSERT of one fixed primary key sent to several nodes at once has exactly one winner;
/// the others get 1062 (duplicate entry) or 1213 (certification failed), which both mean "held by someone else".
///
/// The row is never held as an open transaction (a transaction open across DDL would be aborted by it, and certified
/// only at commit): it is written, committed, and deleted explicitly on release. A run that dies without releasing
/// leaves the row behind, so it says who holds it, on which node and connection, and a heartbeat keeps it fresh.
/// A waiter treats the lock as abandoned, deletes it (compare-and-delete on its token) and competes again when
///   - the holder's node is no longer a member of the cluster (mysql.wsrep_cluster_members), so its connection is gone;
///   - the holder is on the waiter's own node and its connection is no longer in the process list;
///   - its heartbeat is older than <see cref="Expiry"/> (a crashed holder on another node, whose process list a waiter
///     cannot see). The expiry is long because a long ALTER blocks every write in the cluster, heartbeats included.
/// `schematool unlock` shows the holder and removes an abandoned lock; `unlock --force` removes any, after a check by a person.
///
/// Only used where @@wsrep_on is ON. Elsewhere GET_LOCK stays: the server frees it when the holder's connection dies
/// (no expiry to wait for, nothing to clean up), it needs no table in the user's database and no writes, and a server
/// without Galera has one place where writes happen, so a lock on that server is a lock on the database.
/// </summary>
internal sealed class GaleraLock : IAsyncDisposable
{
    public const string TableName = "schematool_lock";

    /// <summary>How old a heartbeat must be before any waiter may take the lock over.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly MySqlConnection _connection;
    private readonly GaleraNode _node;
    private readonly string _token;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _heartbeat;
    private volatile string? _lost;

    private GaleraLock(MySqlConnection connection, GaleraNode node, string token)
    {
        _connection = connection;
        _node = node;
        _token = token;
    }

    public static string TableDdl =>
        $"CREATE TABLE IF NOT EXISTS {TableName} (\n" +
        "  id int NOT NULL,\n" +
        "  token char(32) NOT NULL,\n" +
        "  holder varchar(255) NOT NULL,\n" +
        "  node_name varchar(255) NOT NULL,\n" +
        "  node_uuid varchar(64) NOT NULL,\n" +
        "  connection_id bigint NOT NULL,\n" +
        "  db_user varchar(255) NOT NULL DEFAULT '',\n" +
        "  acquired_at datetime(6) NOT NULL,\n" +
        "  heartbeat_at datetime(6) NOT NULL,\n" +
        "  PRIMARY KEY (id)\n" +
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

    /// <summary>
    /// Takes the lock on a connection of its own (the session's connection is busy running revisions, and the
    /// heartbeat must go on meanwhile). Throws <see cref="LockTimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<GaleraLock> AcquireAsync(
        string connectionString, GaleraNode node, string database, TimeSpan timeout, Action<string> onWait, CancellationToken ct)
    {
        var connection = new MySqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // Behind a load balancer this connection may reach another node than the session's: the row must
            // name the node and connection that hold it. Detecting also checks that node and sets wsrep_sync_wait=1.
            node = await GaleraNode.DetectAsync(connection, ct)
                   ?? throw new DatabaseException($"{node}: the connection for the migration lock reached a server without Galera (wsrep_on is OFF)");
            await EnsureTableAsync(connection, ct);
            var token = Guid.NewGuid().ToString("N");
            var holder = $"schematool pid {Environment.ProcessId} on {Environment.MachineName}";
            var connectionId = Convert.ToInt64(await ScalarAsync(connection, "SELECT CONNECTION_ID()", ct));
            var clock = Stopwatch.StartNew();
            string? lastHolder = null;
            while (true)
            {
                if (await TryInsertAsync(connection, token, holder, node, connectionId, ct))
                {
                    var taken = new GaleraLock(connection, node, token);
                    taken._heartbeat = Task.Run(taken.HeartbeatLoopAsync, CancellationToken.None);
                    return taken;
                }
                var current = await ReadAsync(connection, node, ct);
                if (current is null)
                {
                    // Released between our insert and our read: try again at once, but never spin.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50)), ct);
                    continue;
                }
                if (current.AbandonedBecause is { } reason)
                {
                    if (await DeleteIfUnchangedAsync(connection, current.Token, ct))
                        onWait($"removed the migration lock of {current}: {reason}");
                    continue;
                }
                if (clock.Elapsed >= timeout)
                    throw new LockTimeoutException(
                        $"the migration lock of database {database} on the Galera cluster is held by {current}; waited {timeout.TotalSeconds:0} s. " +
                        $"If that run is dead, `schematool unlock` removes the lock (at once when the holder's node or connection is gone, else with --force)");
                if (current.Token != lastHolder)
                {
                    onWait($"waiting for the migration lock of database {database} on the Galera cluster, held by {current}");
                    lastHolder = current.Token;
                }
                await Task.Delay(PollInterval + TimeSpan.FromMilliseconds(Random.Shared.Next(100)), ct);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Throws when the heartbeat found the lock gone or taken over: the run must stop before its next statement.</summary>
    public void EnsureHeld()
    {
        if (_lost is { } why)
            throw new DatabaseException(
                $"{_node}: this run lost the migration lock ({why}); it stopped before the next statement. " +
                "Check `schematool status` and run apply again");
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_heartbeat is not null)
        {
            try { await _heartbeat; } catch (OperationCanceledException) { }
        }
        await _gate.WaitAsync();
        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
                await DeleteIfUnchangedAsync(_connection, _token, CancellationToken.None);
        }
        catch (MySqlException)
        {
            // The node is gone; the other nodes see it leave, and a waiter then removes the row (its node left).
        }
        finally
        {
            _gate.Release();
            await _connection.DisposeAsync();
            _stop.Dispose();
        }
    }

    /// <summary>The holder of the lock as seen from <paramref name="connection"/>'s node, or null when it is free.</summary>
    public static async Task<LockHolder?> ReadAsync(MySqlConnection connection, GaleraNode node, CancellationToken ct)
    {
        if (!await TableExistsAsync(connection, ct)) return null;
        try
        {
            return await ReadAsync(connection, node, withMembership: true, ct);
        }
        catch (MySqlException e) when (e.Number is 1142 or 1044)
        {
            // No SELECT on mysql.wsrep_cluster_members: a holder's node that left is then only noticed by expiry.
            return await ReadAsync(connection, node, withMembership: false, ct);
        }
    }

    private static async Task<LockHolder?> ReadAsync(MySqlConnection connection, GaleraNode node, bool withMembership, CancellationToken ct)
    {
        // A connection missing from the process list proves the holder gone only if we could see it: our own
        // account's threads are always listed; other accounts' only with the PROCESS privilege, which shows in the
        // Galera system threads (user "system user") being listed too.
        await using var command = new MySqlCommand(
            "SELECT l.token, l.holder, l.node_name, l.node_uuid, l.connection_id, l.acquired_at, l.heartbeat_at, " +
            "  TIMESTAMPDIFF(SECOND, l.heartbeat_at, UTC_TIMESTAMP(6)) AS silent_seconds, " +
            (withMembership
                ? "  EXISTS (SELECT 1 FROM mysql.wsrep_cluster_members m WHERE m.node_uuid = l.node_uuid) AS node_is_member, "
                : "  1 AS node_is_member, ") +
            "  EXISTS (SELECT 1 FROM information_schema.PROCESSLIST p WHERE p.ID = l.connection_id) AS connection_is_listed, " +
            "  (l.db_user = CURRENT_USER() OR EXISTS (SELECT 1 FROM information_schema.PROCESSLIST p " +
            "     WHERE p.USER <> SUBSTRING_INDEX(CURRENT_USER(), '@', 1))) AS process_list_is_complete " +
            $"FROM {TableName} l WHERE l.id = 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var token = reader.GetString(0);
        var nodeName = reader.GetString(2);
        var nodeUuid = reader.GetString(3);
        var silent = reader.GetInt64(7);
        var isMember = reader.GetInt64(8) != 0;
        var isListed = reader.GetInt64(9) != 0;
        var listIsComplete = reader.GetInt64(10) != 0;
        string? abandoned = null;
        if (!isMember)
            abandoned = $"its node {nodeName} is no longer a member of the cluster, so its connection is gone";
        else if (nodeUuid == node.Uuid && !isListed && listIsComplete)
            abandoned = $"its connection {reader.GetInt64(4)} on this node is gone";
        else if (silent > Expiry.TotalSeconds)
            abandoned = $"its last heartbeat was {silent} s ago (a live holder renews it every {HeartbeatInterval.TotalSeconds:0} s; it expires after {Expiry.TotalMinutes:0} min)";
        return new LockHolder(token, reader.GetString(1), nodeName,
            new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero), new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero), abandoned);
    }

    /// <summary>Deletes the lock row only if it is still the one taken with <paramref name="token"/>; rerun when certification fails.</summary>
    public static Task<bool> DeleteIfUnchangedAsync(MySqlConnection connection, string token, CancellationToken ct) =>
        GaleraNode.RetryCertificationAsync(async () =>
        {
            await using var command = new MySqlCommand($"DELETE FROM {TableName} WHERE id = 1 AND token = @token", connection);
            command.Parameters.AddWithValue("@token", token);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public static async Task EnsureTableAsync(MySqlConnection connection, CancellationToken ct)
    {
        // Checked first because DDL on Galera runs in total order isolation, briefly pausing the cluster's writes.
        if (!await TableExistsAsync(connection, ct))
            await ExecuteAsync(connection, TableDdl, ct);
    }

    private static async Task<bool> TryInsertAsync(
        MySqlConnection connection, string token, string holder, GaleraNode node, long connectionId, CancellationToken ct)
    {
        await using var command = new MySqlCommand(
            $"INSERT INTO {TableName} (id, token, holder, node_name, node_uuid, connection_id, db_user, acquired_at, heartbeat_at) " +
            "VALUES (1, @token, @holder, @node_name, @node_uuid, @connection_id, CURRENT_USER(), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))", connection);
        command.Parameters.AddWithValue("@token", token);
        command.Parameters.AddWithValue("@holder", holder);
        command.Parameters.AddWithValue("@node_name", $"{node.Name} ({node.Address})");
        command.Parameters.AddWithValue("@node_uuid", node.Uuid);
        command.Parameters.AddWithValue("@connection_id", connectionId);
        try
        {
            await command.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (MySqlException e) when (e.Number is GaleraNode.DuplicateEntry or GaleraNode.Deadlock)
        {
            return false; // someone else's row is there, or won certification against ours
        }
    }

    private async Task HeartbeatLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(HeartbeatInterval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await _gate.WaitAsync();
            try
            {
                var renewed = await GaleraNode.RetryCertificationAsync(async () =>
                {
                    await using var command = new MySqlCommand(
                        $"UPDATE {TableName} SET heartbeat_at = UTC_TIMESTAMP(6) WHERE id = 1 AND token = @token", _connection);
                    command.Parameters.AddWithValue("@token", _token);
                    return await command.ExecuteNonQueryAsync(_stop.Token);
                }, _stop.Token);
                if (renewed == 0)
                    _lost = "its lock row was removed or taken over by another run";
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (MySqlException)
            {
                // A failed heartbeat alone proves nothing: if the node is gone, the run's own statements fail too,
                // and a waiter still sees a holder whose heartbeat is recent enough.
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private static async Task<bool> TableExistsAsync(MySqlConnection connection, CancellationToken ct) =>
        Convert.ToInt64(await ScalarAsync(connection,
            $"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{TableName}'", ct)) > 0;

    private static async Task ExecuteAsync(MySqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct);
    }
}
