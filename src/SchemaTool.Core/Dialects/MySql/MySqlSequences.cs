using System.Globalization;
using SchemaTool.Model;
using static SchemaTool.Dialects.MySql.MySqlText;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// MariaDB's sequences (CREATE SEQUENCE, 10.3 and later; MySQL has none): bigint, with no owner. An option left out
/// is the server's default, which depends on the others (a sequence counting down starts at its maximum, -1), so both
/// the model and what the server reads back keep only the options that differ from those defaults.
/// </summary>
internal static class MySqlSequences
{
    private const long DefaultCache = 1000;

    /// <summary>The options as the server resolves them: start, min, max, increment, cache, from what is stated.</summary>
    public static (long Start, long Min, long Max, long Increment, long Cache) Resolved(Sequence s)
    {
        var increment = s.Increment ?? 1;
        var min = s.Min ?? (increment > 0 ? 1 : long.MinValue + 1);
        var max = s.Max ?? (increment > 0 ? long.MaxValue - 1 : -1);
        return (s.Start ?? (increment > 0 ? min : max), min, max, increment, s.Cache ?? DefaultCache);
    }

    /// <summary>The sequence with each option the server would take anyway left out.</summary>
    public static Sequence Normalize(Sequence s)
    {
        var (start, min, max, increment, cache) = Resolved(s);
        var bare = new Sequence(s.Name) with { Increment = increment == 1 ? null : increment };
        var (_, defaultMin, defaultMax, _, _) = Resolved(bare);
        bare = bare with { Min = min == defaultMin ? null : min, Max = max == defaultMax ? null : max };
        var (defaultStart, _, _, _, _) = Resolved(bare);
        return s with
        {
            Start = start == defaultStart ? null : start,
            Min = bare.Min,
            Max = bare.Max,
            Increment = bare.Increment,
            Cache = cache == DefaultCache ? null : cache,
        };
    }

    /// <summary>CREATE SEQUENCE with the options stated, in the order SHOW CREATE SEQUENCE prints them.</summary>
    public static string Create(Sequence s)
    {
        var parts = new List<string> { "CREATE SEQUENCE " + Quote(s.Name) };
        if (s.Start is { } start) parts.Add("START WITH " + Number(start));
        if (s.Min is { } min) parts.Add("MINVALUE " + Number(min));
        if (s.Max is { } max) parts.Add("MAXVALUE " + Number(max));
        if (s.Increment is { } increment) parts.Add("INCREMENT BY " + Number(increment));
        if (s.Cache is { } cache) parts.Add(cache == 0 ? "NOCACHE" : "CACHE " + Number(cache));
        if (s.Cycle) parts.Add("CYCLE");
        if (s.Comment is { } comment) parts.Add("COMMENT " + String(comment));
        return string.Join(" ", parts);
    }

    /// <summary>ALTER SEQUENCE to every option of <paramref name="to"/>, those left out written as the defaults they are.</summary>
    public static string Alter(Sequence to)
    {
        var (start, _, _, increment, cache) = Resolved(to);
        return $"ALTER SEQUENCE {Quote(to.Name)} " +
               $"{(to.Min is { } min ? "MINVALUE " + Number(min) : "NO MINVALUE")} " +
               $"{(to.Max is { } max ? "MAXVALUE " + Number(max) : "NO MAXVALUE")} " +
               $"INCREMENT BY {Number(increment)} START WITH {Number(start)} " +
               $"{(cache == 0 ? "NOCACHE" : "CACHE " + Number(cache))} {(to.Cycle ? "CYCLE" : "NOCYCLE")}";
    }

    /// <summary>What a MariaDB sequence cannot be, refused at plan with its name.</summary>
    public static IEnumerable<string> Problems(Sequence s)
    {
        var what = $"sequence {s.Name}";
        if (s.OwnedBy is not null) yield return $"{what}: MariaDB sequences have no owner: remove owned_by";
        if (s.Type is not null) yield return $"{what}: MariaDB 10.11's sequences are bigint (AS type came in 11.5): remove type";
        if (s.RenamedFrom is not null)
            yield return $"{what}: MariaDB keeps a renamed sequence's old name in the defaults that use it: create a new one instead of renamed_from";
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
