namespace SchemaTool.Dialects.Lexing;

/// <summary>What is wrong with a SQL field's text, and where: <see cref="Offset"/> counts characters from 0.</summary>
public sealed record SqlFieldProblem(string Message, int Offset);

/// <summary>
/// Holds a SQL field of the model (a check, default_sql, a generated column's or an index's expression, an
/// index's where) to one expression, by the dialect's lexer, before it is written into a statement: no
/// semicolon outside a string (it would end the statement and run the rest as another), parentheses and
/// brackets that pair up, every string, quoted name, dollar quote and comment closed, no line comment at the
/// end (it would hide what the statement puts after the field), no MySQL /*! */ comment (its inside runs), and
/// no control character but tab and line breaks.
/// </summary>
public static class SqlExpressionCheck
{
    public static SqlFieldProblem? Find(SqlLexer lexer, string expression)
    {
        if (Characters(expression) is { } problem) return problem;
        var open = new Stack<SqlToken>();
        var any = false;
        foreach (var token in lexer.Tokens(expression))
        {
            var at = token.Start + 1;
            if (token.Unterminated) return new SqlFieldProblem($"{Unclosed(token)} that starts at character {at} is not closed", token.Start);
            switch (token.Kind)
            {
                case SqlTokenKind.Comment:
                    // Only white space after it: the field is trimmed before it is written, and the line break goes.
                    if (token.Span[0] != '/' && expression.AsSpan(token.End).IsWhiteSpace())
                        return new SqlFieldProblem(
                            $"the comment at character {at} runs to the end and would hide what the statement puts after it; end it with a line break or write /* */",
                            token.Start);
                    continue;
                case SqlTokenKind.ExecutableComment:
                    return new SqlFieldProblem($"the /*! */ comment at character {at} runs what it holds as SQL; write the SQL without it", token.Start);
                case SqlTokenKind.Punctuation when token.IsPunctuation(';'):
                    return new SqlFieldProblem(
                        $"the ';' at character {at} would end the statement and run what follows as another; an expression cannot hold one outside a string",
                        token.Start);
                case SqlTokenKind.Punctuation when token.IsPunctuation('(') || token.IsPunctuation('['):
                    open.Push(token);
                    break;
                case SqlTokenKind.Punctuation when token.IsPunctuation(')') || token.IsPunctuation(']'):
                    var closes = token.Source[token.Start] == ')' ? '(' : '[';
                    if (open.Count == 0)
                        return new SqlFieldProblem($"the '{token.Text}' at character {at} closes nothing that is open", token.Start);
                    var opener = open.Pop();
                    if (opener.Source[opener.Start] != closes)
                        return new SqlFieldProblem($"the '{token.Text}' at character {at} does not close the '{opener.Text}' at character {opener.Start + 1}", token.Start);
                    break;
            }
            any = true;
        }
        if (open.Count > 0)
        {
            var unclosed = open.Peek();
            return new SqlFieldProblem($"the '{unclosed.Text}' at character {unclosed.Start + 1} is not closed", unclosed.Start);
        }
        return any ? null : new SqlFieldProblem("holds no SQL", 0);
    }

    /// <summary>Control characters (a NUL ends the text for some drivers) and halves of a surrogate pair, which no encoding writes.</summary>
    internal static SqlFieldProblem? Characters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return new SqlFieldProblem($"holds the control character U+{(int)c:X4} at character {i + 1}; remove it or write it as an escape the database reads", i);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c))
                return new SqlFieldProblem($"holds half of a UTF-16 surrogate pair (U+{(int)c:X4}) at character {i + 1}, which is no character", i);
        }
        return null;
    }

    internal static string Unclosed(in SqlToken token) => token.Kind switch
    {
        SqlTokenKind.QuotedIdentifier => "the quoted name",
        SqlTokenKind.Comment or SqlTokenKind.ExecutableComment => "the comment",
        _ when token.Span[0] == '$' => "the dollar-quoted string",
        _ => "the string",
    };
}
