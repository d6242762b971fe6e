using System.Text.RegularExpressions;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// Type names in the spelling <c>format_type</c> prints (integer, character varying(64), timestamp(3) without
/// time zone, integer[]), so that a model's <c>int</c> or <c>varchar(64)</c> compares equal to the catalog.
/// </summary>
public static partial class PostgresTypes
{
    public const string Serial = "serial";
    public const string BigSerial = "bigserial";
    public const string SmallSerial = "smallserial";

    private static readonly Memo<string, string> Canonicals = new(CanonicalOnce);

    public static string Canonical(string type) => Canonicals[type];

    private static string CanonicalOnce(string type)
    {
        var text = Spaces().Replace(type.Trim(), " ");
        var arraySuffix = "";
        while (text.EndsWith("[]", StringComparison.Ordinal))
        {
            arraySuffix += "[]";
            text = text[..^2].TrimEnd();
        }
        var bounded = ArrayBound().Match(text);
        if (bounded.Success)
        {
            // integer[3] is stored as integer[]: PostgreSQL ignores array bounds.
            text = bounded.Groups[1].Value.TrimEnd();
            arraySuffix += "[]";
        }
        return CanonicalScalar(text) + arraySuffix;
    }

    private static string CanonicalScalar(string text)
    {
        if (text.StartsWith('"')) return text;
        var m = NameAndArgs().Match(text);
        if (!m.Success) return text.ToLowerInvariant();
        var name = Spaces().Replace(m.Groups[1].Value.Trim().ToLowerInvariant(), " ");
        var args = m.Groups[2].Success ? Regex.Replace(m.Groups[2].Value, @"\s", "") : null;
        var suffix = m.Groups[3].Value.Trim().ToLowerInvariant();
        var withArgs = args is null ? "" : $"({args})";

        switch (name)
        {
            case "int" or "integer" or "int4": return "integer";
            case "smallint" or "int2": return "smallint";
            case "bigint" or "int8": return "bigint";
            case "serial" or "serial4": return Serial;
            case "bigserial" or "serial8": return BigSerial;
            case "smallserial" or "serial2": return SmallSerial;
            case "bool" or "boolean": return "boolean";
            case "real" or "float4": return "real";
            case "double" or "double precision" or "float8": return "double precision";
            case "float":
                return args is null || int.Parse(args, System.Globalization.CultureInfo.InvariantCulture) > 24 ? "double precision" : "real";
            case "varchar" or "character varying": return "character varying" + withArgs;
            case "char" or "character" or "bpchar": return "character" + (withArgs.Length > 0 ? withArgs : name == "bpchar" ? "" : "(1)");
            case "decimal" or "numeric":
                return "numeric" + (args is not null && !args.Contains(',') ? $"({args},0)" : withArgs);
            case "binary" or "bytea": return "bytea";
            case "timestamptz": return $"timestamp{withArgs} with time zone";
            case "timetz": return $"time{withArgs} with time zone";
            case "timestamp" or "time":
                return $"{name}{withArgs} " + (suffix is "with time zone" ? "with time zone" : "without time zone");
            case "varbit" or "bit varying": return "bit varying" + withArgs;
            case "bit": return "bit" + (withArgs.Length > 0 ? withArgs : "(1)");
            default: return name + withArgs + (suffix.Length > 0 ? " " + suffix : "");
        }
    }

    /// <summary>The integer type behind a serial pseudo-type, or null when the type is not serial.</summary>
    public static string? SerialBase(string canonicalType) => canonicalType switch
    {
        Serial => "integer",
        BigSerial => "bigint",
        SmallSerial => "smallint",
        _ => null,
    };

    public static string SerialOf(string integerType) => integerType switch
    {
        "bigint" => BigSerial,
        "smallint" => SmallSerial,
        _ => Serial,
    };

    public static bool IsInteger(string canonicalType) =>
        canonicalType is "integer" or "smallint" or "bigint" || SerialBase(canonicalType) is not null;

    public static bool IsNumeric(string canonicalType) =>
        IsInteger(canonicalType) || canonicalType is "real" or "double precision" || canonicalType.StartsWith("numeric", StringComparison.Ordinal);

    public static bool IsBoolean(string canonicalType) => canonicalType == "boolean";

    /// <summary>
    /// Types between which PostgreSQL has an implicit or assignment cast, so ALTER COLUMN TYPE needs no USING.
    /// An explicit USING cast would silently truncate a narrowed varchar instead of failing, so it is avoided there.
    /// </summary>
    public static string Family(string canonicalType)
    {
        if (canonicalType.EndsWith("[]", StringComparison.Ordinal)) return "array:" + Family(canonicalType[..^2]);
        if (IsNumeric(canonicalType)) return "number";
        if (canonicalType == "text" || canonicalType.StartsWith("character", StringComparison.Ordinal)) return "text";
        if (canonicalType == "date" || canonicalType.StartsWith("timestamp", StringComparison.Ordinal)) return "datetime";
        if (canonicalType.StartsWith("time", StringComparison.Ordinal)) return "time";
        if (canonicalType.StartsWith("bit", StringComparison.Ordinal)) return "bit";
        return canonicalType;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(.*?)\s*\[\s*\d*\s*\]$")]
    private static partial Regex ArrayBound();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_ ]*?)\s*(?:\(([^)]*)\))?\s*((?:with|without)\s+time\s+zone)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NameAndArgs();
}
