using System.Text;

namespace SchemaTool.Dialects;

/// <summary>
/// Splits a SQL script into statements at top-level semicolons, skipping over quotes, comments, PostgreSQL
/// dollar quotes, trigger bodies and MariaDB's anonymous blocks (BEGIN [NOT ATOMIC] ... END, with the IF, LOOP, WHILE
/// and REPEAT blocks that start a statement inside them). Leading comment lines of a statement are dropped.
/// </summary>
public sealed class SqlScriptSplitter(bool dollarQuotes = false, bool backticks = false, bool hashComments = false, bool backslashEscapes = false)
{
    public IReadOnlyList<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        var blockDepth = 0;
        var i = 0;
        var word = new StringBuilder();
        var previous = "";
        var afterSemicolon = false;

        void EndWord()
        {
            if (word.Length == 0) return;
            var w = word.ToString().ToUpperInvariant();
            word.Clear();
            var startsStatement = afterSemicolon || previous is "BEGIN" or "ATOMIC" or "THEN" or "ELSE" or "DO" or "LOOP" or "REPEAT";
            if (w is "BEGIN" && (IsTriggerOrRoutine(current.ToString()) || IsAnonymousBlock(script, i, current.ToString()))) blockDepth++;
            else if (w is "CASE" && blockDepth > 0) blockDepth++;
            else if (w is "IF" or "LOOP" or "WHILE" or "REPEAT" && blockDepth > 0 && previous != "END" && startsStatement) blockDepth++;
            else if (w is "END" && blockDepth > 0) blockDepth--;
            previous = w;
            afterSemicolon = false;
        }

        while (i < script.Length)
        {
            var c = script[i];
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                word.Append(c);
                current.Append(c);
                i++;
                continue;
            }
            EndWord();
            var end = SkipQuotedOrComment(script, i);
            if (end > i)
            {
                current.Append(script, i, end - i);
                i = end;
                continue;
            }
            if (c == ';' && blockDepth == 0)
            {
                Add(statements, current);
                previous = "";
                i++;
                continue;
            }
            if (c == ';') afterSemicolon = true;
            current.Append(c);
            i++;
        }
        EndWord();
        Add(statements, current);
        return statements;
    }

    private static bool IsTriggerOrRoutine(string text)
    {
        var head = StripLeadingComments(text).TrimStart().ToUpperInvariant();
        return head.StartsWith("CREATE", StringComparison.Ordinal)
               && (head.Contains(" TRIGGER ", StringComparison.Ordinal) || head.Contains(" PROCEDURE ", StringComparison.Ordinal));
    }

    /// <summary>MariaDB's <c>BEGIN NOT ATOMIC</c> at the start of a statement (a bare BEGIN starts a transaction).</summary>
    private static bool IsAnonymousBlock(string script, int after, string statementSoFar)
    {
        if (!StripLeadingComments(statementSoFar).Trim().Equals("BEGIN", StringComparison.OrdinalIgnoreCase)) return false;
        var rest = script.AsSpan(after).TrimStart();
        if (!rest.StartsWith("NOT", StringComparison.OrdinalIgnoreCase)) return false;
        rest = rest[3..].TrimStart();
        return rest.StartsWith("ATOMIC", StringComparison.OrdinalIgnoreCase) && (rest.Length == 6 || !char.IsLetterOrDigit(rest[6]));
    }

    private int SkipQuotedOrComment(string s, int i)
    {
        var c = s[i];
        if (c == '-' && i + 1 < s.Length && s[i + 1] == '-' || hashComments && c == '#')
        {
            var nl = s.IndexOf('\n', i);
            return nl < 0 ? s.Length : nl;
        }
        if (c == '/' && i + 1 < s.Length && s[i + 1] == '*')
        {
            var close = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
            return close < 0 ? s.Length : close + 2;
        }
        if (c == '\'' || c == '"' || backticks && c == '`')
            return SkipQuote(s, i, c, backslashEscapes);
        if (dollarQuotes && c == '$')
        {
            var close = s.IndexOf('$', i + 1);
            if (close > i)
            {
                var tag = s[i..(close + 1)];
                if (tag.Length == 2 || tag[1..^1].All(ch => char.IsLetterOrDigit(ch) || ch == '_') && !char.IsDigit(tag[1]))
                {
                    var endTag = s.IndexOf(tag, close + 1, StringComparison.Ordinal);
                    return endTag < 0 ? s.Length : endTag + tag.Length;
                }
            }
        }
        return i;
    }

    private static int SkipQuote(string s, int i, char quote, bool backslashEscapes)
    {
        var j = i + 1;
        while (j < s.Length)
        {
            if (s[j] == '\\' && quote != '`' && backslashEscapes) j++;
            else if (s[j] == quote)
            {
                if (j + 1 < s.Length && s[j + 1] == quote) j++;
                else return j + 1;
            }
            j++;
        }
        return s.Length;
    }

    private static void Add(List<string> statements, StringBuilder current)
    {
        var text = StripLeadingComments(current.ToString()).Trim();
        current.Clear();
        if (text.Length > 0) statements.Add(text);
    }

    private static string StripLeadingComments(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var start = 0;
        while (start < lines.Length && (lines[start].TrimStart().StartsWith("--", StringComparison.Ordinal) || lines[start].Trim().Length == 0))
            start++;
        return string.Join("\n", lines[start..]);
    }
}
