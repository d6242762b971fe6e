using System.Data.Common;

namespace SchemaTool.Apply;

/// <summary>
/// How long a statement whose lock wait holds up other sessions' writes may wait for its lock
/// (<see cref="StatementTraits.WaitQueuesWrites"/>), and how often the runner tries again, waiting longer between
/// tries; <see cref="Timeout"/> zero waits without limit, as the database does by default.
/// </summary>
public sealed record LockWait(TimeSpan Timeout, int Retries)
{
    /// <summary>Short enough that writers queued behind a wait stall for about a second at most; retries ride out a brief transaction.</summary>
    public static readonly LockWait Default = new(TimeSpan.FromSeconds(1), 5);

    public static readonly LockWait Unlimited = new(TimeSpan.Zero, 0);

    /// <summary>Before try <paramref name="retry"/> (1-based): 0.5 s doubling to 8 s, so that a lock freed in a moment is taken soon.</summary>
    public static TimeSpan Backoff(int retry) => TimeSpan.FromMilliseconds(500 * Math.Pow(2, Math.Min(retry - 1, 4)));
}

/// <summary>
/// A statement gave up waiting for its lock after <see cref="LockWait.Timeout"/> (PostgreSQL lock_timeout, MySQL
/// lock_wait_timeout): it did not run, and the runner may try it again. The message names the lock and the sessions
/// that held it.
/// </summary>
public sealed class StatementLockTimeoutException(string message, Exception inner) : DbException(message, inner);
