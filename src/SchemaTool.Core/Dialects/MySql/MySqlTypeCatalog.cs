using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// The data types of MySQL 8 and MariaDB 10.11 (a fixed list: the server has no catalog of them), with the
/// ranges of their modifiers, so that a misspelled type or an impossible length is refused at plan instead of
/// failing at apply, where MySQL has already committed the revision's earlier statements.
/// </summary>
public sealed class MySqlTypeCatalog(bool mariaDb) : ITypeCatalog
{
    private enum Kind { Integer, Fixed, Float, Bit, Text, Binary, Sized, TimeOfDay, Year, Choice, Plain }

    private static readonly Dictionary<string, Kind> Common = new(StringComparer.Ordinal)
    {
        ["tinyint"] = Kind.Integer, ["smallint"] = Kind.Integer, ["mediumint"] = Kind.Integer, ["int"] = Kind.Integer,
        ["integer"] = Kind.Integer, ["bigint"] = Kind.Integer, ["int1"] = Kind.Integer, ["int2"] = Kind.Integer,
        ["int3"] = Kind.Integer, ["int4"] = Kind.Integer, ["int8"] = Kind.Integer, ["middleint"] = Kind.Integer,
        ["decimal"] = Kind.Fixed, ["dec"] = Kind.Fixed, ["numeric"] = Kind.Fixed, ["fixed"] = Kind.Fixed,
        ["float"] = Kind.Float, ["double"] = Kind.Float, ["double precision"] = Kind.Float, ["real"] = Kind.Float,
        ["float4"] = Kind.Float, ["float8"] = Kind.Float,
        ["bit"] = Kind.Bit,
        ["bool"] = Kind.Plain, ["boolean"] = Kind.Plain, ["serial"] = Kind.Plain,
        ["date"] = Kind.Plain, ["datetime"] = Kind.TimeOfDay, ["timestamp"] = Kind.TimeOfDay, ["time"] = Kind.TimeOfDay,
        ["timestamptz"] = Kind.TimeOfDay, ["year"] = Kind.Year,
        ["char"] = Kind.Text, ["character"] = Kind.Text, ["nchar"] = Kind.Text, ["national char"] = Kind.Text,
        ["varchar"] = Kind.Text, ["character varying"] = Kind.Text, ["nvarchar"] = Kind.Text, ["national varchar"] = Kind.Text,
        ["binary"] = Kind.Binary, ["varbinary"] = Kind.Binary, ["bytea"] = Kind.Plain,
        ["tinytext"] = Kind.Plain, ["text"] = Kind.Sized, ["mediumtext"] = Kind.Plain, ["longtext"] = Kind.Plain, ["long"] = Kind.Plain,
        ["long varchar"] = Kind.Plain, ["tinyblob"] = Kind.Plain, ["blob"] = Kind.Sized, ["mediumblob"] = Kind.Plain,
        ["longblob"] = Kind.Plain, ["long varbinary"] = Kind.Plain,
        ["enum"] = Kind.Choice, ["set"] = Kind.Choice, ["json"] = Kind.Plain, ["uuid"] = Kind.Plain,
        ["geometry"] = Kind.Plain, ["point"] = Kind.Plain, ["linestring"] = Kind.Plain, ["polygon"] = Kind.Plain,
        ["multipoint"] = Kind.Plain, ["multilinestring"] = Kind.Plain, ["multipolygon"] = Kind.Plain,
        ["geometrycollection"] = Kind.Plain,
    };

    // MariaDB's own: inet4 since 10.10, inet6 since 10.5 (uuid is portable, written as char(36)).
    private static readonly Dictionary<string, Kind> MariaDbOnly = new(StringComparer.Ordinal)
    {
        ["inet4"] = Kind.Plain, ["inet6"] = Kind.Plain,
    };

    private static readonly HashSet<string> NumericModifiers = new(StringComparer.Ordinal) { "unsigned", "signed", "zerofill" };

    public string? Problem(Column column)
    {
        if (TypeName.Parse(column.Type, out _) is not { } type) return null; // the loader reported it
        // `int unsigned` has no modifiers in parentheses, so its last words are read as part of the name.
        var words = type.Words.Select(w => w.ToLowerInvariant()).ToList();
        var after = type.Suffix.Select(w => w.ToLowerInvariant()).ToList();
        var trailing = type.Arguments is null ? words : after;
        var modifiers = new List<string>();
        while (trailing.Count > (ReferenceEquals(trailing, words) ? 1 : 0) && NumericModifiers.Contains(trailing[^1]))
        {
            modifiers.Insert(0, trailing[^1]);
            trailing.RemoveAt(trailing.Count - 1);
        }
        var name = string.Join(" ", words);
        if (!Common.TryGetValue(name, out var kind) && !(mariaDb && MariaDbOnly.TryGetValue(name, out kind)))
        {
            var known = Common.Keys.Concat(mariaDb ? MariaDbOnly.Keys : []).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var hint = TypeSuggestions.Nearest(type with { Words = [name] }, known) is { } near ? $"; did you mean {near}?" : "";
            return $"unknown type {column.Type} on {Server}{hint}";
        }
        if (type.ArrayDepth > 0) return $"type {column.Type}: {Server} has no array types";
        if (after.Count > 0)
            return $"type {column.Type}: '{string.Join(" ", after)}' cannot follow the type here; only unsigned and zerofill can";
        if (modifiers.Count > 0 && kind is not (Kind.Integer or Kind.Fixed or Kind.Float))
            return $"type {column.Type}: {string.Join(" ", modifiers)} is for numeric types";
        return Modifiers(type, name, kind, column.Type);
    }

    private string Server => mariaDb ? "MariaDB" : "MySQL";

    private string? Modifiers(TypeName type, string name, Kind kind, string written)
    {
        var args = type.Arguments;
        var numbers = type.Numbers;
        string? Range(long value, long min, long max, string what) =>
            value < min || value > max ? $"type {written}: the {what} of {name} is between {min} and {max} on {Server}, not {value}" : null;
        switch (kind)
        {
            case Kind.Choice:
                if (args is null || args.Any(a => !a.Text.StartsWith('\'')))
                    return $"type {written}: {name} lists its values quoted, such as {name}('draft','published')";
                return null;
            case Kind.Text when name is "varchar" or "character varying" or "nvarchar" or "national varchar" && args is null:
                return $"type {written}: {Server} needs a length for {name}, such as {name}(255)";
            case Kind.Binary when name == "varbinary" && args is null:
                return $"type {written}: {Server} needs a length for varbinary, such as varbinary(255)";
        }
        if (args is null) return null;
        if (kind is Kind.Plain or Kind.Choice)
            return $"type {written}: {name} takes no modifiers on {Server}";
        if (numbers is null) return $"type {written}: the modifiers of {name} are whole numbers";
        switch (kind)
        {
            case Kind.Integer:
                return numbers.Count != 1 ? $"type {written}: {name} takes one display width" : Range(numbers[0], 0, 255, "display width");
            case Kind.Fixed:
                if (numbers.Count > 2) return $"type {written}: {name} takes a precision and a scale";
                return Range(numbers[0], 1, 65, "precision") ?? (numbers.Count == 2 ? Range(numbers[1], 0, Math.Min(30, numbers[0]), "scale") : null);
            case Kind.Float:
                if (numbers.Count == 1) return Range(numbers[0], 0, 53, "precision");
                if (numbers.Count > 2) return $"type {written}: {name} takes a precision, or digits and decimals";
                return Range(numbers[0], 1, 255, "number of digits") ?? Range(numbers[1], 0, Math.Min(30, numbers[0]), "number of decimals");
            case Kind.Bit:
                return numbers.Count != 1 ? $"type {written}: bit takes one length" : Range(numbers[0], 1, 64, "length");
            case Kind.Text or Kind.Binary:
                if (numbers.Count != 1) return $"type {written}: {name} takes one length";
                return name.StartsWith("var", StringComparison.Ordinal) || name.Contains("varchar") || name == "character varying"
                    ? Range(numbers[0], 0, 65_535, "length")
                    : Range(numbers[0], 0, 255, "length");
            case Kind.Sized:
                return numbers.Count != 1 ? $"type {written}: {name} takes one length" : Range(numbers[0], 0, 4_294_967_295, "length");
            case Kind.TimeOfDay:
                return numbers.Count != 1 ? $"type {written}: {name} takes one number, the digits of its fractions of a second" : Range(numbers[0], 0, 6, "fractional digits");
            case Kind.Year:
                return numbers is [4] ? null : $"type {written}: year takes no modifier, or (4)";
            default:
                return null;
        }
    }
}
