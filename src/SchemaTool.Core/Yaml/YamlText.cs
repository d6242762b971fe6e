using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SchemaTool.Yaml;

/// <summary>YAML scalars as <see cref="ModelWriter"/> writes them: plain when that is safe in a flow map, else double-quoted.</summary>
internal static partial class YamlText
{
    /// <summary>A plain scalar when it reads back as the same text in any context, else a double-quoted one.</summary>
    public static string Scalar(string value) =>
        SafePlain().IsMatch(value) && !Reserved.Contains(value) ? value : Quoted(value);

    public static string Key(string name) => Scalar(name);

    /// <summary>A number as a plain scalar (the loader reads a plain number as a numeric default).</summary>
    public static string Number(string text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !text.StartsWith('.') && !text.EndsWith('.')
            ? text : Quoted(text);

    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    /// <summary>A double-quoted scalar: backslash, quote and control characters escaped.</summary>
    public static string Quoted(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF') text.Append($"\\u{(int)c:X4}");
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    // YAML 1.1 and 1.2 words that a plain scalar would turn into a boolean or null.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    // Letters, digits, _ . ( ) and inner single spaces; starts with a letter or _; nothing YAML reads as syntax.
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.()]*(?: [A-Za-z0-9_.()]+)*$")]
    private static partial Regex SafePlain();
}
