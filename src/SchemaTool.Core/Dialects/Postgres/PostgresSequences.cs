using System.Globalization;
using System.Text.RegularExpressions;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// A sequence of its own in the form compared: each option PostgreSQL would give it anyway left out (null), on the
/// model's side and the catalog's alike; and the SQL of its options.
/// </summary>
internal static partial class PostgresSequences
{
    private const string DefaultType = "bigint";

    private static (long Min, long Max) Range(string type) => type switch
    {
        "smallint" => (short.MinValue, short.MaxValue),
        "integer" => (int.MinValue, int.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    /// <summary>Every option with the value it has in the database, defaults filled in (CREATE SEQUENCE's rules).</summary>
    public static Sequence Effective(Sequence sequence)
    {
        var type = sequence.Type is { } t ? PostgresTypes.Canonical(t) : DefaultType;
        var increment = sequence.Increment ?? 1;
        var (typeMin, typeMax) = Range(type);
        var min = sequence.Min ?? (increment > 0 ? 1 : typeMin);
        var max = sequence.Max ?? (increment > 0 ? typeMax : -1);
        return sequence with
        {
            Type = type, Increment = increment, Min = min, Max = max,
            Start = sequence.Start ?? (increment > 0 ? min : max),
            Cache = sequence.Cache ?? 1,
        };
    }

    /// <summary>The options that differ from what PostgreSQL would give the sequence anyway; the rest null.</summary>
    public static Sequence WithoutDefaults(Sequence sequence)
    {
        var e = Effective(sequence);
        var increment = e.Increment!.Value;
        var (typeMin, typeMax) = Range(e.Type!);
        return ValueList.SameIfEqual(sequence, sequence with
        {
            Type = e.Type == DefaultType ? null : e.Type,
            Increment = increment == 1 ? null : increment,
            Min = e.Min == (increment > 0 ? 1 : typeMin) ? null : e.Min,
            Max = e.Max == (increment > 0 ? typeMax : -1) ? null : e.Max,
            Start = e.Start == (increment > 0 ? e.Min : e.Max) ? null : e.Start,
            Cache = e.Cache == 1 ? null : e.Cache,
        });
    }

    /// <summary>CREATE SEQUENCE's options for what the sequence says (the defaults it leaves out are the server's).</summary>
    public static string Options(Sequence s)
    {
        var parts = new List<string>();
        if (s.Type is { } type) parts.Add("AS " + type);
        if (s.Increment is { } increment) parts.Add("INCREMENT BY " + Number(increment));
        if (s.Min is { } min) parts.Add("MINVALUE " + Number(min));
        if (s.Max is { } max) parts.Add("MAXVALUE " + Number(max));
        if (s.Start is { } start) parts.Add("START WITH " + Number(start));
        if (s.Cache is { } cache) parts.Add("CACHE " + Number(cache));
        if (s.Cycle) parts.Add("CYCLE");
        return string.Join(" ", parts);
    }

    /// <summary>ALTER SEQUENCE's options from one sequence to the other: each option whose value in the database changes.</summary>
    public static string Changes(Sequence from, Sequence to)
    {
        var (a, b) = (Effective(from), Effective(to));
        var parts = new List<string>();
        if (a.Type != b.Type) parts.Add("AS " + b.Type);
        if (a.Increment != b.Increment) parts.Add("INCREMENT BY " + Number(b.Increment!.Value));
        // A changed type moves a minimum or maximum that was the old type's limit with it: each is restated.
        if (a.Min != b.Min || a.Type != b.Type) parts.Add("MINVALUE " + Number(b.Min!.Value));
        if (a.Max != b.Max || a.Type != b.Type) parts.Add("MAXVALUE " + Number(b.Max!.Value));
        if (a.Start != b.Start) parts.Add("START WITH " + Number(b.Start!.Value));
        if (a.Cache != b.Cache) parts.Add("CACHE " + Number(b.Cache!.Value));
        if (a.Cycle != b.Cycle) parts.Add(b.Cycle ? "CYCLE" : "NO CYCLE");
        return string.Join(" ", parts);
    }

    /// <summary>
    /// <c>nextval('s')</c> as the catalog prints it, <c>nextval('s'::regclass)</c>: the argument is a regclass, which
    /// the server keeps as the sequence and prints with its cast.
    /// </summary>
    public static string RegclassArguments(string sql) =>
        sql.Contains("nextval", StringComparison.OrdinalIgnoreCase) ? BareNextval().Replace(sql, "nextval('$1'::regclass)") : sql;

    [GeneratedRegex(@"\bnextval\s*\(\s*'((?:[^']|'')+)'\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex BareNextval();

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
