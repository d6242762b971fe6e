using System.Globalization;
using System.Text;
using Npgsql;
using SchemaTool.Apply;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// A statement whose lock conflicts with writes runs with a short lock_timeout: while it waits, every session that
/// writes to the table queues behind it, so one long transaction elsewhere would otherwise stop them all. When it
/// gives up (55P03), the sessions that held the lock are named: a second connection watches
/// <c>pg_blocking_pids</c> while the statement waits; if the wait was too short to see them, the holders of granted
/// locks on its table are named instead. Statements whose lock lets writes go on (CREATE INDEX CONCURRENTLY,
/// VALIDATE CONSTRAINT) wait without a limit, as a timeout would only waste their work.
/// </summary>
public sealed partial class PostgresSession
{
    private static readonly TimeSpan WatchEvery = TimeSpan.FromMilliseconds(100);

    private LockWait _lockWait = LockWait.Default;

    /// <summary>The session's lock_timeout as last set; null when not known (a rollback undoes a SET made in its transaction).</summary>
    private TimeSpan? _lockTimeoutSet;

    private NpgsqlConnection? _watcher;

    public Task BeginStepAsync(MigrationStep step, CancellationToken cancellationToken)
    {
        _lockWait = step.LockWait;
        return Task.CompletedTask;
    }

    private async Task ExecuteWithLockTimeoutAsync(Statement statement, CancellationToken ct)
    {
        var timeout = statement.Traits.WaitQueuesWrites ? _lockWait.Timeout : TimeSpan.Zero;
        if (_lockTimeoutSet != timeout)
        {
            await using var set = CreateCommand($"SET lock_timeout = {(long)timeout.TotalMilliseconds}");
            await set.ExecuteNonQueryAsync(ct);
            _lockTimeoutSet = timeout;
        }
        await using var cmd = CreateCommand(statement.Text);
        if (timeout <= TimeSpan.Zero)
        {
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = WatchBlockersAsync(_connection.ProcessID, stop.Token);
        try
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await stop.CancelAsync();
            var seen = await watch;
            var holders = seen.Count > 0 ? seen : await HoldersAsync(statement.Traits.Table, _connection.ProcessID);
            throw new StatementLockTimeoutException(LockMessage(statement, timeout, holders, seen.Count > 0), e);
        }
        finally
        {
            await stop.CancelAsync();
            await ((Task)watch).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>The sessions blocking <paramref name="pid"/>, as last seen while it waited; empty when it never waited long enough to look.</summary>
    private async Task<IReadOnlyList<Blocker>> WatchBlockersAsync(int pid, CancellationToken stop)
    {
        IReadOnlyList<Blocker> last = [];
        try
        {
            while (true)
            {
                await Task.Delay(WatchEvery, stop);
                var now = await QueryBlockersAsync(
                    $"SELECT {BlockerColumns} FROM pg_stat_activity a " +
                    "WHERE a.pid = ANY (pg_blocking_pids(@pid)) ORDER BY a.pid", pid, null, stop);
                if (now.Count > 0) last = now;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or NpgsqlException or InvalidOperationException)
        {
            return last;
        }
    }

    /// <summary>The other sessions holding a granted lock on <paramref name="relation"/>: who kept the statement waiting.</summary>
    private async Task<IReadOnlyList<Blocker>> HoldersAsync(string? relation, int pid)
    {
        if (relation is null) return [];
        try
        {
            return await QueryBlockersAsync(
                $"SELECT DISTINCT {BlockerColumns} FROM pg_locks l " +
                "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.granted AND l.relation = to_regclass(@relation) " +
                "AND a.pid <> @pid AND a.pid <> pg_backend_pid() ORDER BY a.pid", pid, relation, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>Read as text and whole seconds: the session's data source maps only the plainest types.</summary>
    private const string BlockerColumns =
        "a.pid, a.application_name, a.state, to_char(a.query_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), " +
        "extract(epoch FROM now() - a.query_start)::int, a.query";

    private async Task<IReadOnlyList<Blocker>> QueryBlockersAsync(string sql, int pid, string? relation, CancellationToken ct)
    {
        if ((_watcher ??= await OpenSecondAsync(ct)) is not { } connection) return [];
        await using var cmd = new NpgsqlCommand(sql, connection);
        cmd.Parameters.Add(new NpgsqlParameter("pid", pid));
        if (relation is not null) cmd.Parameters.Add(new NpgsqlParameter("relation", relation));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var blockers = new List<Blocker>();
        while (await reader.ReadAsync(ct))
            blockers.Add(new Blocker(reader.GetInt32(0), reader.IsDBNull(1) ? "" : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return blockers;
    }

    private static string LockMessage(Statement statement, TimeSpan timeout, IReadOnlyList<Blocker> holders, bool blocking)
    {
        var text = new StringBuilder($"it waited {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (lock_timeout) for its ");
        text.Append(statement.Traits.Lock ?? "").Append(" lock");
        if (statement.Traits.Table is { } table) text.Append(" on ").Append(PrintableText.Escape(table));
        if (holders.Count == 0) return text.Append(" and gave up; the session that held it was gone before it could be named").ToString();
        text.Append(blocking ? ", blocked by " : ", held by ");
        text.Append(string.Join("; ", holders.Select(h => h.Describe())));
        return text.ToString();
    }

    /// <summary>A session that held the lock a statement waited for, as pg_stat_activity shows it.</summary>
    private sealed record Blocker(int Pid, string Application, string? State, string? QueryStart, int? SecondsAgo, string? Query)
    {
        public string Describe()
        {
            var text = new StringBuilder($"pid {Pid} (application_name '{PrintableText.Escape(Application)}', {State ?? "state unknown"}");
            if (QueryStart is { } start) text.Append($", query started {start}Z, {Math.Max(0, SecondsAgo ?? 0)} s ago");
            text.Append(')');
            if (Query is { Length: > 0 } query)
            {
                var first = query.ReplaceLineEndings("\n").Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "";
                text.Append(": ").Append(PrintableText.Escape(first.Length > 120 ? first[..120] + "..." : first));
            }
            return text.ToString();
        }
    }
}
