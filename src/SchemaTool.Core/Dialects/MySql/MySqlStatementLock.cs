namespace SchemaTool.Dialects.MySql;

/// <summary>
/// The ALGORITHM and LOCK an ALTER TABLE names (<c>ALGORITHM [=] INSTANT</c>, <c>LOCK [=] NONE</c>), read from its
/// top level: the server holds the statement to them, so they say what it does to other sessions.
/// </summary>
internal static class MySqlStatementLock
{
    public static (string? Algorithm, string? Lock) Read(string sql)
    {
        var tokens = StatementTokens.Read(sql);
        string? algorithm = null, lockMode = null;
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsPunctuation && token.Text == "(") depth++;
            else if (token.IsPunctuation && token.Text == ")") depth--;
            if (depth != 0 || token.Quoted || token.IsPunctuation) continue;
            var isAlgorithm = token.Text.Equals("ALGORITHM", StringComparison.OrdinalIgnoreCase);
            if (!isAlgorithm && !token.Text.Equals("LOCK", StringComparison.OrdinalIgnoreCase)) continue;
            var at = i + 1;
            if (at < tokens.Count && tokens[at] is { IsPunctuation: true, Text: "=" }) at++;
            if (at >= tokens.Count || tokens[at].Quoted || tokens[at].IsPunctuation) continue;
            var value = tokens[at].Text.ToUpperInvariant();
            if (isAlgorithm) algorithm = value;
            else lockMode = value;
        }
        return (algorithm, lockMode);
    }
}
