namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// Removes the parentheses that change nothing, so that the catalog's <c>((a &gt; 0) AND (b &gt; 0))</c> and a
/// model's <c>a &gt; 0 AND b &gt; 0</c> read the same. Only groups whose removal cannot change precedence go:
/// a single atom, or a group with no AND/OR at its top level standing between AND/OR/commas/brackets, or a group
/// filling a whole bracket or the whole expression.
/// </summary>
internal static class ExpressionParentheses
{
    private static readonly HashSet<string> CallKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ANY", "ALL", "SOME", "IN", "ARRAY", "EXISTS", "CAST", "COLLATE", "INTERVAL",
    };

    public static int MatchingClose(IReadOnlyList<ExpressionToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Text is "(" or "[") depth++;
            else if (tokens[i].Text is ")" or "]" && --depth == 0) return i;
        }
        return tokens.Count - 1;
    }

    public static void RemoveRedundant(List<ExpressionToken> tokens)
    {
        bool changed;
        do
        {
            changed = false;
            for (var open = 0; open < tokens.Count; open++)
            {
                if (tokens[open].Text != "(" || IsCall(tokens, open)) continue;
                var close = MatchingClose(tokens, open);
                if (close <= open + 1 || tokens[close].Text != ")") continue;
                if (!CanRemove(tokens, open, close)) continue;
                tokens.RemoveAt(close);
                tokens.RemoveAt(open);
                changed = true;
                break;
            }
        } while (changed);
    }

    private static bool IsCall(List<ExpressionToken> tokens, int open)
    {
        if (open == 0) return false;
        var before = tokens[open - 1];
        if (before.Kind == TokenKind.QuotedName) return true;
        if (before.Kind != TokenKind.Word) return false;
        return CallKeywords.Contains(before.Text) || !SqlTokenizer.Keywords.Contains(before.Text);
    }

    private static bool CanRemove(List<ExpressionToken> tokens, int open, int close)
    {
        var inner = tokens.GetRange(open + 1, close - open - 1);
        var left = open == 0 ? null : tokens[open - 1];
        var right = close == tokens.Count - 1 ? null : tokens[close + 1];
        if (HasTopLevel(inner, ",")) return false; // a row constructor (a, b)
        if (IsAtom(inner)) return right?.Text is not "[";

        var wholeBracket = (left is null || left.Text is "(" or ",") && (right is null || right.Text is ")" or ",");
        if (wholeBracket) return true;
        if (HasTopLevel(inner, "OR")) return false;
        var hasAnd = HasTopLevel(inner, "AND");
        var leftOk = left is null || left.Text is "(" or "," || left.Is("AND") || left.Is("OR")
                     || left.Is("WHEN") || left.Is("THEN") || left.Is("ELSE") || left.Is("NOT") && !hasAnd;
        var rightOk = right is null || right.Text is ")" or "," || right.Is("AND") || right.Is("OR")
                      || right.Is("THEN") || right.Is("ELSE") || right.Is("END");
        return leftOk && rightOk;
    }

    private static bool IsAtom(List<ExpressionToken> inner)
    {
        // x::type binds tighter than any operator: ('now'::text) is as much an atom as 'now'.
        var cast = inner.FindIndex(t => t.Text == "::");
        if (cast > 0 && inner.Skip(cast).All(t => t.Text == "::" || t.Kind is TokenKind.Word or TokenKind.QuotedName or TokenKind.Number || t.Text is "(" or ")" or "[" or "]" or ","))
            return IsAtom(inner.GetRange(0, cast));
        if (inner.Count == 1) return inner[0].Kind != TokenKind.Symbol;
        // name(args) or name.name: a call or a qualified name is an atom too.
        if (inner.Count >= 3 && inner[0].Kind is TokenKind.Word or TokenKind.QuotedName && !SqlTokenizer.Keywords.Contains(inner[0].Text)
            && inner[1].Text == "(" && MatchingClose(inner, 1) == inner.Count - 1)
            return true;
        if (inner.Count >= 3 && inner[0].Is("ARRAY") && inner[1].Text == "[" && MatchingClose(inner, 1) == inner.Count - 1)
            return true;
        return inner.Count == 3 && inner[1].Text == "." && inner[0].Kind != TokenKind.Symbol && inner[2].Kind != TokenKind.Symbol;
    }

    private static bool HasTopLevel(List<ExpressionToken> inner, string keyword)
    {
        var depth = 0;
        foreach (var t in inner)
        {
            if (t.Text is "(" or "[") depth++;
            else if (t.Text is ")" or "]") depth--;
            else if (depth == 0 && (t.Is(keyword) || keyword == "AND" && t.Is("BETWEEN") || t.Is("CASE"))) return true;
        }
        return false;
    }
}
