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
}

/// <summary>
/// What a statement of a PostgreSQL revision is, as far as running it goes: read from its first words (comments and
/// quoting understood), since revision files are plain SQL that people write and edit. <see cref="Name"/> is the
/// index or type it names, as written (qualified by the table's schema for an index on a qualified table);
/// <see cref="Value"/> the enum label an ALTER TYPE adds.
/// </summary>
internal sealed record PostgresStatement(PostgresStatementKind Kind, string? Name = null, string? Value = null, string? Why = null)
{
    private static readonly PostgresStatement Plain = new(PostgresStatementKind.Other);

    /// <summary>
    /// The traits of each statement of a revision. ALTER TYPE ... ADD VALUE may run in a transaction, but the value
    /// cannot be used before that transaction commits: it runs alone only when a later statement of the revision
    /// uses the label.
    /// </summary>
    public static IReadOnlyList<Statement> Classify(IReadOnlyList<string> statements)
    {
        var result = new List<Statement>(statements.Count);
        for (var i = 0; i < statements.Count; i++)
        {
            var read = Read(statements[i]);
            var alone = read.Kind switch
            {
                PostgresStatementKind.Other => false,
                PostgresStatementKind.AddEnumValue => read.Value is { } label && statements.Skip(i + 1).Any(s => UsesLiteral(s, label)),
                _ => true,
            };
            result.Add(new Statement(statements[i], alone ? StatementTraits.Alone(read.Why!) : StatementTraits.InTransaction));
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
