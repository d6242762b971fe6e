using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// Views and triggers as SQLite keeps them: the CREATE statement's text, verbatim. This reads the parts of that text
/// that the model holds, and writes the statement back from them, so that a view or trigger created from the model
/// reads back as the model has it (the canonical form; see docs/schema-objects.md).
/// </summary>
internal static class SqliteObjectText
{
    /// <summary>The text from the first token to the last, without comments around it or a closing semicolon.</summary>
    public static string Trim(string sql)
    {
        var tokens = SqliteTokenizer.Tokenize(sql);
        while (tokens.Count > 0 && tokens[^1].IsSymbol(';')) tokens.RemoveAt(tokens.Count - 1);
        return tokens.Count == 0 ? "" : sql[tokens[0].Start..tokens[^1].End];
    }

    /// <summary>A trigger body as SQLite needs it: its statements, the last one closed by a semicolon too.</summary>
    public static string TrimBody(string body)
    {
        var tokens = SqliteTokenizer.Tokenize(body);
        if (tokens.Count == 0) return "";
        var text = body[tokens[0].Start..tokens[^1].End];
        return tokens[^1].IsSymbol(';') ? text : text + ";";
    }

    public static string CreateView(View view) =>
        $"CREATE VIEW {SqliteSqlGenerator.Quote(view.Name)} " +
        (view.Columns.Count > 0 ? "(" + string.Join(", ", view.Columns.Select(SqliteSqlGenerator.Quote)) + ") " : "") +
        "AS " + view.Sql;

    public static string CreateTrigger(Trigger trigger) =>
        $"CREATE TRIGGER {SqliteSqlGenerator.Quote(trigger.Name)} {trigger.Timing.ToSql()} {trigger.Events[0].ToSql()}" +
        (trigger.UpdateOf.Count > 0 ? " OF " + string.Join(", ", trigger.UpdateOf.Select(SqliteSqlGenerator.Quote)) : "") +
        $" ON {SqliteSqlGenerator.Quote(trigger.Table)} FOR EACH ROW" +
        (trigger.When is { } when ? " WHEN " + when : "") +
        $"\nBEGIN\n  {trigger.Body}\nEND";

    /// <summary>CREATE [TEMP] VIEW [IF NOT EXISTS] [schema.]name [(columns)] AS select; null when the text is not that.</summary>
    public static (ValueList<string> Columns, string Sql)? ParseView(string sql)
    {
        var tokens = SqliteTokenizer.Tokenize(sql);
        var i = tokens.FindIndex(t => t.Is("VIEW"));
        if (i < 0 || !SkipName(tokens, ref i)) return null;
        var columns = new List<string>();
        if (i < tokens.Count && tokens[i].IsSymbol('('))
        {
            for (i++; i < tokens.Count && !tokens[i].IsSymbol(')'); i++)
                if (!tokens[i].IsSymbol(',')) columns.Add(tokens[i].Name);
            i++;
        }
        if (i >= tokens.Count || !tokens[i].Is("AS") || i + 1 >= tokens.Count) return null;
        var last = tokens.Count - 1;
        while (last > i && tokens[last].IsSymbol(';')) last--;
        return (columns.ToValueList(), sql[tokens[i + 1].Start..tokens[last].End]);
    }

    /// <summary>
    /// CREATE [TEMP] TRIGGER [IF NOT EXISTS] [schema.]name [BEFORE|AFTER|INSTEAD OF] event [OF columns] ON table
    /// [FOR EACH ROW] [WHEN expression] BEGIN statements END; null when the text is not that.
    /// </summary>
    public static Trigger? ParseTrigger(string name, string table, string sql)
    {
        var tokens = SqliteTokenizer.Tokenize(sql);
        var i = tokens.FindIndex(t => t.Is("TRIGGER"));
        if (i < 0 || !SkipName(tokens, ref i) || i >= tokens.Count) return null;
        var timing = TriggerTiming.Before; // SQLite's default when neither is written
        if (tokens[i].Is("BEFORE")) { timing = TriggerTiming.Before; i++; }
        else if (tokens[i].Is("AFTER")) { timing = TriggerTiming.After; i++; }
        else if (tokens[i].Is("INSTEAD") && i + 1 < tokens.Count && tokens[i + 1].Is("OF")) { timing = TriggerTiming.InsteadOf; i += 2; }
        if (i >= tokens.Count || TriggerWords.ParseEvent(tokens[i].Text) is not { } e || tokens[i].Kind != TokenKind.Word) return null;
        i++;
        var updateOf = new List<string>();
        if (e == TriggerEvent.Update && i < tokens.Count && tokens[i].Is("OF"))
            for (i++; i < tokens.Count && !tokens[i].Is("ON"); i++)
                if (!tokens[i].IsSymbol(',')) updateOf.Add(tokens[i].Name);
        if (i >= tokens.Count || !tokens[i].Is("ON")) return null;
        i++;
        if (!SkipQualified(tokens, ref i)) return null;
        if (i + 2 < tokens.Count && tokens[i].Is("FOR") && tokens[i + 1].Is("EACH") && tokens[i + 2].Is("ROW")) i += 3;
        string? when = null;
        var begin = tokens.FindIndex(i, t => t.Is("BEGIN"));
        if (begin < 0 || !tokens[^1].Is("END") || begin + 1 >= tokens.Count - 1) return null;
        if (tokens[i].Is("WHEN"))
        {
            if (begin <= i + 1) return null;
            when = sql[tokens[i + 1].Start..tokens[begin - 1].End];
        }
        else if (i != begin) return null;
        var body = sql[tokens[begin + 1].Start..tokens[^2].End];
        return new Trigger(name, table, timing, new[] { e }, Body: body, UpdateOf: updateOf.ToValueList(), When: when);
    }

    /// <summary>
    /// The tables and views a view or trigger names, found by its tokens: every name that is a relation of the
    /// schema, not after a dot (a column: NEW.x, u.name) unless the dot follows `main`. SQLite keeps no record of
    /// what a view reads, so a table stands with all of its columns: any change to a column of it recreates the view
    /// (no precision is lost that SQLite could give).
    /// </summary>
    public static ValueList<Dependency> Dependencies(string sql, string? self, IReadOnlyDictionary<string, (string Name, IReadOnlyList<string>? Columns)> relations, string? table = null)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        if (table is not null && relations.TryGetValue(table, out var own)) found.Add(own.Name);
        var tokens = SqliteTokenizer.Tokenize(sql);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind is not (TokenKind.Word or TokenKind.Quoted)) continue;
            if (i > 0 && tokens[i - 1].IsSymbol('.') && !(i > 1 && tokens[i - 2].Is("main"))) continue;
            if (relations.TryGetValue(t.Name, out var relation) && !AsciiCaseInsensitiveComparer.Instance.Equals(relation.Name, self ?? ""))
                found.Add(relation.Name);
        }
        var dependencies = new List<Dependency>();
        foreach (var name in found)
        {
            dependencies.Add(Dependency.Relation(name));
            foreach (var column in relations[name].Columns ?? []) dependencies.Add(Dependency.OnColumn(name, column));
        }
        return dependencies.ToValueList();
    }

    /// <summary>After the keyword at <paramref name="i"/>: IF NOT EXISTS and a name, maybe qualified; <paramref name="i"/> ends past them.</summary>
    private static bool SkipName(List<Token> tokens, ref int i)
    {
        i++;
        if (i + 2 < tokens.Count && tokens[i].Is("IF") && tokens[i + 1].Is("NOT") && tokens[i + 2].Is("EXISTS")) i += 3;
        return SkipQualified(tokens, ref i);
    }

    private static bool SkipQualified(List<Token> tokens, ref int i)
    {
        if (i >= tokens.Count || tokens[i].Kind is not (TokenKind.Word or TokenKind.Quoted)) return false;
        i++;
        if (i + 1 < tokens.Count && tokens[i].IsSymbol('.') && tokens[i + 1].Kind is TokenKind.Word or TokenKind.Quoted) i += 2;
        return true;
    }
}
