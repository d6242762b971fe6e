using System.Text;
using SchemaTool.Dialects.Lexing;

namespace SchemaTool.Dialects.Postgres;

internal enum TokenKind
{
    Word,
    QuotedName,
    String,
    Number,
    Symbol,
}

internal sealed record ExpressionToken(TokenKind Kind, string Text)
{
    public bool Is(string text) => Kind is TokenKind.Word or TokenKind.Symbol && string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A PostgreSQL expression as words, quoted names, string constants, numbers and operators, read by <see cref="PostgresLexer"/>.</summary>
internal static class SqlTokenizer
{
    /// <summary>The expression's tokens; comments are left out (the catalog keeps none).</summary>
    public static List<ExpressionToken> Tokenize(string sql)
    {
        var tokens = new List<ExpressionToken>();
        foreach (var token in PostgresLexer.Instance.Tokens(sql))
        {
            var kind = token.Kind switch
            {
                SqlTokenKind.Word => TokenKind.Word,
                SqlTokenKind.QuotedIdentifier => TokenKind.QuotedName,
                SqlTokenKind.String => TokenKind.String,
                SqlTokenKind.Number => TokenKind.Number,
                SqlTokenKind.Comment => (TokenKind?)null,
                _ => TokenKind.Symbol,
            };
            if (kind is { } k) tokens.Add(new ExpressionToken(k, token.Text));
        }
        return tokens;
    }

    /// <summary>Joins tokens with one fixed spacing: none inside brackets and around ::, one space elsewhere.</summary>
    public static string Join(IReadOnlyList<ExpressionToken> tokens)
    {
        var text = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (i > 0 && NeedsSpace(tokens[i - 1], t)) text.Append(' ');
            text.Append(t.Text);
        }
        return text.ToString();
    }

    private static bool NeedsSpace(ExpressionToken before, ExpressionToken token)
    {
        if (before.Text is "(" or "[" or "::" or ".") return false;
        if (token.Text is ")" or "]" or "," or "::" or "." or "[") return false;
        if (token.Text == "(") return before.Kind == TokenKind.Symbol || Keywords.Contains(before.Text);
        return true;
    }

    /// <summary>Words PostgreSQL prints in upper case; every other unquoted word is folded to lower case.</summary>
    public static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "IN", "IS", "NULL", "ANY", "ALL", "SOME", "ARRAY", "LIKE", "ILIKE", "SIMILAR", "TO",
        "BETWEEN", "SYMMETRIC", "CASE", "WHEN", "THEN", "ELSE", "END", "DISTINCT", "FROM", "COLLATE", "CAST", "AS",
        "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "CURRENT_USER",
        "SESSION_USER", "CURRENT_ROLE", "USER", "CURRENT_SCHEMA", "CURRENT_CATALOG", "INTERVAL", "ESCAPE", "OVERLAPS",
    };

    /// <summary>
    /// Words PostgreSQL's quote_ident keeps in double quotes as names (reserved, type/function and column-name
    /// keywords): a column called "order" or "time" reads back quoted, so its quotes must stay.
    /// </summary>
    public static readonly HashSet<string> QuotedKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between", "bigint",
        "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce", "collate", "collation",
        "column", "concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
        "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable",
        "desc", "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
        "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner",
        "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading", "least",
        "left", "like", "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not",
        "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
        "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row", "select",
        "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric", "table", "tablesample", "then",
        "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values",
        "varchar", "variadic", "verbose", "when", "where", "window", "with",
    };
}
