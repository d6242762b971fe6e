using System.Text;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// One canonical text for a SQL expression (checks, generated columns, default expressions), applied to the
/// model's text and to the catalog's alike. The server re-prints what it stores: MariaDB turns
/// <c>CHECK (A > 0 AND b IN ('x', 'y'))</c> into <c>`a` > 0 and `b` in ('x','y')</c> and <c>lower(b)</c> into
/// <c>lcase(`b`)</c>; MySQL 8 wraps the clause in parentheses and adds charset introducers (<c>_utf8mb4'x'</c>).
/// Both sides are tokenized and printed again the same way, so only a real change compares unequal.
/// </summary>
public static class MySqlExpressions
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "not", "xor", "in", "is", "null", "between", "like", "regexp", "rlike", "case", "when", "then",
        "else", "end", "true", "false", "div", "mod", "escape", "interval", "exists", "binary", "collate", "distinct",
    };

    /// <summary>Words that must stay quoted as identifiers.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "order", "group", "key", "keys", "index", "table", "select", "from", "where", "desc", "asc", "default",
        "check", "column", "constraint", "primary", "references", "range", "rank", "int", "read", "status",
    };

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lcase"] = "lower", ["ucase"] = "upper", ["!="] = "<>", ["&&"] = "and", ["||"] = "or",
        ["now"] = "current_timestamp", ["localtime"] = "current_timestamp", ["localtimestamp"] = "current_timestamp",
        ["substr"] = "substring", ["character_length"] = "char_length",
    };

    public static string Canonical(string expression)
    {
        var tokens = Tokenize(expression);
        StripWrappingParens(tokens);
        var text = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i > 0 && NeedsSpace(tokens[i - 1], token)) text.Append(' ');
            text.Append(token);
        }
        return text.ToString();
    }

    private static bool NeedsSpace(string previous, string next)
    {
        if (previous == "(" || next == ")" || next == "," || previous == ".") return false;
        if (next == ".") return false;
        if (next == "(") return IsWord(previous) && Keywords.Contains(previous) || !IsWord(previous) && previous != "(";
        return true;
    }

    private static bool IsWord(string token) => token.Length > 0 && (char.IsLetterOrDigit(token[0]) || token[0] is '_' or '`');

    private static List<string> Tokenize(string expression)
    {
        var tokens = new List<string>();
        var s = expression;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '_' && TryIntroducer(s, i, out var afterIntroducer)) { i = afterIntroducer; continue; }
            if (c is '\'' or '"')
            {
                var end = EndOfQuote(s, i, c);
                var inner = s[(i + 1)..(end - 1)];
                if (c == '"') inner = inner.Replace("\"\"", "\"").Replace("'", "''");
                var literal = MySqlText.Unquote("'" + inner + "'");
                tokens.Add(literal is null ? s[i..end] : MySqlText.String(literal));
                i = end;
                continue;
            }
            if (c == '`')
            {
                var end = EndOfQuote(s, i, '`');
                tokens.Add(Identifier(s[(i + 1)..(end - 1)].Replace("``", "`")));
                i = end;
                continue;
            }
            if (char.IsLetterOrDigit(c) || c is '_' or '$')
            {
                var start = i;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '$' || s[i] == '.' && char.IsDigit(s[start]))) i++;
                var word = s[start..i];
                tokens.Add(char.IsDigit(word[0]) ? word : Word(word, NextNonSpace(s, i) == '('));
                continue;
            }
            var two = i + 1 < s.Length ? s.Substring(i, 2) : "";
            if (two is "<>" or "!=" or "<=" or ">=" or "&&" or "||" or "<<" or ">>" or ":=")
            {
                tokens.Add(Synonyms.GetValueOrDefault(two, two));
                i += 2;
                continue;
            }
            tokens.Add(c.ToString());
            i++;
        }
        return tokens;
    }

    private static string Word(string word, bool isCall)
    {
        var lower = word.ToLowerInvariant();
        if (Synonyms.TryGetValue(lower, out var synonym) && (isCall || lower is "localtime" or "localtimestamp")) return synonym;
        if (isCall || Keywords.Contains(lower)) return lower;
        return Identifier(word);
    }

    private static string Identifier(string name)
    {
        var lower = name.ToLowerInvariant();
        var plain = lower.Length > 0 && !char.IsDigit(lower[0]) && lower.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '$');
        return plain && !Reserved.Contains(lower) && !Keywords.Contains(lower) ? lower : MySqlText.Quote(lower);
    }

    /// <summary>MySQL 8 prints string literals with their charset: <c>_utf8mb4'x'</c>.</summary>
    private static bool TryIntroducer(string s, int i, out int next)
    {
        var j = i + 1;
        while (j < s.Length && char.IsLetterOrDigit(s[j])) j++;
        next = j;
        return j > i + 1 && j < s.Length && s[j] == '\'' && (i == 0 || !char.IsLetterOrDigit(s[i - 1]));
    }

    private static char NextNonSpace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i < s.Length ? s[i] : '\0';
    }

    private static int EndOfQuote(string s, int i, char quote)
    {
        var j = i + 1;
        while (j < s.Length)
        {
            if (s[j] == '\\' && quote != '`') j++;
            else if (s[j] == quote)
            {
                if (j + 1 < s.Length && s[j + 1] == quote) j++;
                else return j + 1;
            }
            j++;
        }
        return s.Length;
    }

    private static void StripWrappingParens(List<string> tokens)
    {
        while (tokens.Count >= 2 && tokens[0] == "(" && tokens[^1] == ")" && ClosesAtEnd(tokens))
        {
            tokens.RemoveAt(tokens.Count - 1);
            tokens.RemoveAt(0);
        }
    }

    private static bool ClosesAtEnd(List<string> tokens)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == "(") depth++;
            else if (tokens[i] == ")" && --depth == 0) return i == tokens.Count - 1;
        }
        return false;
    }
}
