namespace SchemaTool.Dialects.Lexing;

/// <summary>
/// Holds a SQL field that is a whole statement (a view's query, a routine's CREATE) or a part of one that may hold
/// statements of its own (a trigger's body, an event's body) to exactly one statement, by the dialect's lexer and
/// its bodies: a semicolon outside a string, a comment or a body would end the statement early and run what
/// follows as another. Strings, quoted names and comments closed, no MySQL /*! */ comment, no control character.
/// A part is checked inside a statement of the kind it goes into, so its BEGIN ... END and its semicolons are
/// read as the database reads them there.
/// </summary>
public static class SqlStatementCheck
{
    private const string TriggerHead = "CREATE TRIGGER t AFTER INSERT ON t FOR EACH ROW BEGIN\n";
    private const string EventHead = "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO ";

    /// <summary>A whole statement; the statement that writes it ends right after it, so a final line comment is refused.</summary>
    public static SqlFieldProblem? Statement(SqlLexer lexer, string text) => Find(lexer, text, "", "", endsAtText: true);

    /// <summary>A trigger's body: the statements between BEGIN and END.</summary>
    public static SqlFieldProblem? TriggerBody(SqlLexer lexer, string text) => Find(lexer, text, TriggerHead, "\nEND", endsAtText: false);

    /// <summary>An event's body: what follows DO (one statement, or a BEGIN ... END block).</summary>
    public static SqlFieldProblem? EventBody(SqlLexer lexer, string text) => Find(lexer, text, EventHead, "", endsAtText: true);

    private static SqlFieldProblem? Find(SqlLexer lexer, string text, string head, string tail, bool endsAtText)
    {
        if (SqlExpressionCheck.Characters(text) is { } problem) return problem;
        var script = head + text + tail;
        var bodies = lexer.NewBodies();
        bodies.Start();
        var any = false;
        foreach (var token in lexer.Tokens(script))
        {
            var offset = token.Start - head.Length;
            var inText = offset >= 0 && offset < text.Length;
            var at = offset + 1;
            if (token.Unterminated && inText) return new SqlFieldProblem($"{SqlExpressionCheck.Unclosed(token)} that starts at character {at} is not closed", offset);
            if (token.Kind == SqlTokenKind.Comment)
            {
                if (endsAtText && inText && token.Span[0] != '/' && script.AsSpan(token.End).IsWhiteSpace())
                    return new SqlFieldProblem(
                        $"the comment at character {at} runs to the end and would hide the ';' written after it; end it with a line break or write /* */", offset);
                continue;
            }
            if (token.Kind == SqlTokenKind.ExecutableComment && inText)
                return new SqlFieldProblem($"the /*! */ comment at character {at} runs what it holds as SQL; write the SQL without it", offset);
            if (token.IsPunctuation(';') && !bodies.Open)
                return new SqlFieldProblem(
                    inText && script.AsSpan(token.End).IsWhiteSpace()
                        ? $"the ';' at character {at} ends the statement, which schematool ends itself; remove it"
                        : $"the ';' at character {Math.Max(at, 1)} would end the statement early and run what follows as another",
                    Math.Max(offset, 0));
            bodies.Read(token);
            any |= inText;
        }
        return any ? null : new SqlFieldProblem("holds no SQL", 0);
    }
}
