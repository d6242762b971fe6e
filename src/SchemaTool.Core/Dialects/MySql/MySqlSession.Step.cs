using System.Globalization;
using MySqlConnector;
using SchemaTool.Apply;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// The session's units for the step runner. MySQL commits each DDL statement as it runs, so a revision cannot be
/// rolled back whole: the runner writes its history row before the first statement and advances it after each one,
/// and a failure leaves a row that says exactly how far the revision got. A DDL statement is preceded by a check of
/// its tables, so that a resume can tell whether it took effect before a crash (see MySqlSession.Resume); a row
/// statement is a unit of its own that commits together with its progress.
/// </summary>
public sealed partial class MySqlSession
{
    public bool TransactionalDdl => Dialect.TransactionalDdl;

    public Task BeginUnitAsync(CancellationToken cancellationToken) => ExecuteAsync("START TRANSACTION", cancellationToken);

    public Task CommitUnitAsync(CancellationToken cancellationToken) => ExecuteAsync("COMMIT", cancellationToken);

    /// <summary>A lost connection has rolled the transaction back already; then this fails, and the runner ignores it.</summary>
    public Task RollbackUnitAsync() => ExecuteAsync("ROLLBACK", CancellationToken.None);

    /// <summary>
    /// Never rerun here, not even on Galera's 1213: DDL is not a transaction that certification rolled back. A DDL
    /// statement that gives up waiting for its metadata lock is tried again by the runner (MySqlSession.LockWait).
    /// </summary>
    public Task ExecuteAsync(Statement statement, CancellationToken cancellationToken) => ExecuteWithLockWaitAsync(statement, cancellationToken);

    /// <summary>
    /// One chunk of an online table copy (<see cref="OnlineTableCopy"/>): the chunk statement leaves the key its chunk
    /// ended at in a session variable, NULL once no row was left to copy. A chunk that InnoDB rolled back, as the
    /// victim of a deadlock with a writer or after waiting too long for a writer's row lock, left its place where it
    /// was, and runs again after a pause.
    /// </summary>
    public async Task<bool> ExecuteChunkAsync(Statement statement, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteWithLockWaitAsync(statement, cancellationToken);
                break;
            }
            catch (MySqlException e) when (e.ErrorCode is MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout && attempt < ChunkAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }
        return Convert.ToInt64(await ScalarAsync($"SELECT {OnlineTableCopy.ChunkEnd} IS NOT NULL", cancellationToken), CultureInfo.InvariantCulture) != 0;
    }

    private const int ChunkAttempts = 10;

    public Task PrepareProgressAsync(MigrationStep step, CancellationToken cancellationToken) =>
        step.Direction == Direction.Up ? EnsureCheckColumnAsync(step.History, cancellationToken) : Task.CompletedTask;

    public async Task BeforeAloneAsync(MigrationStep step, int index, CancellationToken cancellationToken)
    {
        var effect = StatementEffect.Of(step.Statements[index].Text);
        if (effect.Kind is EffectKind.Tables or EffectKind.Objects) await WriteCheckAsync(step, index, effect, cancellationToken);
    }

    /// <summary>The server answered with an error, so the statement ended there: its check is forgotten.</summary>
    public async Task AloneFailedAsync(MigrationStep step, int index, Exception error, CancellationToken cancellationToken)
    {
        if (ServerRefused(error)) await ClearCheckAsync(step, cancellationToken);
    }

    public Task AfterProgressAsync(MigrationStep step, CancellationToken cancellationToken) => ClearCheckAsync(step, cancellationToken);

    public void EnsureLockHeld() => EnsureGaleraLockHeld();

    public Task RetryAsync(Func<Task> work, CancellationToken cancellationToken) => RetryOnCertificationAsync(work, cancellationToken);

    /// <summary>On Galera, a statement's error names the node and says what Galera's error numbers mean.</summary>
    public string Explain(Exception error) => error is MySqlException e ? ExplainFailure(e) : error.Message;

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
