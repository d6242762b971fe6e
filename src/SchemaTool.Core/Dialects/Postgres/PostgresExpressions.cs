namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// One canonical spelling for a SQL expression (a check, an index predicate or expression, a default), applied
/// to the model's text and to what the catalog prints (<c>pg_get_constraintdef(oid, true)</c> and friends), so
/// that both compare equal. The catalog adds casts and parentheses and rewrites <c>IN</c> lists:
/// <c>status IN ('a','b')</c> on a varchar column reads back as
/// <c>status::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])</c>.
/// The result is still valid SQL with the same meaning, so it is also what the generated SQL contains.
/// </summary>
public static class PostgresExpressions
{
    private static readonly HashSet<string> TextCastTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text", "varchar", "bpchar", "character varying", "character", "char",
    };

    private static readonly HashSet<string> NumericCastTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "numeric", "integer", "bigint", "smallint", "int", "int4", "int8", "int2", "double precision", "real", "decimal",
    };

    /// <param name="expression">the expression text</param>
    /// <param name="textColumns">columns of the table whose type is text-like: a cast of those to text is a no-op</param>
    /// <param name="columnTypes">
    /// the table's columns and their canonical types: a string compared with a column needs no cast to the column's
    /// own type (<c>status &lt;&gt; 'gone'::mood</c>, as the catalog prints a comparison with an enum column)
    /// </param>
    public static string Canonical(string expression, IReadOnlySet<string>? textColumns = null, IReadOnlyDictionary<string, string>? columnTypes = null)
    {
        var tokens = SqlTokenizer.Tokenize(expression);
        StandardStrings(tokens);
        FoldCase(tokens);
        MergeNegativeNumbers(tokens);
        var columns = textColumns ?? new HashSet<string>();
        RewriteTimezoneCalls(tokens);
        RewriteInLists(tokens);
        RewriteBetween(tokens);
        // Twice: a removed cast can free parentheses ((0)::numeric), and removed parentheses can expose a cast.
        for (var pass = 0; pass < 2; pass++)
        {
            ExpressionParentheses.RemoveRedundant(tokens);
            StripNoOpCasts(tokens, columns);
            if (columnTypes is not null) StripColumnTypeCasts(tokens, columnTypes);
        }
        ExpressionParentheses.RemoveRedundant(tokens);
        return SqlTokenizer.Join(tokens);
    }

    /// <summary>
    /// The text with every unquoted word lower-cased and spacing made regular, nothing else changed: the same SQL
    /// (PostgreSQL folds unquoted names and ignores the case of keywords), for texts compared as written such as
    /// partition keys and bounds.
    /// </summary>
    public static string CaseFolded(string text)
    {
        var tokens = SqlTokenizer.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
            if (tokens[i].Kind == TokenKind.Word) tokens[i] = tokens[i] with { Text = tokens[i].Text.ToLowerInvariant() };
        return SqlTokenizer.Join(tokens);
    }

    /// <summary>
    /// E'it\'s' and $$it's$$ as 'it''s': the catalog prints every string constant in standard form. A constant whose
    /// escapes make no valid text (a NUL, bytes that are no UTF-8) is left as written.
    /// </summary>
    private static void StandardStrings(List<ExpressionToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var text = tokens[i].Text;
            if (tokens[i].Kind != TokenKind.String || text[^1] is not ('\'' or '$')) continue;
            var value = text[0] switch
            {
                'E' or 'e' => EscapeStrings.Decode(text.AsSpan(2, text.Length - 3)),
                '$' => text[(text.IndexOf('$', 1) + 1)..text.LastIndexOf('$', text.Length - 2)],
                _ => null,
            };
            if (value is not null && !value.Contains('\0')) tokens[i] = tokens[i] with { Text = SqlLiterals.String(value) };
        }
    }

    private static void FoldCase(List<ExpressionToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind == TokenKind.Word)
                tokens[i] = t with { Text = SqlTokenizer.Keywords.Contains(t.Text) ? t.Text.ToUpperInvariant() : t.Text.ToLowerInvariant() };
            else if (t.Kind == TokenKind.QuotedName && IsPlainName(t.Text[1..^1]))
                tokens[i] = new ExpressionToken(TokenKind.Word, t.Text[1..^1]);
        }
    }

    private static bool IsPlainName(string name) =>
        name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_')
                        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '$')
                        && !SqlTokenizer.Keywords.Contains(name) && !SqlTokenizer.QuotedKeywords.Contains(name);

    private static void MergeNegativeNumbers(List<ExpressionToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].Text != "-" || tokens[i + 1].Kind != TokenKind.Number) continue;
            var before = i == 0 ? null : tokens[i - 1];
            var unary = before is null || before.Kind == TokenKind.Symbol && before.Text is not (")" or "]")
                        || before.Kind == TokenKind.Word && SqlTokenizer.Keywords.Contains(before.Text) && before.Text != "NULL";
            if (!unary) continue;
            tokens[i] = new ExpressionToken(TokenKind.Number, "-" + tokens[i + 1].Text);
            tokens.RemoveAt(i + 1);
        }
    }

    /// <summary>Removes the casts the catalog adds that change nothing: 'x'::text, 0::numeric, ARRAY[...]::text[], col::text.</summary>
    /// <summary>The column a word or a quoted name ("a""b" is a"b) names; null for any other token.</summary>
    private static string? ColumnName(ExpressionToken token) => token.Kind switch
    {
        TokenKind.Word => token.Text,
        TokenKind.QuotedName when token.Text.Length >= 2 && token.Text[0] == '"' => token.Text[1..^1].Replace("\"\"", "\""),
        _ => null,
    };

    private static void StripNoOpCasts(List<ExpressionToken> tokens, IReadOnlySet<string> textColumns)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Text != "::") continue;
            var (type, end) = ReadTypeName(tokens, i + 1);
            var baseType = type.EndsWith("[]", StringComparison.Ordinal) ? type[..^2] : type;
            var before = tokens[i - 1];
            var isTextCast = TextCastTypes.Contains(StripTypmod(baseType));
            var strip =
                isTextCast && (before.Kind == TokenKind.String || before.Text == "]" && IsArrayOfStrings(tokens, i - 1)
                               || ColumnName(before) is { } column && textColumns.Contains(column) && !IsQualified(tokens, i - 1)
                                  && !IsArrayElement(tokens, i - 1))
                || NumericCastTypes.Contains(baseType) && before.Kind == TokenKind.Number;
            if (NumericCastTypes.Contains(baseType) && before.Kind == TokenKind.String && IsNumber(before.Text[1..^1]))
            {
                // A negative constant reads back quoted: CHECK (x > -1) prints as x > '-1'::integer.
                tokens[i - 1] = new ExpressionToken(TokenKind.Number, before.Text[1..^1]);
                strip = true;
            }
            // ('now'::text)::date converts at each insert; 'now'::date is fixed when the default is created.
            if (end < tokens.Count && tokens[end].Text == "::") strip = false;
            if (!strip)
            {
                if (tokens.Skip(i + 1).Take(end - i - 1).All(t => t.Kind != TokenKind.QuotedName) && type.Length > 0)
                {
                    tokens.RemoveRange(i + 1, end - i - 1);
                    tokens.Insert(i + 1, new ExpressionToken(TokenKind.Word, PostgresTypes.Canonical(type)));
                }
                continue;
            }
            tokens.RemoveRange(i, end - i);
            i--;
        }
    }

    private static readonly HashSet<string> Comparisons = new(StringComparer.Ordinal) { "=", "<>", "!=", "<", ">", "<=", ">=" };

    /// <summary>
    /// 'x'::T right beside a comparison with a column of type T, on either side: the string takes the column's type
    /// without the cast, so the cast changes nothing.
    /// </summary>
    private static void StripColumnTypeCasts(List<ExpressionToken> tokens, IReadOnlyDictionary<string, string> columnTypes)
    {
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Text != "::" || tokens[i - 1].Kind != TokenKind.String) continue;
            var (type, end) = ReadTypeName(tokens, i + 1);
            if (type.Length == 0 || end < tokens.Count && tokens[end].Text == "::") continue;
            bool Column(int at) => at >= 0 && at < tokens.Count && ColumnName(tokens[at]) is { } name && !IsQualified(tokens, at)
                                   && (at + 1 >= tokens.Count || tokens[at + 1].Text is not ("(" or "." or "::"))
                                   && columnTypes.TryGetValue(name, out var columnType) && columnType == PostgresTypes.Canonical(type);
            var left = i >= 3 && Comparisons.Contains(tokens[i - 2].Text) && Column(i - 3);
            var right = end + 1 < tokens.Count && Comparisons.Contains(tokens[end].Text) && Column(end + 1);
            if (!left && !right) continue;
            tokens.RemoveRange(i, end - i);
        }
    }

    /// <summary>ARRAY['a', 'b'] ending at <paramref name="close"/>: its ::text[] cast changes nothing. ARRAY[]::text[] or ARRAY[1]::text[] it does.</summary>
    private static bool IsArrayOfStrings(List<ExpressionToken> tokens, int close)
    {
        var open = Opener(tokens, close - 1);
        if (open <= 0 || tokens[open].Text != "[" || !tokens[open - 1].Is("ARRAY") || close - open < 2) return false;
        for (var k = open + 1; k < close; k++)
            if ((k - open) % 2 == 1 ? tokens[k].Kind != TokenKind.String : tokens[k].Text != ",") return false;
        return true;
    }

    /// <summary>
    /// Whether the token is an element of ARRAY[...]: there a column's ::text cast makes the array text[], which
    /// decides the operators and functions the array meets, so it changes something.
    /// </summary>
    private static bool IsArrayElement(List<ExpressionToken> tokens, int index)
    {
        var open = Opener(tokens, index - 1);
        return open > 0 && tokens[open].Text == "[" && tokens[open - 1].Is("ARRAY");
    }

    /// <summary>The ( or [ that encloses the tokens up to <paramref name="from"/>, looking back; -1 where none does.</summary>
    private static int Opener(List<ExpressionToken> tokens, int from)
    {
        var depth = 0;
        for (var j = from; j >= 0; j--)
        {
            if (tokens[j].Text is "]" or ")") depth++;
            else if (tokens[j].Text is "[" or "(" && depth-- == 0) return j;
        }
        return -1;
    }

    private static bool IsQualified(List<ExpressionToken> tokens, int index) => index > 0 && tokens[index - 1].Text == ".";

    private static bool IsNumber(string text) =>
        decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string StripTypmod(string type)
    {
        var paren = type.IndexOf('(');
        return paren < 0 ? type : type[..paren].TrimEnd();
    }

    /// <summary>Reads a type name after ::, e.g. character varying(10)[]; returns it and the index after it.</summary>
    private static (string Type, int End) ReadTypeName(List<ExpressionToken> tokens, int start)
    {
        var i = start;
        var words = new List<string>();
        while (i < tokens.Count && tokens[i].Kind is TokenKind.Word or TokenKind.QuotedName)
        {
            var w = tokens[i].Kind == TokenKind.QuotedName ? tokens[i].Text : tokens[i].Text.ToLowerInvariant();
            if (words.Count > 0 && !(words[^1] is "character" or "double" or "bit" && w is "varying" or "precision"
                                    || w is "with" or "without" or "time" or "zone")) break;
            words.Add(w);
            i++;
        }
        var type = string.Join(" ", words);
        if (i < tokens.Count && tokens[i].Text == "(")
        {
            var close = ExpressionParentheses.MatchingClose(tokens, i);
            type += "(" + string.Concat(tokens.Skip(i + 1).Take(close - i - 1).Select(t => t.Text)) + ")";
            i = close + 1;
        }
        while (i + 1 < tokens.Count && tokens[i].Text == "[" && tokens[i + 1].Text == "]")
        {
            type += "[]";
            i += 2;
        }
        return (type, i);
    }

    /// <summary>
    /// timezone(zone, value) becomes (value AT TIME ZONE zone): PostgreSQL 13 prints the operator as the function
    /// call, later versions as the operator.
    /// </summary>
    private static void RewriteTimezoneCalls(List<ExpressionToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!tokens[i].Is("timezone") || tokens[i + 1].Text != "(" || i > 0 && tokens[i - 1].Text is "." or "::") continue;
            var close = ExpressionParentheses.MatchingClose(tokens, i + 1);
            var depth = 0;
            var comma = -1;
            for (var j = i + 2; j < close; j++)
            {
                if (tokens[j].Text is "(" or "[") depth++;
                else if (tokens[j].Text is ")" or "]") depth--;
                else if (depth == 0 && tokens[j].Text == ",") comma = comma < 0 ? j : int.MaxValue;
            }
            if (comma is < 0 or int.MaxValue) continue;
            var zone = tokens.GetRange(i + 2, comma - i - 2);
            var value = tokens.GetRange(comma + 1, close - comma - 1);
            var replacement = new List<ExpressionToken> { Sym("("), Sym("(") };
            replacement.AddRange(value);
            // Lower case as FoldCase leaves these words; a zone of more than a literal and its cast keeps parentheses.
            replacement.AddRange([Sym(")"), new ExpressionToken(TokenKind.Word, "at"), new ExpressionToken(TokenKind.Word, "time"), new ExpressionToken(TokenKind.Word, "zone")]);
            if (zone.Count > 3) replacement.Add(Sym("("));
            replacement.AddRange(zone);
            if (zone.Count > 3) replacement.Add(Sym(")"));
            replacement.Add(Sym(")"));
            tokens.RemoveRange(i, close - i + 1);
            tokens.InsertRange(i, replacement);
        }
    }

    /// <summary>x IN (a, b) becomes x = ANY (ARRAY[a, b]), and NOT IN becomes &lt;&gt; ALL, the way PostgreSQL prints them.</summary>
    private static void RewriteInLists(List<ExpressionToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!tokens[i].Is("IN") || tokens[i + 1].Text != "(") continue;
            if (i + 2 < tokens.Count && tokens[i + 2].Is("SELECT")) continue;
            var close = ExpressionParentheses.MatchingClose(tokens, i + 1);
            var negated = i > 0 && tokens[i - 1].Is("NOT");
            var list = tokens.GetRange(i + 2, close - i - 2);
            var replacement = new List<ExpressionToken>
            {
                Sym(negated ? "<>" : "="), new(TokenKind.Word, negated ? "ALL" : "ANY"), Sym("("), new(TokenKind.Word, "ARRAY"), Sym("["),
            };
            replacement.AddRange(list);
            replacement.Add(Sym("]"));
            replacement.Add(Sym(")"));
            var from = negated ? i - 1 : i;
            tokens.RemoveRange(from, close - from + 1);
            tokens.InsertRange(from, replacement);
        }
    }

    /// <summary>x BETWEEN a AND b becomes x &gt;= a AND x &lt;= b when every part is one token, as PostgreSQL prints it.</summary>
    private static void RewriteBetween(List<ExpressionToken> tokens)
    {
        for (var i = 1; i + 3 < tokens.Count; i++)
        {
            if (!tokens[i].Is("BETWEEN") || !tokens[i + 2].Is("AND")) continue;
            var operand = tokens[i - 1];
            if (operand.Kind == TokenKind.Symbol || operand.Is("NOT") || i >= 2 && tokens[i - 2].Text is "." or "::") continue;
            if (i + 4 < tokens.Count && tokens[i + 4].Text is "(" or "." or "::" or "[") continue;
            var (low, high) = (tokens[i + 1], tokens[i + 3]);
            tokens.RemoveRange(i - 1, 5);
            tokens.InsertRange(i - 1, [operand, Sym(">="), low, new ExpressionToken(TokenKind.Word, "AND"), operand, Sym("<="), high]);
        }
    }

    private static ExpressionToken Sym(string text) => new(TokenKind.Symbol, text);
}
