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

    /// <summary>
    /// A routine's whole CREATE statement: plan runs it in a scratch schema on the live database to read it back, so
    /// it must be that statement and no other (a SELECT, a DO block, a CREATE TABLE AS, MySQL's CREATE FUNCTION ...
    /// SONAME, which loads a library) before the name: <c>CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE]
    /// <paramref name="keyword"/> [IF NOT EXISTS] name (</c>; the name <paramref name="name"/> where it is given.
    /// </summary>
    public static SqlFieldProblem? Creates(SqlLexer lexer, string text, string keyword, string? name = null)
    {
        if (Statement(lexer, text) is { } problem) return problem;
        using var tokens = lexer.Tokens(text).Where(t => t.IsCode).GetEnumerator();
        var token = Next(tokens);
        SqlFieldProblem Refused(SqlToken? at) => new(
            $"it is not one CREATE {keyword} statement (CREATE [OR REPLACE] {keyword} name(...) ...): plan creates it on the " +
            "database to read it back, and runs nothing else", at?.Start ?? text.Length);
        if (token is null || !token.Value.Is("CREATE")) return Refused(token);
        token = Next(tokens);
        if (token is { } or_ && or_.Is("OR"))
        {
            if (Next(tokens) is not { } replace || !replace.Is("REPLACE")) return Refused(or_);
            token = Next(tokens);
        }
        if (token is { } definer && definer.Is("DEFINER"))
        {
            if (Next(tokens) is not { } equals || !equals.IsPunctuation('=')) return Refused(definer);
            if (Next(tokens) is not { Kind: SqlTokenKind.Word or SqlTokenKind.String or SqlTokenKind.QuotedIdentifier } user) return Refused(definer);
            token = Next(tokens);
            if (user.Is("CURRENT_USER") && token is { } open && open.IsPunctuation('('))
            {
                if (Next(tokens) is not { } close || !close.IsPunctuation(')')) return Refused(open);
                token = Next(tokens);
            }
            else if (token is { Kind: SqlTokenKind.Parameter } host && host.Span.StartsWith("@") && !host.Span.StartsWith("@@"))
                token = Next(tokens);
        }
        // MariaDB's CREATE AGGREGATE FUNCTION; PostgreSQL's CREATE AGGREGATE is a keyword of its own.
        if (keyword != "AGGREGATE" && token is { } aggregate && aggregate.Is("AGGREGATE")) token = Next(tokens);
        if (token is not { } kind || !kind.Is(keyword)) return Refused(token);
        token = Next(tokens);
        if (token is { } @if && @if.Is("IF"))
        {
            if (Next(tokens) is not { } not || !not.Is("NOT") || Next(tokens) is not { } exists || !exists.Is("EXISTS")) return Refused(@if);
            token = Next(tokens);
        }
        if (token is not { Kind: SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier } first) return Refused(token);
        SqlToken? second = null;
        token = Next(tokens);
        if (token is { } dot && dot.IsPunctuation('.'))
        {
            if (Next(tokens) is not { Kind: SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier } local) return Refused(dot);
            second = local;
            token = Next(tokens);
        }
        if (token is not { } paren || !paren.IsPunctuation('(')) return Refused(token);
        return name is null || Names(first, second, name) ? null : new SqlFieldProblem(
            $"it creates {text[first.Start..(second ?? first).End]}, but the {keyword.ToLowerInvariant()} is named {name} " +
            "(its key, or `name:` where the server's name differs)", first.Start);
    }

    /// <summary>
    /// Whether the name written [<paramref name="first"/>.]<paramref name="second"/> is <paramref name="name"/>, as
    /// the server folds it: a word in any case, a double-quoted name exactly (a backquoted one, MySQL's, in any case);
    /// the schema compared where both say one.
    /// </summary>
    private static bool Names(SqlToken first, SqlToken? second, string name)
    {
        var (schema, local) = second is { } l ? ((SqlToken?)first, l) : (null, first);
        static bool Same(SqlToken written, string part) => written.Kind == SqlTokenKind.QuotedIdentifier && written.Text[0] == '"'
            ? written.Length >= 2 && written.Text[1..^1].Replace("\"\"", "\"") == part
            : string.Equals(written.Kind == SqlTokenKind.QuotedIdentifier && written.Length >= 2 ? written.Text[1..^1] : written.Text, part, StringComparison.OrdinalIgnoreCase);
        var dot = name.IndexOf('.');
        return Same(local, dot > 0 ? name[(dot + 1)..] : name) && (schema is not { } s || dot <= 0 || Same(s, name[..dot]));
    }

    private static SqlToken? Next(IEnumerator<SqlToken> tokens) => tokens.MoveNext() ? tokens.Current : null;

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
