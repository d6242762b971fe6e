using System.Text;
using SchemaTool.Dialects;
using SchemaTool.Revisions;

namespace SchemaTool.Apply;

/// <summary>The statements that revisions run in one direction, as one SQL script a person can read or run.</summary>
public static class RevisionScript
{
    public static string Render(IDialect dialect, IReadOnlyList<Revision> revisions, Direction direction)
    {
        var text = new StringBuilder();
        foreach (var revision in revisions)
        {
            var (verb, path, sql) = direction == Direction.Up
                ? ("apply", revision.UpPath, revision.UpSql)
                : ("roll back", revision.DownPath, revision.DownSql);
            var statements = dialect.SplitStatements(sql);
            text.Append($"-- {verb} {revision.Id} {revision.Message} ({RevisionFolder.Display(path)}, {statements.Count} statement(s))\n");
            foreach (var statement in statements) text.Append(statement).Append(";\n");
            text.Append('\n');
        }
        return text.ToString();
    }
}
