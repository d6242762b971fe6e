using System.Text;
using SchemaTool.Apply;

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

    /// <summary>Words, quoted names, strings (plain, E'', dollar-quoted) and symbols; comments and whitespace skipped.</summary>
    private static List<Token> Lex(string sql, int limit)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < sql.Length && tokens.Count < limit)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '-' && At(sql, i + 1, '-'))
            {
                while (i < sql.Length && sql[i] != '\n') i++;
                continue;
            }
            if (c == '/' && At(sql, i + 1, '*'))
            {
                i = SkipBlockComment(sql, i);
                continue;
            }
            var start = i;
            if (c == '\'' || (c is 'E' or 'e' && At(sql, i + 1, '\'')))
            {
                var escapes = c != '\'';
                if (escapes) i++;
                var value = new StringBuilder();
                i++;
                while (i < sql.Length)
                {
                    if (escapes && sql[i] == '\\' && i + 1 < sql.Length) { value.Append(sql[i + 1]); i += 2; continue; }
                    if (sql[i] == '\'')
                    {
                        if (At(sql, i + 1, '\'')) { value.Append('\''); i += 2; continue; }
                        i++;
                        break;
                    }
                    value.Append(sql[i++]);
                }
                tokens.Add(new Token(TokenKind.String, sql[start..i], value.ToString()));
            }
            else if (c == '"')
            {
                var value = new StringBuilder();
                i++;
                while (i < sql.Length)
                {
                    if (sql[i] == '"')
                    {
                        if (At(sql, i + 1, '"')) { value.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    value.Append(sql[i++]);
                }
                tokens.Add(new Token(TokenKind.QuotedName, sql[start..i], value.ToString()));
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + tag.Length;
                var body = end < 0 ? sql[(start + tag.Length)..] : sql[(start + tag.Length)..end];
                tokens.Add(new Token(TokenKind.String, sql[start..i], body));
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
                tokens.Add(new Token(TokenKind.Word, sql[start..i], sql[start..i]));
            }
            else
            {
                i++;
                tokens.Add(new Token(TokenKind.Symbol, sql[start..i], sql[start..i]));
            }
        }
        return tokens;
    }

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static int SkipBlockComment(string s, int i)
    {
        var depth = 0;
        while (i < s.Length)
        {
            if (s[i] == '/' && At(s, i + 1, '*')) { depth++; i += 2; }
            else if (s[i] == '*' && At(s, i + 1, '/')) { depth--; i += 2; if (depth == 0) return i; }
            else i++;
        }
        return i;
    }

    /// <summary>$$ or $tag$ at <paramref name="i"/>, else null (a $1 parameter, or $ inside a word, is no tag).</summary>
    private static string? DollarTag(string s, int i)
    {
        var close = s.IndexOf('$', i + 1);
        if (close < 0) return null;
        var tag = s[i..(close + 1)];
        return tag.Length == 2 || (!char.IsDigit(tag[1]) && tag[1..^1].All(ch => char.IsLetterOrDigit(ch) || ch == '_')) ? tag : null;
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
