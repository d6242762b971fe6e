using MySqlConnector;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>The session's part on a MariaDB Galera node (see <see cref="GaleraNode"/> and <see cref="GaleraLock"/>).</summary>
public sealed partial class MySqlSession : IReplicationAdvisor, IBreakableLock
{
    private GaleraNode? _galera;
    private GaleraLock? _galeraLock;
    private string _connectionString = "";

    /// <summary>Whether this session talks to a Galera node (wsrep_on); read once, when the session opens.</summary>
    internal bool IsGalera => _galera is not null;

    public bool IsReplicated => IsGalera;

    /// <summary>
    /// Called by <see cref="OpenAsync"/>: refuses a Galera node that is not ready and synced, before anything else.
    /// Its one or two SHOW queries (three statements on Galera) are not in <see cref="StatementsSent"/>, which counts
    /// the work a command does; they are the same for every session, whatever the schema.
    /// </summary>
    private async Task DetectReplicationAsync(string connectionString, CancellationToken ct)
    {
        _connectionString = connectionString;
        _galera = await GaleraNode.DetectAsync(_connection, ct);
    }

    public IReadOnlyList<string> StatementWarnings(IReadOnlyList<string> statements) =>
        _galera?.StatementWarnings(statements) ?? [];

    public ModelAdvice AdviseOnModel(Schema model) => _galera?.AdviseOnModel(model) ?? ModelAdvice.None;

    public async Task<LockHolder?> ReadLockHolderAsync(CancellationToken cancellationToken) =>
        _galera is null ? null : await GaleraLock.ReadAsync(_connection, _galera, cancellationToken);

    public async Task<bool> BreakLockAsync(LockHolder seen, CancellationToken cancellationToken) =>
        _galera is not null && await GaleraLock.DeleteIfUnchangedAsync(_connection, seen.Token, cancellationToken);

    /// <summary>The lock row on Galera, held until the returned handle is disposed.</summary>
    private async Task<IAsyncDisposable> AcquireGaleraLockAsync(TimeSpan timeout, Action<string> onWait, CancellationToken ct)
    {
        var taken = await GaleraLock.AcquireAsync(_connectionString, _galera!, _connection.Database, timeout, onWait, ct);
        _galeraLock = taken;
        return new Release(this, taken);
    }

    /// <summary>Before each statement of a revision: stop if the lock was lost.</summary>
    private void EnsureGaleraLockHeld() => _galeraLock?.EnsureHeld();

    /// <summary>On Galera, a statement's error names the node and says what Galera's error numbers mean.</summary>
    private string ExplainFailure(MySqlException error) => _galera?.Explain(error) ?? error.Message;

    /// <summary>History writes are single autocommit statements: rerun them when certification fails (1213).</summary>
    private Task RetryOnCertificationAsync(Func<Task> write, CancellationToken ct) =>
        _galera is null ? write() : GaleraNode.RetryCertificationAsync(async () => { await write(); return true; }, ct);

    private sealed class Release(MySqlSession session, GaleraLock taken) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            session._galeraLock = null;
            await taken.DisposeAsync();
        }
    }
}

/// <summary>A statement's failure on a Galera node, its message naming the node and saying what to do.</summary>
internal sealed class GaleraStatementException(string message, Exception inner) : Exception(message, inner);
