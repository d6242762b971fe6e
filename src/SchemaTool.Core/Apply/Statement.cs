namespace SchemaTool.Apply;

/// <summary>
/// One statement of a revision file and what running it implies, as the dialect reads it from the text (revision
/// files are plain SQL that people edit, so the traits come from the statement itself, never from a comment).
/// <see cref="Note"/> is what `plan` writes above it in the file for people (why it runs outside the transaction,
/// that it copies the table); it is never read back.
/// </summary>
public sealed record Statement(string Text, StatementTraits Traits)
{
    public string? Note { get; init; }

    public bool RunsInTransaction => Traits.RunsInTransaction;

    public override string ToString() => Text;
}

/// <summary>
/// What the step runner and `plan` need to know about a statement.
/// <list type="bullet">
/// <item><see cref="RunsInTransaction"/> false: it cannot be part of the revision's transaction: it commits on its own
/// (MySQL DDL) or the server refuses it inside a transaction block (PostgreSQL's CREATE INDEX CONCURRENTLY);
/// <see cref="Why"/> then says which, for the log.</item>
/// <item><see cref="OwnTransaction"/>: it runs in a transaction of its own, committed with its progress: what ran
/// before it is committed first (VALIDATE CONSTRAINT reads the whole table, and must not do it while holding the
/// strong lock the ADD ... NOT VALID before it took), and a lock wait after it cannot undo its work.</item>
/// <item><see cref="Lock"/>, <see cref="Work"/>, <see cref="BlocksWrites"/>, <see cref="WaitQueuesWrites"/>: the lock
/// it takes on <see cref="Table"/> and what it does to the rows, for `plan` to show and for apply to bound its lock
/// waits (a short lock timeout where other sessions' writes queue behind the wait).</item>
/// </list>
/// </summary>
public sealed record StatementTraits(bool RunsInTransaction, string? Why = null)
{
    public static readonly StatementTraits InTransaction = new(true);

    public static StatementTraits Alone(string why) => new(false, why);

    public bool OwnTransaction { get; init; }

    /// <summary>The lock it takes, as the database names it ("ACCESS EXCLUSIVE"; MySQL "ALGORITHM=INSTANT"); null when not known.</summary>
    public string? Lock { get; init; }

    public TableWork Work { get; init; }

    /// <summary>Other sessions' writes to the table wait for the whole statement.</summary>
    public bool BlocksWrites { get; init; }

    /// <summary>
    /// While it waits for its lock, other sessions' writes to the table queue behind it (PostgreSQL: a lock that
    /// conflicts with writes; MySQL: every DDL statement's metadata lock): apply gives it a short lock timeout and
    /// tries again, rather than let one long transaction elsewhere stop every writer.
    /// </summary>
    public bool WaitQueuesWrites { get; init; }

    /// <summary>The table (or index) it locks, as written in the statement, for the database to name who holds it; null when none or unknown.</summary>
    public string? Table { get; init; }

    /// <summary>
    /// One chunk of a longer job (MariaDB's online table copy): the runner runs it again and again, each run a short
    /// statement of its own in autocommit, until the database says no chunk is left (<see cref="IStepUnits.ExecuteChunkAsync"/>).
    /// The statement keeps its place itself between runs, so a lock-wait retry goes on from the chunk it stopped at.
    /// </summary>
    public bool RepeatsUntilDone { get; init; }

    /// <summary>Whether writes to the table wait while it reads or rewrites every row: a stall as long as the table is big.</summary>
    public bool BlocksWritesWhileItWorks => BlocksWrites && Work is TableWork.Scan or TableWork.Rewrite;
}

/// <summary>What a statement does to the rows of the table it works on.</summary>
public enum TableWork
{
    /// <summary>Not known (a statement the dialect does not read, rows changed by DML).</summary>
    Unknown,

    /// <summary>Changes the catalog only: as fast for a big table as for an empty one.</summary>
    None,

    /// <summary>Reads every row (validates a constraint, builds an index).</summary>
    Scan,

    /// <summary>Writes every row again (a type change, a table copy or rebuild).</summary>
    Rewrite,
}
