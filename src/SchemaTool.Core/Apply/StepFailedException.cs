using SchemaTool.Revisions;

namespace SchemaTool.Apply;

/// <summary>A revision failed; says where (the statement, or the moment after it), why, and what state the database is left in.</summary>
public sealed class StepFailedException(string message, Exception inner) : SchemaToolException(message, 3, inner)
{
    /// <summary>Statement <paramref name="index"/> failed, or the run stopped right after it.</summary>
    public static StepFailedException AtStatement(MigrationStep step, int index, string reason, string state, Exception inner, bool afterIt = false)
    {
        var statement = step.Statements[index].Text;
        var shown = statement.Length > 300 ? statement[..300] + "..." : statement;
        var where = afterIt ? "stopped after" : "failed at";
        return new StepFailedException(
            $"revision {step.Revision.Id} {where} statement {index + 1} of {step.Statements.Count} ({RevisionFolder.Display(step.File)}):\n" +
            $"  {shown.ReplaceLineEndings("\n  ")}\n{reason}\n{state}", inner);
    }

    /// <summary>Every statement ran and <paramref name="what"/> (a check, the history write, the commit) failed.</summary>
    public static StepFailedException AfterStatements(MigrationStep step, string what, string reason, string state, Exception inner) =>
        new($"revision {step.Revision.Id} failed {what} after its {step.Statements.Count} statement(s) ({RevisionFolder.Display(step.File)}):\n{reason}\n{state}", inner);
}

/// <summary>A check a database makes before a unit commits (SQLite's foreign key check) found a problem.</summary>
public sealed class UnitCheckFailedException(string check, string message, string advice) : Exception(message)
{
    /// <summary>What was checked, as in "failed the foreign key check".</summary>
    public string Check { get; } = check;

    /// <summary>What to do about it.</summary>
    public string Advice { get; } = advice;
}
