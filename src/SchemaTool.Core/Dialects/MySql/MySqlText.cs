namespace SchemaTool.Dialects.MySql;

/// <summary>Identifier quoting and string literals as MySQL and MariaDB read them.</summary>
public static class MySqlText
{
    public static string Quote(string identifier) => "`" + identifier.Replace("`", "``") + "`";

    /// <summary>
    /// A string literal. Backslashes are doubled as well as quotes: with the default sql_mode a backslash
    /// starts an escape, so <c>'a\b'</c> would lose it.
    /// </summary>
    public static string String(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "''") + "'";

    /// <summary>Reads back a literal printed by the server (<c>'it''s \\ x'</c>, MariaDB's COLUMN_DEFAULT form).</summary>
    public static string? Unquote(string literal)
    {
        if (literal.Length < 2 || literal[0] != '\'' || literal[^1] != '\'') return null;
        var text = new System.Text.StringBuilder();
        for (var i = 1; i < literal.Length - 1; i++)
        {
            var c = literal[i];
            if (c == '\'' )
            {
                if (literal[i + 1] != '\'' || i + 1 == literal.Length - 1) return null;
                text.Append('\'');
                i++;
            }
            else if (c == '\\' && i + 1 < literal.Length - 1)
            {
                i++;
                text.Append(literal[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', 'Z' => '\x1a', var other => other });
            }
            else text.Append(c);
        }
        return text.ToString();
    }
}
