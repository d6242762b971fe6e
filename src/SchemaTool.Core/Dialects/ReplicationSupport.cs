using SchemaTool.Model;

namespace SchemaTool.Dialects;

/// <summary>
/// Implemented by a session whose server is one member of a replicated set (a MariaDB Galera node) and that has
/// something to tell the user before a plan is written or revisions run. Commands ask for it with a type test,
/// so dialects without replication concerns implement nothing.
/// </summary>
public interface IReplicationAdvisor
{
    /// <summary>Whether this server is a member of a replicated set now (the session may be able to advise elsewhere).</summary>
    bool IsReplicated { get; }

    /// <summary>Warnings about running these statements here, e.g. that each ALTER blocks writes on the whole cluster.</summary>
    IReadOnlyList<string> StatementWarnings(IReadOnlyList<string> statements);

    /// <summary>
    /// What the model asks for that replicates badly here (warnings), or that this server refuses outright
    /// (errors: the command stops with exit 3 before it takes the lock).
    /// </summary>
    ModelAdvice AdviseOnModel(Schema model);
}

public sealed record ModelAdvice(IReadOnlyList<string> Warnings, IReadOnlyList<string> Errors)
{
    public static ModelAdvice None { get; } = new([], []);
}

/// <summary>
/// Who holds a migration lock that outlives its connection (a lock row), as `schematool unlock` shows it.
/// <see cref="Token"/> identifies one taking of the lock; <see cref="AbandonedBecause"/> is set when the holder is known to be gone.
/// </summary>
public sealed record LockHolder(string Token, string Holder, string Node, DateTimeOffset Since, DateTimeOffset LastHeartbeat, string? AbandonedBecause)
{
    public override string ToString() =>
        $"{Holder} on {Node} since {Since:yyyy-MM-dd HH:mm:ss}Z (last heartbeat {LastHeartbeat:HH:mm:ss}Z)";
}

/// <summary>A session whose lock can be left behind by a crashed run, and so can be inspected and removed.</summary>
public interface IBreakableLock
{
    /// <summary>The current holder, or null when the lock is free.</summary>
    Task<LockHolder?> ReadLockHolderAsync(CancellationToken cancellationToken);

    /// <summary>Removes the lock if it is still held by exactly <paramref name="seen"/>; false when it changed meanwhile.</summary>
    Task<bool> BreakLockAsync(LockHolder seen, CancellationToken cancellationToken);
}

/// <summary>
/// A session whose migration lock belongs to a connection and ends with it (MySQL's GET_LOCK), so nothing can be left
/// behind; `schematool unlock` still says who holds it, instead of calling it free.
/// </summary>
public interface IConnectionLock
{
    /// <summary>The connection holding the lock, described for a person (id, user, host, what it runs); null when the lock is free.</summary>
    Task<string?> DescribeHolderAsync(CancellationToken cancellationToken);
}
