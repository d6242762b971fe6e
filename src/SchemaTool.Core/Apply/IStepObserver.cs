namespace SchemaTool.Apply;

/// <summary>The moments of a step at which <see cref="IStepObserver"/> is called.</summary>
public enum StepPoint
{
    /// <summary>Before statement <c>index</c> runs.</summary>
    BeforeStatement,

    /// <summary>After statement <c>index</c> ran and its progress was reported.</summary>
    AfterStatement,

    /// <summary>Before the history row is written (<c>index</c>: how many statements it will record done).</summary>
    BeforeHistory,

    /// <summary>Before a unit commits (<c>index</c>: the statements done when it has).</summary>
    BeforeCommit,
}

/// <summary>
/// Called at each point of a step where a failure must leave the database and its history in agreement; the tests
/// inject faults here (an exception, a connection killed from another session). Production runs have none.
/// </summary>
public interface IStepObserver
{
    Task AtAsync(StepPoint point, MigrationStep step, int index, CancellationToken cancellationToken);
}
