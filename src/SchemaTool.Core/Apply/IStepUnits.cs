namespace SchemaTool.Apply;

/// <summary>
/// What one database contributes to running a revision: its unit of work (a transaction or a savepoint), how it runs
/// a statement, and the few things only it knows (a check written before a statement that commits on its own, whether
/// such a statement took effect before a crash, a write to rerun when a cluster asks, how to explain an error). The
/// <see cref="StepRunner"/> does the rest, the same way for every database.
/// </summary>
public interface IStepUnits
{
    /// <summary>Whether DDL is transactional: then the statements that may run in a transaction share one unit.</summary>
    bool TransactionalDdl { get; }

    Task BeginUnitAsync(CancellationToken cancellationToken);

    /// <summary>Commits the unit; may check it first (SQLite's foreign key check) and throw, leaving it to be rolled back.</summary>
    Task CommitUnitAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Undoes the unit after any failure inside it. It may fail in turn when the connection is gone (the server has
    /// then rolled back already); the runner reports the first error, never this one.
    /// </summary>
    Task RollbackUnitAsync();

    /// <summary>
    /// Runs one statement, inside the open unit or on its own. A statement that gives up waiting for its lock
    /// (<see cref="StatementTraits.WaitQueuesWrites"/>, after <see cref="MigrationStep.LockWait"/>) throws
    /// <see cref="StatementLockTimeoutException"/>, naming the sessions that held the lock; the runner tries again.
    /// </summary>
    Task ExecuteAsync(Statement statement, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one chunk of a statement that <see cref="StatementTraits.RepeatsUntilDone"/>, as <see cref="ExecuteAsync"/>
    /// runs a statement; true while chunks are left.
    /// </summary>
    async Task<bool> ExecuteChunkAsync(Statement statement, CancellationToken cancellationToken)
    {
        await ExecuteAsync(statement, cancellationToken);
        return false;
    }

    /// <summary>Once per step, before anything of it runs: the session learns the step's <see cref="MigrationStep.LockWait"/>.</summary>
    Task BeginStepAsync(MigrationStep step, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Once per step that records its progress statement by statement, before its history row is read or written.</summary>
    Task PrepareProgressAsync(MigrationStep step, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// On resume: whether statement <paramref name="index"/>, the next one the history row says to run, took effect
    /// before the earlier run stopped (a crash between a statement that commits on its own and its progress update).
    /// </summary>
    Task<bool> TookEffectAsync(MigrationStep step, int index, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Before a statement that runs on its own: what a later resume needs to tell whether it took effect.</summary>
    Task BeforeAloneAsync(MigrationStep step, int index, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After a statement that ran on its own failed: forget what <see cref="BeforeAloneAsync"/> wrote when it surely did not run.</summary>
    Task AloneFailedAsync(MigrationStep step, int index, Exception error, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After the last statement of a step that recorded its progress statement by statement.</summary>
    Task AfterProgressAsync(MigrationStep step, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Before every statement: stop when the migration lock is no longer held (a lock row that can be taken over).</summary>
    void EnsureLockHeld()
    {
    }

    /// <summary>Runs a history write, or a unit without DDL, again when the database asks for it (Galera certification).</summary>
    Task RetryAsync(Func<Task> work, CancellationToken cancellationToken) => work();

    /// <summary>A failure as the user should read it: the server's message, its hint, the node it came from.</summary>
    string Explain(Exception error) => error.Message;
}
