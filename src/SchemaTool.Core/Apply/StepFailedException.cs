namespace SchemaTool.Apply;

/// <summary>A statement of a revision failed; says which, and what state the database is left in.</summary>
public sealed class StepFailedException(string message, Exception inner) : SchemaToolException(message, 3, inner)
{
    public static StepFailedException For(MigrationStep step, int index, Exception error, bool rolledBack)
    {
        var file = step.Direction == Direction.Up ? step.Revision.UpPath : step.Revision.DownPath;
        var statement = step.Statements[index];
        var shown = statement.Length > 300 ? statement[..300] + "..." : statement;
        var state = rolledBack
            ? $"the revision was rolled back whole; the database is still at its previous revision"
            : index == 0
                ? "no statement of it ran"
                : $"statements 1 to {index} of it are in place and recorded; fix the file and run `schematool {(step.Direction == Direction.Up ? "apply" : "rollback")}` again to resume at statement {index + 1}";
        return new StepFailedException(
            $"revision {step.Revision.Id} failed at statement {index + 1} of {step.Statements.Count} ({Revisions.RevisionFolder.Display(file)}):\n" +
            $"  {shown.ReplaceLineEndings("\n  ")}\n{error.Message}\n{state}", error);
    }
}
