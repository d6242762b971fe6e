using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// What SQLite's pragmas do not report, read from the CREATE statements it keeps verbatim: check
/// constraints, constraint names, AUTOINCREMENT, collations, generated columns, index expressions and predicates.
/// </summary>
internal static class SqliteDdlParser
{
    /// <param name="DeclaredType">The type as written in the CREATE TABLE (pragma_table_info spells INT for `int`); null when quoted.</param>
    public sealed record ParsedColumn(string Name, bool AutoIncrement, string? Collation, GeneratedColumn? Generated, string? DeclaredType = null);
    public sealed record ParsedForeignKey(string? Name, List<string> Columns, string Table, Deferrability Deferrable);
    public sealed record ParsedUnique(string? Name, List<string> Columns);
    public sealed record ParsedTable(List<ParsedColumn> Columns, List<Check> Checks, List<ParsedForeignKey> ForeignKeys, List<ParsedUnique> Uniques);
    public sealed record ParsedIndex(List<string?> Expressions, string? Where);

    public static ParsedTable ParseTable(string tableName, string sql)
    {
        var result = new ParsedTable([], [], [], []);
        var tokens = SqliteTokenizer.Tokenize(sql);
        var open = tokens.FindIndex(t => t.IsSymbol('('));
        if (open < 0) return result;
        var checkNumber = 0;
        foreach (var def in SplitTopLevel(tokens, open + 1))
        {
            if (def.Count == 0) continue;
            string? constraintName = null;
            var k = 0;
            if (def[0].Is("CONSTRAINT") && def.Count > 1)
            {
                constraintName = def[1].Name;
                k = 2;
            }
            if (k < def.Count && (def[k].Is("PRIMARY") || def[k].Is("UNIQUE") || def[k].Is("CHECK") || def[k].Is("FOREIGN")))
            {
                ReadTableConstraint(def, k, constraintName, sql, tableName, result, ref checkNumber);
                continue;
            }
            ReadColumn(def, sql, tableName, result, ref checkNumber);
        }
        return result;
    }

    private static void ReadTableConstraint(List<Token> def, int k, string? name, string sql, string table, ParsedTable result, ref int checkNumber)
    {
        if (def[k].Is("CHECK"))
            result.Checks.Add(new Check(name ?? UnnamedCheck(table, ++checkNumber), Parenthesized(def, k + 1, sql, out _)));
        else if (def[k].Is("UNIQUE"))
            result.Uniques.Add(new ParsedUnique(name, NameList(def, k + 1, out _)));
        else if (def[k].Is("FOREIGN"))
        {
            var columns = NameList(def, k + 2, out var next);
            if (next < def.Count && def[next].Is("REFERENCES") && next + 1 < def.Count)
                result.ForeignKeys.Add(new ParsedForeignKey(name, columns, def[next + 1].Name, ReadDeferrable(def, next + 2)));
        }
    }

    private static void ReadColumn(List<Token> def, string sql, string table, ParsedTable result, ref int checkNumber)
    {
        var name = def[0].Name;
        bool autoIncrement = false;
        string? collation = null;
        GeneratedColumn? generated = null;
        string? pendingName = null;
        for (var i = 1; i < def.Count; i++)
        {
            var t = def[i];
            if (t.Is("CONSTRAINT") && i + 1 < def.Count) { pendingName = def[++i].Name; continue; }
            if (t.Is("AUTOINCREMENT")) autoIncrement = true;
            else if (t.Is("COLLATE") && i + 1 < def.Count) collation = def[++i].Name;
            else if (t.Is("CHECK"))
            {
                result.Checks.Add(new Check(pendingName ?? UnnamedCheck(table, ++checkNumber), Parenthesized(def, i + 1, sql, out var end)));
                i = end - 1;
            }
            else if (t.Is("AS") && i + 1 < def.Count && def[i + 1].IsSymbol('('))
            {
                var expression = Parenthesized(def, i + 1, sql, out var end);
                var stored = end < def.Count && def[end].Is("STORED");
                generated = new GeneratedColumn(expression, stored);
                i = end - 1;
            }
            else if (t.Is("REFERENCES") && i + 1 < def.Count)
                result.ForeignKeys.Add(new ParsedForeignKey(pendingName, [name], def[i + 1].Name, ReadDeferrable(def, i + 2)));
            else if (t.Is("UNIQUE"))
                result.Uniques.Add(new ParsedUnique(pendingName, [name]));
            if (!t.Is("CONSTRAINT") && (t.Is("CHECK") || t.Is("REFERENCES") || t.Is("UNIQUE") || t.Is("PRIMARY") || t.Is("NOT") || t.Is("DEFAULT") || t.Is("COLLATE") || t.Is("GENERATED") || t.Is("AS")))
                pendingName = null;
        }
        result.Columns.Add(new ParsedColumn(name, autoIncrement, collation, generated, DeclaredType(def, sql)));
    }

    private static readonly string[] ColumnConstraintWords =
        ["CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"];

    /// <summary>The source text of a column's type: the tokens after its name up to its first constraint.</summary>
    private static string? DeclaredType(List<Token> def, string sql)
    {
        var end = 1;
        var depth = 0;
        while (end < def.Count)
        {
            var t = def[end];
            if (t.IsSymbol('(')) depth++;
            else if (t.IsSymbol(')')) depth--;
            else if (depth == 0 && ColumnConstraintWords.Any(t.Is)) break;
            end++;
        }
        if (end == 1) return "";
        var type = def.GetRange(1, end - 1);
        return type.Any(t => t.Kind == TokenKind.Quoted) ? null : sql[type[0].Start..type[^1].End];
    }

    /// <summary>What follows the column list of a CREATE TABLE (WITHOUT ROWID, STRICT), or null.</summary>
    public static string? TableOptions(string sql)
    {
        var tokens = SqliteTokenizer.Tokenize(sql);
        var open = tokens.FindIndex(t => t.IsSymbol('('));
        if (open < 0) return null;
        SplitTopLevel(tokens, open + 1, out var close);
        if (close + 1 >= tokens.Count) return null;
        var options = sql[tokens[close + 1].Start..tokens[^1].End].Trim().TrimEnd(';').Trim();
        return options.Length == 0 ? null : options;
    }

    public static ParsedIndex ParseIndex(string sql)
    {
        var tokens = SqliteTokenizer.Tokenize(sql);
        var open = tokens.FindIndex(t => t.IsSymbol('('));
        var expressions = new List<string?>();
        if (open < 0) return new ParsedIndex(expressions, null);
        var parts = SplitTopLevel(tokens, open + 1, out var close);
        foreach (var part in parts)
        {
            var end = part.FindIndex(t => t.Is("COLLATE") || t.Is("ASC") || t.Is("DESC"));
            var body = end < 0 ? part : part.GetRange(0, end);
            var isColumn = body.Count == 1 && body[0].Kind is TokenKind.Word or TokenKind.Quoted;
            expressions.Add(isColumn || body.Count == 0 ? null : Unwrapped(body, sql));
        }
        string? where = null;
        var whereAt = tokens.FindIndex(close, t => t.Is("WHERE"));
        if (whereAt >= 0 && whereAt + 1 < tokens.Count) where = sql[tokens[whereAt + 1].Start..tokens[^1].End].Trim().TrimEnd(';').Trim();
        return new ParsedIndex(expressions, where);
    }

    public static string UnnamedCheck(string table, int number) => $"{table}_check{number}";

    private static Deferrability ReadDeferrable(List<Token> def, int from)
    {
        for (var i = from; i < def.Count; i++)
        {
            if (def[i].Is("NOT") && i + 1 < def.Count && def[i + 1].Is("DEFERRABLE")) return Deferrability.NotDeferrable;
            if (!def[i].Is("DEFERRABLE")) continue;
            return i + 2 < def.Count && def[i + 1].Is("INITIALLY") && def[i + 2].Is("DEFERRED")
                ? Deferrability.InitiallyDeferred : Deferrability.InitiallyImmediate;
        }
        return Deferrability.NotDeferrable;
    }

    /// <summary>The text between the parenthesis at <paramref name="open"/> and its match.</summary>
    private static string Parenthesized(List<Token> def, int open, string sql, out int after)
    {
        after = open;
        if (open >= def.Count || !def[open].IsSymbol('(')) return "";
        var depth = 0;
        for (var i = open; i < def.Count; i++)
        {
            if (def[i].IsSymbol('(')) depth++;
            else if (def[i].IsSymbol(')') && --depth == 0)
            {
                after = i + 1;
                return i == open + 1 ? "" : sql[def[open + 1].Start..def[i - 1].End].Trim();
            }
        }
        after = def.Count;
        return sql[def[open].End..def[^1].End].Trim();
    }

    private static List<string> NameList(List<Token> def, int open, out int after)
    {
        var names = new List<string>();
        after = open;
        if (open >= def.Count || !def[open].IsSymbol('(')) return names;
        var i = open + 1;
        var depth = 0;
        var first = true;
        for (; i < def.Count; i++)
        {
            if (def[i].IsSymbol('(')) depth++;
            else if (def[i].IsSymbol(')')) { if (depth-- == 0) break; }
            else if (def[i].IsSymbol(',') && depth == 0) first = true;
            else if (first && depth == 0) { names.Add(def[i].Name); first = false; }
        }
        after = i + 1;
        return names;
    }

    private static List<List<Token>> SplitTopLevel(List<Token> tokens, int from) => SplitTopLevel(tokens, from, out _);

    private static List<List<Token>> SplitTopLevel(List<Token> tokens, int from, out int close)
    {
        var parts = new List<List<Token>> { new() };
        var depth = 0;
        close = tokens.Count;
        for (var i = from; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.IsSymbol('(')) depth++;
            else if (t.IsSymbol(')'))
            {
                if (depth-- == 0) { close = i; break; }
            }
            else if (t.IsSymbol(',') && depth == 0)
            {
                parts.Add([]);
                continue;
            }
            parts[^1].Add(t);
        }
        return parts;
    }

    /// <summary>An index part's text, without the parentheses around it when they match: ((a) + (b)) but not (a) + (b).</summary>
    private static string Unwrapped(List<Token> body, string sql)
    {
        if (body.Count > 2 && body[0].IsSymbol('(') && body[^1].IsSymbol(')'))
        {
            Parenthesized(body, 0, sql, out var after);
            if (after == body.Count) return sql[body[1].Start..body[^2].End].Trim();
        }
        return sql[body[0].Start..body[^1].End].Trim();
    }
}
