namespace SchemaTool.Apply;

public enum Direction
{
    Up,
    Down,
}

/// <summary>
/// One revision to run in one direction: its statements, where to start (after a half-applied run), the
/// half-applied history row when there is one, the history table that records it, and (for a rollback run in parts) how many
/// statements the up file has. <paramref name="Log"/> takes
/// what a person should know about the run, such as a statement found already done on resume.
/// </summary>
public sealed record MigrationStep(
    Revisions.Revision Revision,
    Direction Direction,
    IReadOnlyList<Statement> Statements,
    int StartAt,
    HistoryTable History,
    IProgress<StatementProgress>? Progress = null,
    Action<string>? Log = null,
    HistoryRow? HalfApplied = null,
    IStepObserver? Observer = null,
    int UpStatementCount = 0)
{
    /// <summary>How long a statement whose lock wait holds up other sessions' writes may wait, and how often it is tried.</summary>
    public LockWait LockWait { get; init; } = LockWait.Default;

    public string File => Direction == Direction.Up ? Revision.UpPath : Revision.DownPath;

    public string Verb => Direction == Direction.Up ? "apply" : "rollback";
}

public sealed record StatementProgress(int Index, int Total, string Statement, TimeSpan Elapsed);
