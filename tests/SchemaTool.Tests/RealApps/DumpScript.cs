using System.Text;
using System.Text.RegularExpressions;

namespace SchemaTool.Tests.RealApps;

/// <summary>One statement of a dump or install script, with the line it starts on (for error messages).</summary>
public sealed record ScriptStatement(int Line, string Sql);

/// <summary>
/// Splits an application's schema script the way its database's own client would read it, so that the test does
/// not depend on schematool's splitter: quotes and comments of the dialect, PostgreSQL's dollar quotes, psql's
/// backslash commands, the mysql client's <c>DELIMITER</c>, and SQLite's <c>CREATE TRIGGER ... BEGIN ...; END</c>.
/// </summary>
public static partial class DumpScript
{
    public static IReadOnlyList<ScriptStatement> Split(string sql, string dialect)
    {
        var splitter = new Splitter(sql, dialect);
        return splitter.Run();
    }

    /// <summary>
    /// Statements about the database itself rather than its schema: the loader has already created and connected to
    /// the database the file is loaded into (Chinook drops and creates its own, Sakila's MySQL script its schema).
    /// </summary>
    public static bool IsEnvironment(string statement, string dialect) => dialect switch
    {
        "postgres" => PostgresDatabaseStatement().IsMatch(statement),
        "mysql" => MySqlDatabaseStatement().IsMatch(statement),
        _ => false,
    };

    [GeneratedRegex(@"^\s*(CREATE|DROP)\s+DATABASE\b", RegexOptions.IgnoreCase)]
    private static partial Regex PostgresDatabaseStatement();

    [GeneratedRegex(@"^\s*((CREATE|DROP)\s+(DATABASE|SCHEMA)\b|USE\s)", RegexOptions.IgnoreCase)]
    private static partial Regex MySqlDatabaseStatement();

    [GeneratedRegex(@"^\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqliteTrigger();

    [GeneratedRegex(@"\bEND\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EndsWithEnd();

    private sealed class Splitter(string sql, string dialect)
    {
        private readonly List<ScriptStatement> _statements = [];
        private readonly StringBuilder _current = new();
        private string _delimiter = ";";
        private int _pos;
        private int _line = 1;
        private int _startLine = 1;
        private bool _started;

        private bool MySql => dialect == "mysql";
        private bool Postgres => dialect == "postgres";
        private bool Sqlite => dialect == "sqlite";

        public IReadOnlyList<ScriptStatement> Run()
        {
            while (_pos < sql.Length)
            {
                if (AtStatementStart() && ClientCommand()) continue;
                if (sql.AsSpan(_pos).StartsWith(_delimiter, StringComparison.Ordinal) && StatementEndsHere())
                {
                    _pos += _delimiter.Length;
                    Flush();
                    continue;
                }
                var c = sql[_pos];
                if (c == '-' && Peek(1) == '-' || c == '#' && MySql) SkipLineComment();
                else if (c == '/' && Peek(1) == '*') BlockComment();
                else if (c == '\'') Quoted('\'', MySql || Postgres && EscapeString());
                else if (c == '"') Quoted('"', MySql);
                else if (c == '`' && (MySql || Sqlite)) Quoted('`', false);
                else if (c == '[' && Sqlite) Bracketed();
                else if (c == '$' && Postgres && DollarTag() is { } tag) DollarQuoted(tag);
                else Take(1);
            }
            Flush();
            return _statements;
        }

        private char Peek(int offset) => _pos + offset < sql.Length ? sql[_pos + offset] : '\0';

        private bool AtStatementStart() => !_started;

        /// <summary>psql's backslash commands and the mysql client's DELIMITER: lines the client runs itself.</summary>
        private bool ClientCommand()
        {
            var lineEnd = sql.IndexOf('\n', _pos);
            var line = (lineEnd < 0 ? sql[_pos..] : sql[_pos..lineEnd]).Trim();
            var isPsql = Postgres && line.StartsWith('\\');
            var isDelimiter = MySql && line.StartsWith("DELIMITER ", StringComparison.OrdinalIgnoreCase);
            if (!isPsql && !isDelimiter) return false;
            if (isDelimiter) _delimiter = line["DELIMITER ".Length..].Trim();
            _pos = lineEnd < 0 ? sql.Length : lineEnd;
            _current.Clear();
            _started = false;
            return true;
        }

        /// <summary>SQLite ends a CREATE TRIGGER at the semicolon after its END, not at the first one in its body.</summary>
        private bool StatementEndsHere()
        {
            if (!Sqlite) return true;
            var text = _current.ToString();
            return !SqliteTrigger().IsMatch(text) || EndsWithEnd().IsMatch(text);
        }

        private void Flush()
        {
            var text = _current.ToString().Trim();
            if (text.Length > 0) _statements.Add(new ScriptStatement(_startLine, text));
            _current.Clear();
            _started = false;
        }

        private void Take(int count)
        {
            for (var i = 0; i < count && _pos < sql.Length; i++, _pos++)
            {
                if (!_started && !char.IsWhiteSpace(sql[_pos]))
                {
                    _started = true;
                    _startLine = _line;
                }
                if (sql[_pos] == '\n') _line++;
                _current.Append(sql[_pos]);
            }
        }

        private void Skip(int count)
        {
            for (var i = 0; i < count && _pos < sql.Length; i++, _pos++)
                if (sql[_pos] == '\n') _line++;
        }

        private void SkipLineComment()
        {
            var end = sql.IndexOf('\n', _pos);
            Skip((end < 0 ? sql.Length : end) - _pos);
        }

        /// <summary>Comments are dropped, except MySQL's executable <c>/*! ... */</c> ones; PostgreSQL's nest.</summary>
        private void BlockComment()
        {
            var keep = MySql && Peek(2) == '!';
            var start = _pos;
            var depth = 0;
            var i = _pos;
            while (i < sql.Length)
            {
                if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*') { depth++; i += 2; if (!Postgres) depth = 1; continue; }
                if (sql[i] == '*' && i + 1 < sql.Length && sql[i + 1] == '/') { i += 2; if (--depth == 0) break; continue; }
                i++;
            }
            if (keep) Take(i - start);
            else
            {
                Skip(i - start);
                if (!AtStatementStart()) _current.Append(' ');
            }
        }

        private bool EscapeString() => _pos > 0 && sql[_pos - 1] is 'E' or 'e' && (_pos < 2 || !IsIdentifierChar(sql[_pos - 2]));

        private void Quoted(char quote, bool backslashEscapes)
        {
            var i = _pos + 1;
            while (i < sql.Length)
            {
                if (backslashEscapes && sql[i] == '\\') { i += 2; continue; }
                if (sql[i] == quote)
                {
                    if (i + 1 < sql.Length && sql[i + 1] == quote) { i += 2; continue; }
                    i++;
                    break;
                }
                i++;
            }
            Take(i - _pos);
        }

        private void Bracketed()
        {
            var end = sql.IndexOf(']', _pos);
            Take((end < 0 ? sql.Length : end + 1) - _pos);
        }

        /// <summary>A dollar-quote opener (<c>$$</c>, <c>$_$</c>, <c>$body$</c>), not a parameter such as <c>$1</c>.</summary>
        private string? DollarTag()
        {
            if (_pos > 0 && IsIdentifierChar(sql[_pos - 1])) return null;
            var i = _pos + 1;
            while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_')) i++;
            if (i >= sql.Length || sql[i] != '$') return null;
            var tag = sql[_pos..(i + 1)];
            return tag.Length > 2 && char.IsDigit(tag[1]) ? null : tag;
        }

        private void DollarQuoted(string tag)
        {
            var end = sql.IndexOf(tag, _pos + tag.Length, StringComparison.Ordinal);
            Take((end < 0 ? sql.Length : end + tag.Length) - _pos);
        }

        private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
    }
}
