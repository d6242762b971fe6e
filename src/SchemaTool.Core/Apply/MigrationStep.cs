namespace SchemaTool.Apply;

public enum Direction
{
    Up,
    Down,
}

/// <summary>
/// One revision to run in one direction: its statements, where to start (after a half-applied run on a
/// database without transactional DDL), and the history table that records it. <paramref name="Log"/> takes what a
/// person should know about the run, such as a statement found already done on resume.
/// </summary>
public sealed record MigrationStep(
    Revisions.Revision Revision,
    Direction Direction,
    IReadOnlyList<string> Statements,
    int StartAt,
    HistoryTable History,
    IProgress<StatementProgress>? Progress = null,
    Action<string>? Log = null);

public sealed record StatementProgress(int Index, int Total, string Statement, TimeSpan Elapsed);
