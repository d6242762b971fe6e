using System.Globalization;

namespace SchemaTool.Model;

/// <summary>
/// The storage parameters PostgreSQL has for tables and for the indexes of its built-in access methods, with the
/// kind and range of each value: the loader refuses a name or a value the server would refuse, at its place, and
/// brings each value to one spelling, which the introspector uses too, so that <c>'70'</c> and <c>70</c>, or
/// <c>on</c> and <c>true</c>, are one value and never a change. An index of another method (an extension's, such
/// as bloom) takes any parameter as written: only its extension knows them.
/// </summary>
public static class PostgresStorageParameters
{
    private enum Kind { Bool, Int, Real, Enum }

    private sealed record Definition(Kind Kind, double Min = 0, double Max = 0, string[]? Values = null, int SinceVersion = 13);

    private static Definition Int(double min, double max) => new(Kind.Int, min, max);
    private static Definition Real(double min, double max) => new(Kind.Real, min, max);
    private static readonly Definition Bool = new(Kind.Bool);
    private static readonly Definition FillFactor = Int(10, 100);
    private const double IntMax = int.MaxValue;

    private static readonly Dictionary<string, Definition> TableParameters = new(StringComparer.Ordinal)
    {
        ["fillfactor"] = FillFactor,
        ["toast_tuple_target"] = Int(128, 8160),
        ["parallel_workers"] = Int(0, 1024),
        ["autovacuum_enabled"] = Bool,
        ["vacuum_index_cleanup"] = new(Kind.Enum, Values: ["auto", "true", "false"]),
        ["vacuum_truncate"] = Bool,
        ["autovacuum_vacuum_threshold"] = Int(0, IntMax),
        ["autovacuum_vacuum_max_threshold"] = new(Kind.Int, -1, IntMax, SinceVersion: 18),
        ["autovacuum_vacuum_insert_threshold"] = Int(-1, IntMax),
        ["autovacuum_analyze_threshold"] = Int(0, IntMax),
        ["autovacuum_vacuum_scale_factor"] = Real(0, 100),
        ["autovacuum_vacuum_insert_scale_factor"] = Real(0, 100),
        ["autovacuum_analyze_scale_factor"] = Real(0, 100),
        ["autovacuum_vacuum_cost_delay"] = Real(-1, 100),
        ["autovacuum_vacuum_cost_limit"] = Int(-1, 10000),
        ["autovacuum_freeze_min_age"] = Int(0, 1000000000),
        ["autovacuum_freeze_max_age"] = Int(100000, 2000000000),
        ["autovacuum_freeze_table_age"] = Int(0, 2000000000),
        ["autovacuum_multixact_freeze_min_age"] = Int(0, 1000000000),
        ["autovacuum_multixact_freeze_max_age"] = Int(10000, 2000000000),
        ["autovacuum_multixact_freeze_table_age"] = Int(0, 2000000000),
        ["log_autovacuum_min_duration"] = Int(-1, IntMax),
        ["user_catalog_table"] = Bool,
    };

    private static readonly Dictionary<string, Dictionary<string, Definition>> IndexParameters = new(StringComparer.Ordinal)
    {
        ["btree"] = new(StringComparer.Ordinal) { ["fillfactor"] = FillFactor, ["deduplicate_items"] = Bool },
        ["hash"] = new(StringComparer.Ordinal) { ["fillfactor"] = FillFactor },
        ["gist"] = new(StringComparer.Ordinal) { ["fillfactor"] = FillFactor, ["buffering"] = new(Kind.Enum, Values: ["auto", "on", "off"]) },
        ["spgist"] = new(StringComparer.Ordinal) { ["fillfactor"] = FillFactor },
        ["gin"] = new(StringComparer.Ordinal) { ["fastupdate"] = Bool, ["gin_pending_list_limit"] = Int(64, IntMax / 1024) },
        ["brin"] = new(StringComparer.Ordinal) { ["pages_per_range"] = Int(1, 131072), ["autosummarize"] = Bool },
    };

    // A view's options; WITH [LOCAL|CASCADED] CHECK OPTION after the query is stored as check_option too.
    private static readonly Dictionary<string, Definition> ViewParameters = new(StringComparer.Ordinal)
    {
        ["security_barrier"] = Bool,
        ["security_invoker"] = new(Kind.Bool, SinceVersion: 15),
        ["check_option"] = new(Kind.Enum, Values: ["local", "cascaded"]),
    };

    /// <summary>The names a view takes; a materialized view takes a table's.</summary>
    public static IReadOnlyCollection<string> ViewNames => ViewParameters.Keys;

    /// <summary>The canonical value of a view's option, or a message saying why the value cannot be one.</summary>
    public static (string? Value, string? Problem) ViewValue(string name, string value) =>
        ViewParameters.TryGetValue(name, out var definition) ? Canonical(definition, value) : (value, null);

    /// <inheritdoc cref="TableCanonical"/>
    public static string ViewCanonical(string name, string value) => ViewValue(name, value).Value ?? value;

    /// <summary>The version of PostgreSQL a view's option came with.</summary>
    public static int ViewSinceVersion(string name) => ViewParameters.TryGetValue(name, out var d) ? d.SinceVersion : 13;

    /// <summary>The names a table takes, for a did-you-mean.</summary>
    public static IReadOnlyCollection<string> TableNames => TableParameters.Keys;

    /// <summary>The names an index of this method takes; null for a method that is not built in (any name goes).</summary>
    public static IReadOnlyCollection<string>? IndexNames(string? method) =>
        IndexParameters.TryGetValue(method ?? "btree", out var known) ? known.Keys : null;

    /// <summary>The canonical value of a table's parameter, or a message saying why the value cannot be one.</summary>
    public static (string? Value, string? Problem) TableValue(string name, string value) =>
        TableParameters.TryGetValue(name, out var definition) ? Canonical(definition, value) : (value, null);

    /// <summary>The canonical value of an index's parameter, or a message saying why the value cannot be one.</summary>
    public static (string? Value, string? Problem) IndexValue(string? method, string name, string value) =>
        IndexParameters.TryGetValue(method ?? "btree", out var known) && known.TryGetValue(name, out var definition)
            ? Canonical(definition, value)
            : (value, null);

    /// <summary>The value in its canonical spelling, or as it is when it has none (a parameter not known here).</summary>
    public static string TableCanonical(string name, string value) => TableValue(name, value).Value ?? value;

    /// <inheritdoc cref="TableCanonical"/>
    public static string IndexCanonical(string? method, string name, string value) => IndexValue(method, name, value).Value ?? value;

    /// <summary>The version of PostgreSQL a table's parameter came with.</summary>
    public static int TableSinceVersion(string name) => TableParameters.TryGetValue(name, out var d) ? d.SinceVersion : 13;

    private static (string? Value, string? Problem) Canonical(Definition definition, string value)
    {
        var text = value.Trim();
        switch (definition.Kind)
        {
            case Kind.Bool:
                return BoolWord(text) is { } b ? (b, null) : (null, "must be true or false");
            case Kind.Enum:
                var word = BoolWord(text) is { } asBool && definition.Values!.Contains(asBool) ? asBool : text.ToLowerInvariant();
                return definition.Values!.Contains(word) ? (word, null) : (null, $"must be one of {string.Join(", ", definition.Values!)}");
            case Kind.Int:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= definition.Min && n <= definition.Max
                    ? (n.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"must be a whole number from {definition.Min:0} to {definition.Max:0}");
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r >= definition.Min && r <= definition.Max
                    ? (r.ToString("R", CultureInfo.InvariantCulture), null)
                    : (null, $"must be a number from {definition.Min:0} to {definition.Max:0}");
        }
    }

    /// <summary>The spellings PostgreSQL reads as a boolean, as true or false.</summary>
    private static string? BoolWord(string text) => text.ToLowerInvariant() switch
    {
        "true" or "on" or "yes" or "1" => "true",
        "false" or "off" or "no" or "0" => "false",
        _ => null,
    };
}
