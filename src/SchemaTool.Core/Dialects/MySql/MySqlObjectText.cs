using SchemaTool.Dialects.Lexing;
using SchemaTool.Model;
using static SchemaTool.Dialects.MySql.MySqlText;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Views, triggers and routines as MySQL prints them back (SHOW CREATE ..., information_schema), and the statements
/// that create them from the model. The server's text is the canonical form on both sides (docs/schema-objects.md):
/// the model's objects are created in a scratch database and read back with the same code as the database's.
/// </summary>
internal static class MySqlObjectText
{
    /// <summary>
    /// No DEFINER: the view is the applying user's. ALGORITHM and SQL SECURITY only where the model's differ from
    /// MySQL's defaults (UNDEFINED, DEFINER).
    /// </summary>
    public static string CreateView(View view, bool replace = false) =>
        $"CREATE {(replace ? "OR REPLACE " : "")}" +
        (view.Algorithm is { } algorithm ? $"ALGORITHM = {algorithm.ToUpperInvariant()} " : "") +
        (view.SecurityInvoker ? "SQL SECURITY INVOKER " : "") +
        $"VIEW {Quote(view.Name)} " +
        (view.Columns.Count > 0 ? "(" + string.Join(", ", view.Columns.Select(Quote)) + ") " : "") +
        "AS " + view.Sql;

    /// <summary>
    /// The parts of SHOW CREATE VIEW's text (<c>CREATE ALGORITHM=UNDEFINED DEFINER=`u`@`h` SQL SECURITY DEFINER VIEW
    /// `v` AS select ...</c>): the query after AS, with every name of the current database unqualified, and the head's
    /// ALGORITHM (null for UNDEFINED) and SQL SECURITY; null when it is not that text.
    /// </summary>
    public static (string Sql, string? Algorithm, bool SecurityInvoker)? ParseView(string text)
    {
        var tokens = MySqlLexer.Instance.Tokenize(text);
        var view = tokens.FindIndex(t => t.Is("VIEW"));
        if (view < 0 || view + 2 >= tokens.Count) return null;
        var i = view + 1;
        if (i + 2 < tokens.Count && tokens[i + 1].IsPunctuation('.')) i += 2;
        if (!tokens[i + 1].Is("AS") || i + 2 >= tokens.Count) return null;
        var head = tokens.Take(view).ToList();
        var at = head.FindIndex(t => t.Is("ALGORITHM"));
        var algorithm = at >= 0 && at + 2 < head.Count && !head[at + 2].Is("UNDEFINED") ? head[at + 2].Text.ToLowerInvariant() : null;
        var security = head.FindIndex(t => t.Is("SECURITY"));
        var invoker = security >= 0 && security + 1 < head.Count && head[security + 1].Is("INVOKER");
        return (text[tokens[i + 2].Start..tokens[^1].End], algorithm, invoker);
    }

    /// <summary>
    /// The tables and views a view's or trigger's text names, found by its tokens: every name that is a relation of
    /// the schema, not after a dot (a column: `u`.`id`, NEW.x). The server prints the current database's names
    /// unqualified, so what the text qualifies is another database's. A relation stands with all of its columns.
    /// </summary>
    public static ValueList<Dependency> Dependencies(string sql, string? self, IReadOnlyDictionary<string, IReadOnlyList<string>> relations)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var tokens = MySqlLexer.Instance.Tokenize(sql);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) continue;
            if (i > 0 && tokens[i - 1].IsPunctuation('.')) continue;
            var name = Name(token);
            if (name != self && relations.ContainsKey(name)) found.Add(name);
        }
        var dependencies = new List<Dependency>();
        foreach (var name in found)
        {
            dependencies.Add(Dependency.Relation(name));
            foreach (var column in relations[name]) dependencies.Add(Dependency.OnColumn(name, column));
        }
        return dependencies.ToValueList();
    }

    /// <summary>
    /// The trigger's body always inside BEGIN and END, each statement closed by a semicolon: the form every body
    /// reads back to (<see cref="TriggerBody"/>), whether the database's trigger was written with BEGIN or as one
    /// statement. No DEFINER: the trigger is the applying user's. MySQL has no WHEN, UPDATE OF or statement level
    /// (Validate refuses them). A trigger that follows another is put right after it; any other goes last.
    /// </summary>
    public static string CreateTrigger(Trigger trigger) =>
        $"CREATE TRIGGER {Quote(trigger.Name)} {trigger.Timing.ToSql()} {trigger.Events[0].ToSql()} ON {Quote(trigger.Table)} FOR EACH ROW" +
        (trigger.Follows is { } follows ? $" FOLLOWS {Quote(follows)}\n" : "\n") +
        $"BEGIN\n  {TriggerBody(trigger.Body ?? "")}\nEND";

    /// <summary>
    /// A trigger's statements as the model keeps them: ACTION_STATEMENT without the BEGIN and END around it, from its
    /// first token to its last, the last statement closed by a semicolon.
    /// </summary>
    public static string TriggerBody(string action)
    {
        var tokens = MySqlLexer.Instance.Tokenize(action);
        if (tokens.Count >= 2 && tokens[0].Is("BEGIN") && tokens[^1].Is("END")) tokens = tokens[1..^1];
        if (tokens.Count == 0) return "";
        var text = action[tokens[0].Start..tokens[^1].End];
        return tokens[^1].IsPunctuation(';') ? text : text + ";";
    }

    /// <summary>
    /// What a trigger's body uses: the columns of its own table it reads as NEW.c or OLD.c, and every other table or
    /// view it names, with all of its columns (the table itself is the trigger's, see CreateTrigger.Uses).
    /// </summary>
    public static ValueList<Dependency> TriggerDependencies(Trigger trigger, IReadOnlyDictionary<string, IReadOnlyList<string>> relations)
    {
        var dependencies = new List<Dependency>();
        var tokens = MySqlLexer.Instance.Tokenize(trigger.Body ?? "");
        var own = relations.GetValueOrDefault(trigger.Table) ?? [];
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < tokens.Count; i++)
            if ((tokens[i].Is("NEW") || tokens[i].Is("OLD")) && tokens[i + 1].IsPunctuation('.')
                && own.FirstOrDefault(c => string.Equals(c, Name(tokens[i + 2]), StringComparison.OrdinalIgnoreCase)) is { } column)
                columns.Add(column);
        dependencies.AddRange(columns.Select(c => Dependency.OnColumn(trigger.Table, c)));
        dependencies.AddRange(Dependencies(trigger.Body ?? "", trigger.Table, relations));
        return dependencies.ToValueList();
    }

    /// <summary>
    /// SHOW CREATE FUNCTION / PROCEDURE's statement without its DEFINER clause: the routine is the applying user's,
    /// as a view is. SQL SECURITY, COMMENT and the other characteristics stay in the statement, where they are written.
    /// </summary>
    public static string WithoutDefiner(string definition)
    {
        var tokens = MySqlLexer.Instance.Tokenize(definition);
        var definer = tokens.FindIndex(t => t.Is("DEFINER"));
        var kind = tokens.FindIndex(t => t.Is("FUNCTION") || t.Is("PROCEDURE") || t.Is("AGGREGATE") || t.Is("TRIGGER") || t.Is("EVENT"));
        if (definer < 0 || kind < definer) return definition;
        return definition[..tokens[definer].Start] + definition[tokens[kind].Start..];
    }

    /// <summary>
    /// The kind and name a CREATE [OR REPLACE] [DEFINER = u] [AGGREGATE] FUNCTION | PROCEDURE [IF NOT EXISTS] name
    /// statement creates; null when the text is not such a statement.
    /// </summary>
    public static (RoutineKind Kind, string Name)? RoutineHead(string definition)
    {
        var tokens = MySqlLexer.Instance.Tokenize(definition).Where(t => t.IsCode).ToList();
        if (tokens.Count == 0 || !tokens[0].Is("CREATE")) return null;
        var kind = tokens.FindIndex(t => t.Is("FUNCTION") || t.Is("PROCEDURE"));
        if (kind < 0 || kind + 1 >= tokens.Count) return null;
        var i = kind + 1;
        if (i + 3 < tokens.Count && tokens[i].Is("IF") && tokens[i + 1].Is("NOT") && tokens[i + 2].Is("EXISTS")) i += 3;
        if (i + 2 < tokens.Count && tokens[i + 1].IsPunctuation('.')) i += 2;
        if (tokens[i].Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)) return null;
        return (tokens[kind].Is("FUNCTION") ? RoutineKind.Function : RoutineKind.Procedure, Name(tokens[i]));
    }

    /// <summary>An event without a DEFINER, as the applying user's; the schedule and body as the model has them.</summary>
    public static string CreateEvent(ScheduledEvent e) =>
        $"CREATE EVENT {Quote(e.Name)} ON SCHEDULE {e.Schedule} ON COMPLETION {(e.Preserve ? "" : "NOT ")}PRESERVE " +
        (e.Enabled ? "ENABLE" : "DISABLE") + (e.Comment is { } comment ? $" COMMENT {String(comment)}" : "") + $" DO {e.Body}";

    /// <summary>A name token's name: a `quoted` one without its quotes.</summary>
    public static string Name(SqlToken token) =>
        token.Kind == SqlTokenKind.QuotedIdentifier ? token.Text[1..^1].Replace("``", "`") : token.Text;
}
