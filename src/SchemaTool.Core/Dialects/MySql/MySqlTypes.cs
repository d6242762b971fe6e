using System.Text;
using System.Text.RegularExpressions;

namespace SchemaTool.Dialects.MySql;

/// <summary>Maps portable type names to MySQL's and spells every type as information_schema.COLUMNS.COLUMN_TYPE does.</summary>
public static partial class MySqlTypes
{
    /// <summary>The canonical spelling of a type, whether it came from the model or from the catalog.</summary>
    private static readonly Memo<string, string> Canonicals = new(CanonicalOnce);

    public static string Canonical(string type) => Canonicals[type];

    private static string CanonicalOnce(string type)
    {
        var m = TypePattern().Match(type.Trim());
        if (!m.Success) return type.Trim();
        var name = Regex.Replace(m.Groups["name"].Value.Trim().ToLowerInvariant(), @"\s+", " ");
        var args = m.Groups["args"].Success ? CompactArgs(m.Groups["args"].Value) : null;
        var modifiers = string.Join(" ", m.Groups["mods"].Value.ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "signed"));
        var (baseName, baseArgs) = Portable(name, args);
        if (baseArgs is not null && DefaultWidth(baseName, modifiers) == baseArgs) baseArgs = null;
        return baseName + (baseArgs is null ? "" : "(" + baseArgs + ")") + (modifiers.Length > 0 ? " " + modifiers : "");
    }

    /// <summary>
    /// The display width an integer type has when none is given, as MariaDB reports it (int(11), int(10) unsigned);
    /// a type with that width is written without it. tinyint(1) is the boolean and keeps it.
    /// </summary>
    private static string? DefaultWidth(string name, string modifiers)
    {
        var unsigned = modifiers.Contains("unsigned") || modifiers.Contains("zerofill");
        return name switch
        {
            "tinyint" => unsigned ? "3" : "4",
            "smallint" => unsigned ? "5" : "6",
            "mediumint" => unsigned ? "8" : "9",
            "int" => unsigned ? "10" : "11",
            "bigint" => "20",
            _ => null,
        };
    }

    /// <summary>
    /// The type with an integer's display width left out (but tinyint(1), the boolean, and a zerofill width, which
    /// shows in the values): cosmetic, and MySQL 8.0.19 reports none, so a model's int(2) is no change there.
    /// </summary>
    public static string WithoutDisplayWidth(string canonicalType)
    {
        var name = BaseName(canonicalType);
        if (name is not ("tinyint" or "smallint" or "mediumint" or "int" or "bigint") || canonicalType.Length == name.Length
            || canonicalType[name.Length] != '(' || canonicalType.StartsWith("tinyint(1)", StringComparison.Ordinal)
            || canonicalType.Contains("zerofill", StringComparison.Ordinal)) return canonicalType;
        return name + canonicalType[(canonicalType.IndexOf(')') + 1)..];
    }

    private static (string Name, string? Args) Portable(string name, string? args) => (name, args) switch
    {
        ("boolean" or "bool", _) => ("tinyint", "1"),
        // A display width is kept as written (int(2)), but the one the type has anyway (int(11)) is left out:
        // MariaDB reports int(11) for int, where MySQL 8 reports int. The differ compares without widths.
        ("integer", _) => ("int", args),
        ("varchar" or "character varying", _) => ("varchar", args),
        ("char" or "character", null) => ("char", "1"),
        ("char" or "character", _) => ("char", args),
        ("decimal" or "numeric" or "dec" or "fixed", null) => ("decimal", "10,0"),
        ("decimal" or "numeric" or "dec" or "fixed", _) => ("decimal", args.Contains(',') ? args : args + ",0"),
        // Portable real is single precision (PostgreSQL's float4); MySQL's own REAL would be a double.
        ("real", _) => ("float", null),
        ("double" or "double precision" or "float8", _) => ("double", args),
        // Portable timestamp has no time zone: MySQL's DATETIME. MySQL's TIMESTAMP converts to and from UTC, so
        // it is the portable timestamptz, and is spelled so in canonical form (Normalize must be idempotent).
        ("timestamp", _) => ("datetime", args),
        ("uuid", _) => ("char", "36"),
        ("binary" or "bytea", null) => ("longblob", null),
        _ => (name, args),
    };

    /// <summary>The canonical form of a COLUMN_TYPE read from the catalog.</summary>
    public static string FromCatalog(string columnType)
    {
        var type = columnType.Trim();
        return Canonical(BaseName(type.ToLowerInvariant()) == "timestamp" ? "timestamptz" + type["timestamp".Length..] : type);
    }

    /// <summary>The type as MySQL spells it in DDL.</summary>
    public static string ToSql(string canonicalType) =>
        BaseName(canonicalType) == "timestamptz" ? "timestamp" + canonicalType["timestamptz".Length..] : canonicalType;

    /// <summary>Numeric types, whose defaults the catalog prints as numbers.</summary>
    public static bool IsNumeric(string canonicalType)
    {
        var name = BaseName(canonicalType);
        return name is "tinyint" or "smallint" or "mediumint" or "int" or "bigint" or "decimal" or "float" or "double" or "bit";
    }

    /// <summary>Character types, which have a character set and collation (json's is fixed: utf8mb4_bin).</summary>
    public static bool HasCollation(string type) =>
        BaseName(Canonical(type)) is "char" or "varchar" or "tinytext" or "text" or "mediumtext" or "longtext" or "enum" or "set";

    /// <summary>Types an index can use only through a prefix length (text, blob and their sizes).</summary>
    public static bool NeedsPrefixLength(string canonicalType) =>
        BaseName(canonicalType) is "text" or "tinytext" or "mediumtext" or "longtext" or "blob" or "tinyblob" or "mediumblob" or "longblob" or "json";

    public static string BaseName(string canonicalType)
    {
        var end = canonicalType.AsSpan().IndexOfAny('(', ' ');
        return end < 0 ? canonicalType : canonicalType[..end];
    }

    /// <summary>enum('a', 'b') and decimal(10, 2) are printed without spaces after commas outside quotes.</summary>
    private static string CompactArgs(string args)
    {
        var text = new StringBuilder();
        var quoted = false;
        foreach (var c in args.Trim())
        {
            if (c == '\'') quoted = !quoted;
            if (!quoted && char.IsWhiteSpace(c)) continue;
            text.Append(c);
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9_ ]*?)\s*(?:\((?<args>.*)\))?(?<mods>(?:\s+(?:unsigned|signed|zerofill))*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TypePattern();
}
