using System.Text.RegularExpressions;

namespace SchemaTool.Diff;

/// <summary>Tells whether a type change keeps every value: the same base type with a larger length or precision.</summary>
public static partial class TypeWidening
{
    public static bool IsWidening(string from, string to)
    {
        var a = Parse(from);
        var b = Parse(to);
        if (a is null || b is null) return false;
        if (!string.Equals(a.Value.Base, b.Value.Base, StringComparison.OrdinalIgnoreCase))
            return IntegerRank(a.Value.Base) is { } ra && IntegerRank(b.Value.Base) is { } rb && rb > ra;
        if (a.Value.Args.Length == 0 || b.Value.Args.Length == 0) return b.Value.Args.Length == 0;
        if (a.Value.Args.Length != b.Value.Args.Length) return false;
        if (a.Value.Args.Length == 2)
        {
            // decimal(p,s): both the integer digits and the scale must not shrink.
            return b.Value.Args[1] >= a.Value.Args[1] && b.Value.Args[0] - b.Value.Args[1] >= a.Value.Args[0] - a.Value.Args[1];
        }
        return b.Value.Args[0] >= a.Value.Args[0];
    }

    private static int? IntegerRank(string type) => type.ToLowerInvariant() switch
    {
        "smallint" or "int2" => 1,
        "int" or "integer" or "int4" or "mediumint" => 2,
        "bigint" or "int8" => 3,
        _ => null,
    };

    private static (string Base, int[] Args)? Parse(string type)
    {
        var m = TypePattern().Match(type.Trim());
        if (!m.Success) return null;
        var args = m.Groups[2].Success
            ? m.Groups[2].Value.Split(',').Select(s => int.TryParse(s.Trim(), out var n) ? n : -1).ToArray()
            : [];
        return args.Any(n => n < 0) ? null : (m.Groups[1].Value.Trim(), args);
    }

    [GeneratedRegex(@"^([A-Za-z ]+?)\s*(?:\(([\d,\s]+)\))?$")]
    private static partial Regex TypePattern();
}
