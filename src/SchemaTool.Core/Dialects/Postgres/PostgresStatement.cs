using SchemaTool.Apply;
using SchemaTool.Dialects.Lexing;

namespace SchemaTool.Dialects.Postgres;

internal enum PostgresStatementKind
{
    /// <summary>Runs in the revision's transaction.</summary>
    Other,
    CreateIndexConcurrently,
    DropIndexConcurrently,
    AddEnumValue,

    /// <summary>Any other statement PostgreSQL refuses inside a transaction block (VACUUM, REINDEX ... CONCURRENTLY, ...).</summary>
    NoTransaction,

    /// <summary>ALTER TABLE ... VALIDATE CONSTRAINT: runs in the revision's transaction, but in one of its own.</summary>
    ValidateConstraint,
}

/// <summary>
/// What a statement of a PostgreSQL revision is, as far as running it goes: read from its first words (comments and
/// quoting understood), since revision files are plain SQL that people write and edit. <see cref="Name"/> is the
/// index or type it names, as written (qualified by the table's schema for an index on a qualified table);
/// <see cref="Value"/> the enum label an ALTER TYPE adds.
/// </summary>
internal sealed partial record PostgresStatement(PostgresStatementKind Kind, string? Name = null, string? Value = null, string? Why = null)
{
    private static readonly PostgresStatement Plain = new(PostgresStatementKind.Other);

    /// <summary>
    /// The traits of each statement of a revision. ALTER TYPE ... ADD VALUE may run in a transaction, but the value
    /// cannot be used before that transaction commits: it runs alone only when a later statement of the revision
    /// uses the label. VALIDATE CONSTRAINT runs in a transaction of its own. The lock each takes and what it does to
    /// the rows come from <see cref="Locking"/>, which also reads the earlier statements: a SET NOT NULL that a
    /// check validated earlier in the revision proves reads nothing.
    /// </summary>
    public static IReadOnlyList<Statement> Classify(IReadOnlyList<string> statements)
    {
        var result = new List<Statement>(statements.Count);
        var proofs = new NotNullProofs();
        for (var i = 0; i < statements.Count; i++)
        {
            var read = Read(statements[i]);
            var alone = read.Kind switch
            {
                PostgresStatementKind.Other or PostgresStatementKind.ValidateConstraint => false,
                PostgresStatementKind.AddEnumValue => read.Value is { } label && statements.Skip(i + 1).Any(s => UsesLiteral(s, label)),
                _ => true,
            };
            var traits = alone ? StatementTraits.Alone(read.Why!) : StatementTraits.InTransaction;
            if (read.Kind == PostgresStatementKind.ValidateConstraint) traits = traits with { OwnTransaction = true, Why = read.Why };
            result.Add(new Statement(statements[i], Locking.Of(statements[i], proofs).Apply(traits)));
        }
        return result;
    }

    public static PostgresStatement Read(string sql)
    {
        var t = new Head(Lex(sql, limit: 64));
        if (t.Accept("CREATE"))
        {
            t.Accept("UNIQUE");
            if (t.Accept("INDEX"))
            {
                if (!t.Accept("CONCURRENTLY")) return Plain;
                if (t.Accept("IF")) { t.Accept("NOT"); t.Accept("EXISTS"); }
                var name = t.Peek("ON") ? null : t.Name();
                if (!t.Accept("ON")) return new(PostgresStatementKind.CreateIndexConcurrently, Why: "CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
                t.Accept("ONLY");
                var table = t.QualifiedName();
                var schema = table is { Count: 2 } ? table[0] : null;
                return new(PostgresStatementKind.CreateIndexConcurrently, name is null ? null : schema is null ? name : $"{schema}.{name}",
                    Why: "CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
            }
            if (t.Accept("DATABASE", "TABLESPACE", "SUBSCRIPTION"))
                return NoTransaction($"CREATE {t.Previous} cannot run inside a transaction block");
            return Plain;
        }
        if (t.Accept("DROP"))
        {
            if (t.Accept("INDEX"))
            {
                if (!t.Accept("CONCURRENTLY")) return Plain;
                if (t.Accept("IF")) t.Accept("EXISTS");
                var name = t.QualifiedName();
                return new(PostgresStatementKind.DropIndexConcurrently, name is null ? null : string.Join(".", name),
                    Why: "DROP INDEX CONCURRENTLY cannot run inside a transaction block");
            }
            if (t.Accept("DATABASE", "TABLESPACE", "SUBSCRIPTION"))
                return NoTransaction($"DROP {t.Previous} cannot run inside a transaction block");
            return Plain;
        }
        if (t.Accept("REINDEX"))
        {
            if (t.Peek("(")) t.SkipParentheses();
            var what = t.Accept("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM") ? t.Previous : "";
            if (t.Accept("CONCURRENTLY")) return NoTransaction("REINDEX CONCURRENTLY cannot run inside a transaction block");
            return what is "SCHEMA" or "DATABASE" or "SYSTEM" ? NoTransaction($"REINDEX {what} cannot run inside a transaction block") : Plain;
        }
        if (t.Accept("VACUUM")) return NoTransaction("VACUUM cannot run inside a transaction block");
        if (t.Accept("CLUSTER"))
        {
            t.Accept("VERBOSE");
            return t.AtEnd ? NoTransaction("CLUSTER without a table cannot run inside a transaction block") : Plain;
        }
        if (t.Accept("ALTER"))
        {
            if (t.Accept("SYSTEM")) return NoTransaction("ALTER SYSTEM cannot run inside a transaction block");
            if (t.Accept("TYPE")) return AddValue(t);
            if (t.Accept("TABLE") && t.Contains("DETACH", "PARTITION") && t.Contains("CONCURRENTLY"))
                return NoTransaction("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY cannot run inside a transaction block");
            if (t.Previous == "TABLE" && t.Contains("VALIDATE", "CONSTRAINT"))
                return new(PostgresStatementKind.ValidateConstraint,
                    Why: "VALIDATE CONSTRAINT reads the whole table; it must not hold the locks of the statements before it while it does");
        }
        return Plain;
    }

    private static PostgresStatement NoTransaction(string why) => new(PostgresStatementKind.NoTransaction, Why: why);

    /// <summary>ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label' ...</summary>
    private static PostgresStatement AddValue(Head t)
    {
        var type = t.QualifiedName();
        if (type is null || !t.Accept("ADD") || !t.Accept("VALUE")) return Plain;
        if (t.Accept("IF")) { t.Accept("NOT"); t.Accept("EXISTS"); }
        return t.StringValue() is { } label
            ? new(PostgresStatementKind.AddEnumValue, string.Join(".", type), label,
                $"the value '{label}' that ALTER TYPE ... ADD VALUE adds cannot be used before its transaction commits, and a later statement uses it")
            : Plain;
    }

    private static bool UsesLiteral(string sql, string value) =>
        Lex(sql, limit: int.MaxValue).Any(token => token.Kind == TokenKind.String && token.Value == value);

    private enum TokenKind
    {
        Word,
        QuotedName,
        String,
        Symbol,
    }

    /// <summary><see cref="Text"/> as written; <see cref="Value"/> a string's or a quoted name's content.</summary>
    private readonly record struct Token(TokenKind Kind, string Text, string Value);

    /// <summary>Words, quoted names, strings (plain, E'', dollar-quoted) and symbols, read by <see cref="PostgresLexer"/>; comments skipped.</summary>
    private static List<Token> Lex(string sql, int limit)
    {
        var tokens = new List<Token>();
        foreach (var token in PostgresLexer.Instance.Tokens(sql))
        {
            if (tokens.Count >= limit) break;
            var text = token.Text;
            switch (token.Kind)
            {
                case SqlTokenKind.Comment:
                    continue;
                case SqlTokenKind.Word or SqlTokenKind.Number:
                    tokens.Add(new Token(TokenKind.Word, text, text));
                    break;
                case SqlTokenKind.QuotedIdentifier:
                    tokens.Add(new Token(TokenKind.QuotedName, text, Unquote(text, '"')));
                    break;
                case SqlTokenKind.String:
                    tokens.Add(new Token(TokenKind.String, text, StringValue(text, token.Unterminated)));
                    break;
                default:
                    tokens.Add(new Token(TokenKind.Symbol, text, text));
                    break;
            }
        }
        return tokens;
    }

    private static string StringValue(string text, bool unterminated)
    {
        if (text[0] == '$')
        {
            var tag = text[..(text.IndexOf('$', 1) + 1)];
            return unterminated ? text[tag.Length..] : text[tag.Length..^tag.Length];
        }
        var open = text.IndexOf('\'');
        var inner = text[(open + 1)..(unterminated ? text.Length : text.Length - 1)];
        return text[0] is 'E' or 'e' ? EscapeStrings.Decode(inner) ?? inner : inner.Replace("''", "'");
    }

    private static string Unquote(string text, char quote)
    {
        var open = text.IndexOf(quote);
        var end = text.Length > open + 1 && text[^1] == quote ? text.Length - 1 : text.Length;
        return text[(open + 1)..end].Replace(new string(quote, 2), quote.ToString());
    }

    /// <summary>A cursor over a statement's tokens.</summary>
    private sealed class Head(List<Token> tokens)
    {
        private int _at;

        public bool AtEnd => _at >= tokens.Count || tokens[_at].Text == ";";

        /// <summary>The keyword <see cref="Accept"/> stepped over last, upper case.</summary>
        public string Previous { get; private set; } = "";

        public bool Peek(string word) =>
            _at < tokens.Count && tokens[_at].Kind is TokenKind.Word or TokenKind.Symbol && tokens[_at].Text.Equals(word, StringComparison.OrdinalIgnoreCase);

        public bool Accept(params string[] words)
        {
            foreach (var word in words)
            {
                if (!Peek(word)) continue;
                Previous = word;
                _at++;
                return true;
            }
            return false;
        }

        public bool Contains(params string[] sequence)
        {
            for (var i = _at; i + sequence.Length <= tokens.Count; i++)
                if (sequence.Select((w, k) => tokens[i + k].Kind == TokenKind.Word && tokens[i + k].Text.Equals(w, StringComparison.OrdinalIgnoreCase)).All(x => x))
                    return true;
            return false;
        }

        /// <summary>A name as written (a quoted one keeps its quotes, so that the server reads it the same way).</summary>
        public string? Name()
        {
            if (_at >= tokens.Count || tokens[_at].Kind is not (TokenKind.Word or TokenKind.QuotedName)) return null;
            return tokens[_at++].Text;
        }

        /// <summary>name or schema.name, each part as written.</summary>
        public List<string>? QualifiedName()
        {
            if (Name() is not { } first) return null;
            var parts = new List<string> { first };
            while (Accept("."))
            {
                if (Name() is not { } next) return null;
                parts.Add(next);
            }
            return parts;
        }

        /// <summary>Steps past the next top-level <paramref name="word"/>; false (at the end) when there is none.</summary>
        public bool SkipTo(string word)
        {
            var depth = 0;
            while (_at < tokens.Count)
            {
                if (depth == 0 && Peek(word)) { _at++; Previous = word; return true; }
                if (tokens[_at].Text == "(") depth++;
                else if (tokens[_at].Text == ")") depth--;
                _at++;
            }
            return false;
        }

        /// <summary>Inside <c>SET (a = 1, b)</c> or <c>RESET (a, b)</c>, after the parenthesis: the parameter names.</summary>
        public IEnumerable<string> ParameterNames()
        {
            var expectName = true;
            for (var depth = 0; _at < tokens.Count && depth >= 0; _at++)
            {
                var text = tokens[_at].Text;
                if (text == "(") depth++;
                else if (text == ")") depth--;
                else if (depth == 0 && text == ",") expectName = true;
                else if (depth == 0 && expectName && tokens[_at].Kind is TokenKind.Word or TokenKind.QuotedName)
                {
                    expectName = false;
                    yield return text.Trim('"');
                }
                else expectName = false;
            }
        }

        /// <summary>The (qualified) name of a table or index as written, for the server to resolve.</summary>
        public string? Relation() => QualifiedName() is { } parts ? string.Join(".", parts) : null;

        /// <summary>The rest of the statement split at its top-level commas: the actions of an ALTER TABLE.</summary>
        public IEnumerable<Head> Actions()
        {
            var action = new List<Token>();
            var depth = 0;
            for (; _at < tokens.Count; _at++)
            {
                var token = tokens[_at];
                if (token.Kind == TokenKind.Symbol && token.Text == ";") break;
                if (token.Kind == TokenKind.Symbol && token.Text == "(") depth++;
                else if (token.Kind == TokenKind.Symbol && token.Text == ")") depth--;
                if (depth == 0 && token.Kind == TokenKind.Symbol && token.Text == ",")
                {
                    yield return new Head(action);
                    action = [];
                    continue;
                }
                action.Add(token);
            }
            if (action.Count > 0) yield return new Head(action);
        }

        /// <summary>At <c>( c IS NOT NULL )</c> (parentheses as deep as written): the column c; else null, and nothing is consumed.</summary>
        public string? NotNullCheck()
        {
            var i = _at;
            var open = 0;
            while (i < tokens.Count && tokens[i].Text == "(") { open++; i++; }
            if (open == 0 || i + 3 >= tokens.Count || tokens[i].Kind is not (TokenKind.Word or TokenKind.QuotedName)) return null;
            var column = tokens[i].Text;
            if (!Is(i + 1, "IS") || !Is(i + 2, "NOT") || !Is(i + 3, "NULL")) return null;
            i += 4;
            for (var k = 0; k < open; k++, i++)
                if (i >= tokens.Count || tokens[i].Text != ")") return null;
            return column;
        }

        /// <summary>Whether a call of one of <paramref name="functions"/> follows: the name, then an opening parenthesis.</summary>
        public bool CallsAny(IReadOnlySet<string> functions)
        {
            for (var i = _at; i + 1 < tokens.Count; i++)
                if (tokens[i].Kind == TokenKind.Word && functions.Contains(tokens[i].Text) && tokens[i + 1].Text == "(") return true;
            return false;
        }

        private bool Is(int i, string word) =>
            i < tokens.Count && tokens[i].Kind == TokenKind.Word && tokens[i].Text.Equals(word, StringComparison.OrdinalIgnoreCase);

        public string? StringValue() =>
            _at < tokens.Count && tokens[_at].Kind == TokenKind.String ? tokens[_at++].Value : null;

        public void SkipParentheses()
        {
            var depth = 0;
            do
            {
                if (tokens[_at].Text == "(") depth++;
                else if (tokens[_at].Text == ")") depth--;
                _at++;
            } while (depth > 0 && _at < tokens.Count);
        }
    }
}
