using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SchemaTool.Dialects.Postgres;

public sealed partial class PostgresSession
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The advisory lock key of this schema: the same for every schematool run on it, whatever the machine.</summary>
    public long LockKey => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("schematool:" + Schema)), 0);

    public async Task<IAsyncDisposable> AcquireLockAsync(TimeSpan timeout, Action<string> onWait, CancellationToken cancellationToken)
    {
        await RefuseStandbyAsync(cancellationToken);
        var deadline = DateTime.UtcNow + timeout;
        var waited = false;
        while (true)
        {
            if (await ScalarAsync<bool>($"SELECT pg_try_advisory_lock({LockKey})", cancellationToken))
                return new AdvisoryLock(this);
            if (DateTime.UtcNow >= deadline)
                throw new LockTimeoutException(
                    $"another schematool run still holds the lock on {_target.Display} after {timeout.TotalSeconds:0.#} s; " +
                    "wait for it to finish, or look for a stuck session in pg_locks (locktype = 'advisory')");
            if (!waited)
            {
                onWait($"waiting for another schematool run to release the lock on {_target.Display}...");
                waited = true;
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>A hot standby accepts connections but no writes; say so before taking any lock.</summary>
    private async Task RefuseStandbyAsync(CancellationToken ct)
    {
        if (!await ScalarAsync<bool>("SELECT pg_is_in_recovery()", ct)) return;
        throw new DatabaseException(
            $"{_target.Display} is a read-only standby (it is in recovery); point schematool at the primary, " +
            "or list all servers in the URL with target_session_attrs=primary (postgres://user@host1:5432,host2:5432/db?target_session_attrs=primary)");
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct)
    {
        await using var cmd = CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private sealed class AdvisoryLock(PostgresSession session) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await session.ScalarAsync<bool>($"SELECT pg_advisory_unlock({session.LockKey})", CancellationToken.None);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone, and the server released the session's locks with it.
            }
        }
    }
}
