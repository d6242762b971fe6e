using System.Text;
using SchemaTool.Dialects.Lexing;

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
        var tokens = SequenceCalls(Tokenize(expression));
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

    /// <summary>
    /// A sequence's value as MariaDB prints it: NEXT VALUE FOR s is nextval(`db`.`s`), PREVIOUS VALUE FOR s
    /// lastval(`db`.`s`). The database is left out (a sequence of the database the model is for).
    /// </summary>
    private static List<string> SequenceCalls(List<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].ToLowerInvariant();
            if (word is "next" or "previous" && i + 3 < tokens.Count && tokens[i + 1].Equals("value", StringComparison.OrdinalIgnoreCase)
                && tokens[i + 2].Equals("for", StringComparison.OrdinalIgnoreCase))
            {
                var qualified = i + 5 < tokens.Count && tokens[i + 4] == ".";
                var name = tokens[qualified ? i + 5 : i + 3];
                tokens.RemoveRange(i, qualified ? 6 : 4);
                tokens.InsertRange(i, [word == "next" ? "nextval" : "lastval", "(", name, ")"]);
            }
            else if (word is "nextval" or "lastval" && i + 5 < tokens.Count && tokens[i + 1] == "(" && tokens[i + 3] == "." && tokens[i + 5] == ")")
                tokens.RemoveRange(i + 2, 2);
        }
        return tokens;
    }

    private static bool NeedsSpace(string previous, string next)
    {
        if (previous == "(" || next == ")" || next == "," || previous == ".") return false;
        if (next == ".") return false;
        if (next == "(") return IsWord(previous) && Keywords.Contains(previous) || !IsWord(previous) && previous != "(";
        return true;
    }

    private static bool IsWord(string token) => token.Length > 0 && (char.IsLetterOrDigit(token[0]) || token[0] is '_' or '`');

    /// <summary>
    /// The expression's tokens as <see cref="MySqlLexer"/> reads them, each in its canonical spelling: comments
    /// dropped (the server keeps none), string literals re-quoted from their value (adjacent ones joined, as the
    /// server joins them), charset introducers dropped, names lowered and quoted only where needed.
    /// </summary>
    private static List<string> Tokenize(string expression)
    {
        var lexed = MySqlLexer.Instance.Tokenize(expression);
        var tokens = new List<string>(lexed.Count);
        for (var i = 0; i < lexed.Count; i++)
        {
            var token = lexed[i];
            switch (token.Kind)
            {
                case SqlTokenKind.Word when IsIntroducer(token, lexed, i):
                    continue;
                case SqlTokenKind.String when IsPlainString(token):
                    var value = MySqlText.Decode(token.Span);
                    while (i + 1 < lexed.Count && IsPlainString(lexed[i + 1])) value += MySqlText.Decode(lexed[++i].Span);
                    tokens.Add(MySqlText.String(value));
                    break;
                case SqlTokenKind.String when token.Span[0] is 'N' or 'n':
                    tokens.Add(MySqlText.String(MySqlText.Decode(token.Span[1..])));
                    break;
                case SqlTokenKind.String:
                    tokens.Add(char.ToUpperInvariant(token.Span[0]) + token.Text[1..]);
                    break;
                case SqlTokenKind.QuotedIdentifier:
                    tokens.Add(Identifier(token.Text[1..^1].Replace("``", "`")));
                    break;
                case SqlTokenKind.Word:
                    var isCall = i + 1 < lexed.Count && lexed[i + 1].IsPunctuation('(');
                    var afterAs = tokens.Count > 0 && tokens[^1] == "as";
                    if (TypeName(token.Text, afterAs, tokens.Count > 0 ? tokens[^1] : null) is { } type)
                    {
                        if (type.Length > 0) tokens.Add(type);
                    }
                    else tokens.Add(Word(token.Text, isCall));
                    break;
                case SqlTokenKind.Number:
                    tokens.Add(Number(token.Text));
                    break;
                case SqlTokenKind.Punctuation:
                    tokens.Add(Synonyms.GetValueOrDefault(token.Text, token.Text));
                    break;
                default:
                    tokens.Add(token.Text);
                    break;
            }
        }
        return tokens;
    }

    private static bool IsPlainString(in SqlToken token) =>
        token is { Kind: SqlTokenKind.String, Unterminated: false } && token.Span[0] is '\'' or '"';

    /// <summary>A charset introducer (_utf8mb4'x', _latin1 'x'): MySQL 8 prints one on every literal, MariaDB on some.</summary>
    private static bool IsIntroducer(in SqlToken token, List<SqlToken> lexed, int i) =>
        token.Span[0] == '_' && token.Length > 1 && i + 1 < lexed.Count && lexed[i + 1].Kind == SqlTokenKind.String;

    /// <summary>
    /// A type after CAST's AS, spelled as the server prints it: INT, INTEGER and SIGNED INT are SIGNED, UNSIGNED INT
    /// is UNSIGNED (empty: the word is dropped). Null when the word is not part of a type.
    /// </summary>
    private static string? TypeName(string word, bool afterAs, string? previous)
    {
        var lower = word.ToLowerInvariant();
        if (lower is "int" or "integer" && previous is "signed" or "unsigned") return "";
        if (!afterAs) return null;
        return lower is "int" or "integer" ? "signed" : lower;
    }

    /// <summary>Numbers as the server prints them: .5 as 0.5, 1. as 1, 007 as 7, 0x1F as 0x1f.</summary>
    private static string Number(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("0x", StringComparison.Ordinal) || lower.StartsWith("0b", StringComparison.Ordinal)) return lower;
        var dot = lower.IndexOf('.');
        var exponent = lower.IndexOf('e');
        var integerEnd = dot >= 0 ? dot : exponent >= 0 ? exponent : lower.Length;
        var integer = lower[..integerEnd].TrimStart('0');
        var rest = lower[integerEnd..];
        if (rest.StartsWith('.') && (rest.Length == 1 || rest[1] == 'e')) rest = rest[1..];
        return (integer.Length == 0 ? "0" : integer) + rest;
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
