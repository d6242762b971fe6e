using System.Text.RegularExpressions;

namespace SchemaTool.Diff;

/// <summary>
/// The names an SQL expression may use, found without a parser: words called as functions (`f(`), and the text of
/// string literals (a PostgreSQL default names its sequence so: nextval('invoice_no')). They only order
/// operations: a name that no operation provides orders nothing, so finding too many costs nothing.
/// </summary>
internal static partial class ExpressionNames
{
    public static IEnumerable<string> Functions(string? sql)
    {
        if (string.IsNullOrEmpty(sql)) yield break;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\'') { i = SkipQuoted(sql, i, '\''); continue; }
            if (!char.IsLetter(c) && c != '_') { i++; continue; }
            var start = i;
            while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
            var end = i;
            while (i < sql.Length && char.IsWhiteSpace(sql[i])) i++;
            if (i < sql.Length && sql[i] == '(') yield return sql[start..end];
        }
    }

    /// <summary>
    /// The sequences a MariaDB expression takes from: the name in <c>nextval(s)</c>, <c>lastval(s)</c>,
    /// <c>setval(s, ...)</c> and after <c>NEXT VALUE FOR</c> / <c>PREVIOUS VALUE FOR</c>, without quotes or a database.
    /// </summary>
    public static IEnumerable<string> SequenceNames(string? sql)
    {
        if (string.IsNullOrEmpty(sql)) yield break;
        foreach (Match m in SequenceCall().Matches(sql)) yield return m.Groups["name"].Value.Trim('`');
    }

    [GeneratedRegex(
        @"(?:\b(?:nextval|lastval|setval)\s*\(\s*|\b(?:next|previous)\s+value\s+for\s+)(?:(?:`[^`]*`|\w+)\s*\.\s*)?(?<name>`[^`]*`|\w+)",
        RegexOptions.IgnoreCase)]
    private static partial Regex SequenceCall();

    /// <summary>
    /// The words and double-quoted names of an expression outside its string literals, a word folded to lower case
    /// as an unquoted name is: the names of the columns it may read, and more.
    /// </summary>
    public static IEnumerable<string> Identifiers(string? sql)
    {
        if (string.IsNullOrEmpty(sql)) yield break;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '\'') { i = SkipQuoted(sql, i, '\''); continue; }
            if (c == '"')
            {
                var end = SkipQuoted(sql, i, '"');
                yield return sql[(i + 1)..Math.Max(i + 1, end - 1)].Replace("\"\"", "\"");
                i = end;
                continue;
            }
            if (!char.IsLetter(c) && c != '_') { i++; continue; }
            var start = i;
            while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$')) i++;
            yield return sql[start..i].ToLowerInvariant();
        }
    }

    public static IEnumerable<string> StringLiterals(string? sql)
    {
        if (string.IsNullOrEmpty(sql)) yield break;
        var i = 0;
        while (i < sql.Length)
        {
            if (sql[i] != '\'') { i++; continue; }
            var end = SkipQuoted(sql, i, '\'');
            yield return sql[(i + 1)..Math.Max(i + 1, end - 1)].Replace("''", "'");
            i = end;
        }
    }

    private static int SkipQuoted(string sql, int i, char quote)
    {
        var j = i + 1;
        while (j < sql.Length)
        {
            if (sql[j] == quote)
            {
                if (j + 1 < sql.Length && sql[j + 1] == quote) { j += 2; continue; }
                return j + 1;
            }
            j++;
        }
        return sql.Length;
    }
}
