namespace SchemaTool.Apply;

/// <summary>
/// One statement of a revision file and what running it implies, as the dialect reads it from the text (revision
/// files are plain SQL that people edit, so the traits come from the statement itself, never from a comment).
/// </summary>
public sealed record Statement(string Text, StatementTraits Traits)
{
    public bool RunsInTransaction => Traits.RunsInTransaction;

    public override string ToString() => Text;
}

/// <summary>
/// What the step runner needs to know about a statement. <see cref="RunsInTransaction"/> false means the statement
/// cannot be part of the revision's transaction: it commits on its own (MySQL DDL) or the server refuses it inside a
/// transaction block (PostgreSQL's CREATE INDEX CONCURRENTLY); <see cref="Why"/> then says which, for the log.
/// </summary>
public sealed record StatementTraits(bool RunsInTransaction, string? Why = null)
{
    public static readonly StatementTraits InTransaction = new(true);

    public static StatementTraits Alone(string why) => new(false, why);
}
