namespace SchemaTool.Dialects.MySql;

/// <summary>What one statement of a revision changes, as far as resuming an interrupted run needs to know.</summary>
internal enum EffectKind
{
    /// <summary>DDL on the named tables (CREATE, ALTER, DROP, RENAME TABLE, CREATE/DROP INDEX): it shows in their SHOW CREATE TABLE.</summary>
    Tables,

    /// <summary>DDL on the named views, triggers, routines or events: it shows in their SHOW CREATE.</summary>
    Objects,

    /// <summary>INSERT, UPDATE, DELETE, REPLACE: run in one transaction with the progress update.</summary>
    Rows,

    /// <summary>Anything else (SET, GRANT...): nothing tells whether it ran, so a resume runs it again.</summary>
    Unknown,
}

/// <summary>
/// A table a statement names, with its database when the statement qualifies it; or a view, trigger, function,
/// procedure or event (<see cref="Kind"/>, as SHOW CREATE spells it).
/// </summary>
internal readonly record struct TableName(string? Database, string Name, string Kind = "TABLE")
{
    // A table prints as before objects were modelled: the checks of interrupted runs hash this text.
    public override string ToString() =>
        (Kind == "TABLE" ? "" : Kind + " ") + (Database is null ? Name : $"{Database}.{Name}");
}

/// <summary>
/// Reads the head of a statement (what it is and which tables it names), not the whole statement: every statement
/// the MySQL generator writes is CREATE TABLE, DROP TABLE, RENAME TABLE or ALTER TABLE on one table, or CREATE
/// [OR REPLACE] / DROP of one view, trigger, routine or event, or CREATE / ALTER / DROP SEQUENCE, and statements written by hand in those forms are
/// read the same way.
/// </summary>
internal sealed record StatementEffect(EffectKind Kind, IReadOnlyList<TableName> Tables)
{
    private static readonly StatementEffect Unknown = new(EffectKind.Unknown, []);

    public static StatementEffect Of(string statement) => Of(new Head(StatementTokens.Read(statement)));

    private static StatementEffect Of(Head head)
    {
        var verb = head.Word();
        return verb switch
        {
            "INSERT" or "UPDATE" or "DELETE" or "REPLACE" => new StatementEffect(EffectKind.Rows, []),
            "CREATE" => Create(head),
            "ALTER" => Alter(head),
            "DROP" => Drop(head),
            "RENAME" => Rename(head),
            // MariaDB's SET STATEMENT var = value [, ...] FOR statement: the statement, with the variables set for it.
            "SET" when head.Accept("STATEMENT") => head.SkipPast("FOR") ? Of(head) : Unknown,
            _ => Unknown,
        };
    }

    // A MariaDB sequence is a table whose options SHOW CREATE SEQUENCE prints (SHOW CREATE TABLE shows only its columns).
    private static readonly string[] ObjectKinds = ["VIEW", "TRIGGER", "FUNCTION", "PROCEDURE", "EVENT", "SEQUENCE"];

    private static StatementEffect Create(Head head)
    {
        if (head.Accept("OR")) head.Accept("REPLACE");
        if (ObjectHead(head) is { } kind) return ObjectOn(head, kind, ["IF", "NOT", "EXISTS"]);
        head.Accept("TEMPORARY");
        if (head.Accept("TABLE"))
        {
            if (head.Accept("IF")) { head.Accept("NOT"); head.Accept("EXISTS"); }
            return On(head.Table());
        }
        head.Accept("ONLINE", "OFFLINE");
        head.Accept("UNIQUE", "FULLTEXT", "SPATIAL");
        return head.Accept("INDEX") ? IndexOn(head, ifWords: ["IF", "NOT", "EXISTS"]) : Unknown;
    }

    private static StatementEffect Alter(Head head)
    {
        head.Accept("ONLINE", "OFFLINE");
        head.Accept("IGNORE");
        if (head.Accept("SEQUENCE")) return ObjectOn(head, "SEQUENCE", ["IF", "EXISTS"]);
        if (!head.Accept("TABLE")) return Unknown;
        if (head.Accept("IF")) head.Accept("EXISTS");
        // ALTER TABLE a RENAME TO b: a is gone afterwards, which is enough to tell that it ran.
        return On(head.Table());
    }

    private static StatementEffect Drop(Head head)
    {
        if (head.Accept(ObjectKinds)) return ObjectOn(head, head.Previous.ToUpperInvariant(), ["IF", "EXISTS"]);
        head.Accept("TEMPORARY");
        if (head.Accept("TABLE", "TABLES"))
        {
            if (head.Accept("IF")) head.Accept("EXISTS");
            var names = new List<TableName?> { head.Table() };
            while (head.Accept(",")) names.Add(head.Table());
            return On([.. names]);
        }
        head.Accept("ONLINE", "OFFLINE");
        return head.Accept("INDEX") ? IndexOn(head, ifWords: ["IF", "EXISTS"]) : Unknown;
    }

    private static StatementEffect Rename(Head head)
    {
        if (!head.Accept("TABLE", "TABLES")) return Unknown;
        var names = new List<TableName?>();
        do
        {
            names.Add(head.Table());
            if (!head.Accept("TO")) return Unknown;
            names.Add(head.Table());
        } while (head.Accept(","));
        return On([.. names]);
    }

    /// <summary>
    /// After CREATE [OR REPLACE]: ALGORITHM = x, DEFINER = user, SQL SECURITY x, AGGREGATE, then the object's kind;
    /// null when the statement creates something else.
    /// </summary>
    private static string? ObjectHead(Head head)
    {
        for (var words = 0; words < 16; words++)
        {
            if (head.Accept(ObjectKinds)) return head.Previous.ToUpperInvariant();
            if (head.Accept("AGGREGATE")) continue;
            if (head.Accept("ALGORITHM", "DEFINER")) { head.SkipDefinerValue(); continue; }
            if (head.Accept("SQL") && head.Accept("SECURITY")) { head.Word(); continue; }
            return null;
        }
        return null;
    }

    private static StatementEffect ObjectOn(Head head, string kind, string[] ifWords)
    {
        if (head.Accept(ifWords[0])) foreach (var word in ifWords[1..]) head.Accept(word);
        return head.Table() is { } name ? new StatementEffect(EffectKind.Objects, [name with { Kind = kind }]) : Unknown;
    }

    private static StatementEffect IndexOn(Head head, string[] ifWords)
    {
        if (head.Accept(ifWords[0])) foreach (var word in ifWords[1..]) head.Accept(word);
        if (head.Identifier() is null) return Unknown;
        return head.Accept("ON") ? On(head.Table()) : Unknown;
    }

    private static StatementEffect On(params TableName?[] names) =>
        names.All(n => n is not null) ? new StatementEffect(EffectKind.Tables, names.Select(n => n!.Value).ToList()) : Unknown;

    /// <summary>A cursor over the statement's tokens.</summary>
    private sealed class Head(IReadOnlyList<StatementToken> tokens)
    {
        private int _at;

        /// <summary>The text of the token last stepped over.</summary>
        public string Previous => tokens[_at - 1].Text;

        /// <summary>After ALGORITHM or DEFINER: <c>= value</c>, a user being <c>'u'@'h'</c>, CURRENT_USER or CURRENT_USER().</summary>
        public void SkipDefinerValue()
        {
            Accept("=");
            if (_at < tokens.Count) _at++;
            // 'u'@'h' reads as the string 'u' and the variable @'h'; u@h as a word and @h.
            if (_at < tokens.Count && !tokens[_at].Quoted && tokens[_at].Text.StartsWith('@')) _at++;
            if (Accept("(")) Accept(")");
        }

        public string? Word() =>
            _at < tokens.Count && !tokens[_at].Quoted ? tokens[_at++].Text.ToUpperInvariant() : null;

        /// <summary>Steps over the next token when it is one of <paramref name="words"/> (keywords or punctuation).</summary>
        public bool Accept(params string[] words)
        {
            if (_at >= tokens.Count || tokens[_at].Quoted) return false;
            if (!words.Contains(tokens[_at].Text, StringComparer.OrdinalIgnoreCase)) return false;
            _at++;
            return true;
        }

        /// <summary>Steps past the next <paramref name="word"/> outside parentheses; false when there is none.</summary>
        public bool SkipPast(string word)
        {
            var depth = 0;
            for (; _at < tokens.Count; _at++)
            {
                var token = tokens[_at];
                if (token.IsPunctuation && token.Text == "(") depth++;
                else if (token.IsPunctuation && token.Text == ")") depth--;
                else if (depth == 0 && !token.Quoted && token.Text.Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    _at++;
                    return true;
                }
            }
            return false;
        }

        public string? Identifier()
        {
            if (_at >= tokens.Count || tokens[_at].IsPunctuation || tokens[_at].IsString) return null;
            return tokens[_at++].Text;
        }

        /// <summary>name or database.name.</summary>
        public TableName? Table()
        {
            if (Identifier() is not { } first) return null;
            if (!Accept(".")) return new TableName(null, first);
            return Identifier() is { } second ? new TableName(first, second) : null;
        }
    }
}
