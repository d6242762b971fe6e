using System.Globalization;
using System.Text;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The sequence behind a serial or identity column: the name and options PostgreSQL gives it by default, so that
/// only what differs is kept in the model, and the SQL that sets the rest.
/// </summary>
public static class PostgresNumbering
{
    /// <summary>The name PostgreSQL gives a serial's or identity's sequence: table_column_seq, cut to 63 bytes as it cuts it.</summary>
    public static string DefaultSequenceName(string table, string column) => ObjectName(Model.QualifiedName.LocalOf(table), column, "seq");

    /// <summary>
    /// The name PostgreSQL makes for an object of a table (makeObjectName): name1_name2_label, the longer of the two
    /// names shortened one character at a time until it fits in 63 bytes.
    /// </summary>
    public static string ObjectName(string name1, string? name2, string label)
    {
        var available = 63 - label.Length - 1 - (name2 is null ? 0 : 1);
        var (a, b) = (name1, name2 ?? "");
        while (Encoding.UTF8.GetByteCount(a) + Encoding.UTF8.GetByteCount(b) > available)
        {
            if (Encoding.UTF8.GetByteCount(a) > Encoding.UTF8.GetByteCount(b)) a = WithoutLastCharacter(a);
            else b = WithoutLastCharacter(b);
        }
        return name2 is null ? $"{a}_{label}" : $"{a}_{b}_{label}";
    }

    // The server clips on character boundaries: a character outside the BMP (two UTF-16 units) goes whole.
    private static string WithoutLastCharacter(string text) =>
        text.Length >= 2 && char.IsLowSurrogate(text[^1]) && char.IsHighSurrogate(text[^2]) ? text[..^2] : text[..^1];

    private static (long Min, long Max) Range(string integerType) => integerType switch
    {
        "smallint" => (short.MinValue, short.MaxValue),
        "integer" => (int.MinValue, int.MaxValue),
        _ => (long.MinValue, long.MaxValue),
    };

    /// <summary>The sequence's minimum and maximum, defaults filled in (CREATE SEQUENCE's rules).</summary>
    public static (long Min, long Max) Bounds(Numbering? options, string integerType)
    {
        var increment = options?.Increment ?? 1;
        var (typeMin, typeMax) = Range(PostgresTypes.Canonical(options?.SequenceType ?? PostgresTypes.SerialBase(integerType) ?? integerType));
        return (options?.MinValue ?? (increment > 0 ? 1 : typeMin), options?.MaxValue ?? (increment > 0 ? typeMax : -1));
    }

    /// <summary>The options with each default (for this table, column and integer type) left out; null when all are.</summary>
    public static Numbering? WithoutDefaults(Numbering options, string table, string column, string integerType)
    {
        var increment = options.Increment ?? 1;
        var columnType = PostgresTypes.SerialBase(integerType) ?? integerType;
        var sequenceType = options.SequenceType is { } declared ? PostgresTypes.Canonical(declared) : columnType;
        var (typeMin, typeMax) = Range(sequenceType);
        var min = options.MinValue ?? (increment > 0 ? 1 : typeMin);
        var max = options.MaxValue ?? (increment > 0 ? typeMax : -1);
        var result = options with
        {
            Sequence = options.Sequence == DefaultSequenceName(table, column) ? null : options.Sequence,
            Increment = increment == 1 ? null : increment,
            MinValue = min == (increment > 0 ? 1 : typeMin) ? null : min,
            MaxValue = max == (increment > 0 ? typeMax : -1) ? null : max,
            Start = options.Start is { } start && start != (increment > 0 ? min : max) ? start : null,
            Cache = options.Cache is 1 ? null : options.Cache,
            SequenceType = sequenceType == columnType ? null : sequenceType,
        };
        return result.IsDefault ? null : result;
    }

    /// <summary>The sequence options in CREATE SEQUENCE / identity syntax (without the name), empty when all are defaults.</summary>
    public static string Options(Numbering? n)
    {
        if (n is null) return "";
        var parts = new List<string>();
        if (n.Start is { } start) parts.Add("START WITH " + Number(start));
        if (n.Increment is { } increment) parts.Add("INCREMENT BY " + Number(increment));
        if (n.MinValue is { } min) parts.Add("MINVALUE " + Number(min));
        if (n.MaxValue is { } max) parts.Add("MAXVALUE " + Number(max));
        if (n.Cache is { } cache) parts.Add("CACHE " + Number(cache));
        if (n.Cycle) parts.Add("CYCLE");
        return string.Join(" ", parts);
    }

    /// <summary>What ALTER SEQUENCE needs to go from one set of options to another; every option is restated.</summary>
    public static string Changes(Numbering? to)
    {
        var increment = to?.Increment ?? 1;
        var parts = new List<string>
        {
            "INCREMENT BY " + Number(increment),
            to?.MinValue is { } min ? "MINVALUE " + Number(min) : "NO MINVALUE",
            to?.MaxValue is { } max ? "MAXVALUE " + Number(max) : "NO MAXVALUE",
            "START WITH " + Number(to?.Start ?? (increment > 0 ? to?.MinValue ?? 1 : to?.MaxValue ?? -1)),
            "CACHE " + Number(to?.Cache ?? 1),
            to?.Cycle == true ? "CYCLE" : "NO CYCLE",
        };
        return string.Join(" ", parts);
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
