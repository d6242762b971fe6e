using SchemaTool.Apply;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

public static partial class PostgresSqlGenerator
{
    private static IReadOnlyList<string>? ExclusionStatements(Operation operation) => operation switch
    {
        // No online form: PostgreSQL builds an exclusion constraint's index under an ACCESS EXCLUSIVE lock, with no
        // CONCURRENTLY and no USING INDEX for it (plan says so in the statement's facts).
        AddExclusion op => [$"ALTER TABLE {QN(op.Table)} ADD {ExclusionClause(op.Exclusion)}", .. ExclusionComment(op.Table, op.Exclusion)],
        DropExclusion op => [DropConstraint(op.Table, op.Exclusion.Name)],
        SetExclusionComment op => [CommentOn("CONSTRAINT", $"{Q(op.Name)} ON {QN(op.Table)}", op.To)],
        _ => null,
    };

    /// <summary>On a table that exists, a note above the statement that has no online form: people reading the file see why it blocks writers.</summary>
    private static List<Statement> WithoutOnlineForm(Operation operation, List<Statement> statements)
    {
        if (operation is not AddExclusion || statements.Count == 0 || statements[0].Note is not null) return statements;
        statements[0] = statements[0] with
        {
            Note = "no online form: PostgreSQL builds an exclusion constraint's index under an ACCESS EXCLUSIVE lock; writes to the table wait until it is built",
        };
        return statements;
    }

    private static string ExclusionClause(Exclusion exclusion)
    {
        var text = $"CONSTRAINT {Q(exclusion.Name)} EXCLUDE";
        if (exclusion.Method is { } method) text += $" USING {method}";
        text += $" ({string.Join(", ", exclusion.Elements.Select(e => $"{IndexPartSql(e.Part)} WITH {e.Operator}"))})";
        if (exclusion.Where is { } where) text += $" WHERE ({where})";
        return text + DeferrableClause(exclusion.Deferrable);
    }

    private static IEnumerable<string> ExclusionComment(string table, Exclusion exclusion)
    {
        if (exclusion.Comment is not null) yield return CommentOn("CONSTRAINT", $"{Q(exclusion.Name)} ON {QN(table)}", exclusion.Comment);
    }

    private static IEnumerable<string> ExclusionComments(Table table) => table.Exclusions.SelectMany(e => ExclusionComment(table.Name, e));
}
