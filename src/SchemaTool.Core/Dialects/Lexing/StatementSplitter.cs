namespace SchemaTool.Dialects.Lexing;

/// <summary>
/// Follows one statement's tokens to tell whether a semicolon now ends it or stands inside a body that the
/// database reads as part of the statement (a trigger's BEGIN ... END, a routine's compound statement).
/// Each dialect knows its own bodies; the splitter only asks.
/// </summary>
internal abstract class StatementBodies
{
    /// <summary>A new statement begins.</summary>
    public abstract void Start();

    /// <summary>The statement's next token (comments left out), semicolons inside a body included.</summary>
    public abstract void Read(in SqlToken token);

    /// <summary>Whether a semicolon read now stands inside a body, so the statement goes on.</summary>
    public abstract bool Open { get; }
}

/// <summary>
/// Splits a script into statements at the semicolons that end them, by the dialect's lexer: nothing inside a
/// string, a quoted name, a comment or a body counts. A statement's text runs from its first token to its
/// last (comments before and after it are left out, comments inside kept); statements with no code are dropped.
/// </summary>
internal static class StatementSplitter
{
    public static IReadOnlyList<string> Split(SqlLexer lexer, string script)
    {
        var statements = new List<string>();
        var bodies = lexer.NewBodies();
        bodies.Start();
        var start = -1;
        var end = -1;
        foreach (var token in lexer.Tokens(script))
        {
            if (token.Kind == SqlTokenKind.Comment) continue;
            if (token.IsPunctuation(';') && !bodies.Open)
            {
                if (start >= 0) statements.Add(script.Substring(start, end - start));
                start = -1;
                bodies.Start();
                continue;
            }
            if (start < 0) start = token.Start;
            end = token.End;
            bodies.Read(token);
        }
        if (start >= 0) statements.Add(script.Substring(start, end - start));
        return statements;
    }
}
