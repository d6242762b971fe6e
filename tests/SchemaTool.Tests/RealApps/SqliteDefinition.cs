using System.Text;

namespace SchemaTool.Tests.RealApps;

/// <summary>
/// The parts of a CREATE TABLE or CREATE INDEX text that SQLite's pragmas do not report (checks, collations,
/// generated expressions, deferrable foreign keys, index expressions and WHERE clauses), as token lists normalized
/// so that spelling does not count: identifiers unquoted and lower-cased, keywords lower-cased, literals kept.
/// </summary>
public static class SqliteDefinition
{
    /// <summary>A column or table constraint of a CREATE TABLE: the top-level items between its parentheses.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> TableItems(string createTable)
    {
        var tokens = Tokens(createTable);
        var open = tokens.IndexOf("(");
        return open < 0 ? [] : Items(tokens, open);
    }

    /// <summary>The key parts of a CREATE INDEX (one per index column), and its WHERE clause or null.</summary>
    public static (IReadOnlyList<IReadOnlyList<string>> Parts, string? Where) Index(string createIndex)
    {
        var tokens = Tokens(createIndex);
        var on = tokens.IndexOf("on");
        var open = on < 0 ? -1 : tokens.IndexOf("(", on);
        if (open < 0) return ([], null);
        var parts = Items(tokens, open);
        var close = Close(tokens, open);
        var where = close + 1 < tokens.Count && tokens[close + 1] == "where" ? Join(tokens.Skip(close + 2)) : null;
        return (parts, where);
    }

    /// <summary>The tokens of the parenthesized group that follows <paramref name="keyword"/> in the item, or null.</summary>
    public static string? GroupAfter(IReadOnlyList<string> item, string keyword)
    {
        for (var i = 0; i + 1 < item.Count; i++)
            if (item[i] == keyword && item[i + 1] == "(")
                return Join(item.Skip(i + 2).Take(Close(item, i + 1) - i - 2));
        return null;
    }

    /// <summary>The clause from DEFERRABLE (or NOT DEFERRABLE) to its INITIALLY mode, or null.</summary>
    public static string? Deferrable(IReadOnlyList<string> item)
    {
        var at = IndexOf(item, "deferrable");
        if (at < 0) return null;
        var start = at > 0 && item[at - 1] == "not" ? at - 1 : at;
        var end = at + 1 < item.Count && item[at + 1] == "initially" ? Math.Min(at + 3, item.Count) : at + 1;
        return Join(item.Skip(start).Take(end - start));
    }

    public static string? WordAfter(IReadOnlyList<string> item, string keyword)
    {
        var at = IndexOf(item, keyword);
        return at >= 0 && at + 1 < item.Count ? item[at + 1] : null;
    }

    public static int IndexOf(IReadOnlyList<string> item, string token)
    {
        for (var i = 0; i < item.Count; i++) if (item[i] == token) return i;
        return -1;
    }

    public static string Join(IEnumerable<string> tokens) => string.Join(" ", tokens);

    private static List<IReadOnlyList<string>> Items(List<string> tokens, int open)
    {
        var items = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        var depth = 0;
        for (var i = open + 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t == "(") depth++;
            if (t == ")" && depth-- == 0) break;
            if (t == "," && depth == 0)
            {
                items.Add(current);
                current = [];
                continue;
            }
            current.Add(t);
        }
        if (current.Count > 0) items.Add(current);
        return items;
    }

    private static int Close(IReadOnlyList<string> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i] == "(") depth++;
            else if (tokens[i] == ")" && --depth == 0) return i;
        }
        return tokens.Count;
    }

    /// <summary>SQL text as tokens; comments dropped, quoted identifiers unquoted, everything but string literals lower-cased.</summary>
    public static List<string> Tokens(string sql)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var end = sql.IndexOf('\n', i);
                i = end < 0 ? sql.Length : end;
                continue;
            }
            if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
                continue;
            }
            if (c is '\'' or '"' or '`' or '[')
            {
                var close = c == '[' ? ']' : c;
                var text = new StringBuilder();
                var j = i + 1;
                while (j < sql.Length)
                {
                    if (sql[j] == close)
                    {
                        if (close != ']' && j + 1 < sql.Length && sql[j + 1] == close) { text.Append(close); j += 2; continue; }
                        break;
                    }
                    text.Append(sql[j++]);
                }
                tokens.Add(c == '\'' ? "'" + text.ToString().Replace("'", "''") + "'" : text.ToString().ToLowerInvariant());
                i = j + 1;
                continue;
            }
            if (char.IsLetterOrDigit(c) || c is '_' or '$' || c == '.' && i + 1 < sql.Length && char.IsDigit(sql[i + 1]))
            {
                var j = i;
                while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] is '_' or '$' || sql[j] == '.' && char.IsDigit(sql[i])))
                    j++;
                tokens.Add(sql[i..j].ToLowerInvariant());
                i = j;
                continue;
            }
            tokens.Add(c.ToString());
            i++;
        }
        return tokens;
    }
}
