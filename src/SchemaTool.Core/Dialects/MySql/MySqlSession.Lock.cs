using MySqlConnector;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlSession : IConnectionLock
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// GET_LOCK, named after the database: tried at once, then polled in short waits so that cancellation and the
    /// timeout are honoured. A lock found taken is reported before the first wait. The lock belongs to this
    /// connection and goes away with it if the process dies.
    /// </summary>
    public async Task<IAsyncDisposable> AcquireLockAsync(TimeSpan timeout, Action<string> onWait, CancellationToken cancellationToken)
    {
        // GET_LOCK is granted per node: on a Galera cluster the lock is a certified row instead (GaleraLock).
        if (IsGalera) return await AcquireGaleraLockAsync(timeout, onWait, cancellationToken);
        var name = LockName();
        var deadline = DateTime.UtcNow + timeout;
        if (await TryGetLockAsync(name, 0, cancellationToken)) return new Lock(this, name);
        if (timeout > TimeSpan.Zero) onWait($"waiting for the migration lock of database {_connection.Database}, held by another schematool run");
        while (DateTime.UtcNow < deadline)
        {
            var wait = Math.Max(0, Math.Min(PollInterval.TotalSeconds, (deadline - DateTime.UtcNow).TotalSeconds));
            if (await TryGetLockAsync(name, wait, cancellationToken)) return new Lock(this, name);
        }
        throw new LockTimeoutException(
            $"another schematool run holds the migration lock of database {_connection.Database} (GET_LOCK '{name}'); waited {timeout.TotalSeconds:0} s");
    }

    private async Task<bool> TryGetLockAsync(string name, double seconds, CancellationToken ct)
    {
        await using var cmd = CreateCommand("SELECT GET_LOCK(@name, @seconds)");
        cmd.Parameters.Add(new MySqlParameter("@name", name));
        cmd.Parameters.Add(new MySqlParameter("@seconds", seconds));
        var granted = await cmd.ExecuteScalarAsync(ct);
        return granted is not null and not DBNull && Convert.ToInt64(granted) == 1;
    }

    /// <summary>
    /// Who holds GET_LOCK, by IS_USED_LOCK: its connection id, and what PROCESSLIST shows of it (all of it only with
    /// the PROCESS privilege; the id alone otherwise). Not for Galera, whose lock is a row (<see cref="ReadLockHolderAsync"/>).
    /// </summary>
    public async Task<string?> DescribeHolderAsync(CancellationToken cancellationToken)
    {
        if (IsGalera) return null;
        await using var used = CreateCommand("SELECT IS_USED_LOCK(@name)");
        used.Parameters.Add(new MySqlParameter("@name", LockName()));
        if (await used.ExecuteScalarAsync(cancellationToken) is not { } id || id is DBNull) return null;
        await using var process = CreateCommand("SELECT USER, HOST, TIME, COMMAND, STATE, INFO FROM information_schema.PROCESSLIST WHERE ID = @id");
        process.Parameters.Add(new MySqlParameter("@id", id));
        await using var reader = await process.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return $"connection {id} (GET_LOCK '{LockName()}')";
        string? Text(int i) => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        var running = Text(5) is { Length: > 0 } info ? $", running: {(info.Length > 80 ? info[..80] + "..." : info).ReplaceLineEndings(" ")}" : "";
        return $"connection {id} ({Text(0)}@{Text(1)}, {Text(3)} for {Text(2)} s{(Text(4) is { Length: > 0 } state ? ", " + state : "")}{running}; GET_LOCK '{LockName()}')";
    }

    /// <summary>Lock names are server-wide and at most 64 characters.</summary>
    private string LockName()
    {
        var name = "schematool:" + _connection.Database;
        return name.Length <= 64 ? name : Yaml.Names.Fit(name);
    }

    private sealed class Lock(MySqlSession session, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (session._connection.State != System.Data.ConnectionState.Open) return;
            await using var cmd = session.CreateCommand("SELECT RELEASE_LOCK(@name)");
            cmd.Parameters.Add(new MySqlParameter("@name", name));
            await cmd.ExecuteScalarAsync();
        }
    }
}
