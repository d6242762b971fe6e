using Npgsql;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The types of one PostgreSQL database, read from pg_type in one query (extension, enum, domain and other user
/// types included), and the SQL-standard spellings its grammar reads besides them (integer, character varying,
/// timestamp with time zone...). Modifiers are checked for the built-in types that take them.
/// </summary>
public sealed class PostgresTypeCatalog : ITypeCatalog
{
    // Base, enum, domain, range and multirange types and free-standing composite types; not pseudo-types (which
    // no column can have), array types (written name[]), or the row types of tables.
    public const string Query = """
        SELECT n.nspname::text, t.typname::text, pg_type_is_visible(t.oid), t.typmodin <> 0
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typisdefined AND t.typtype <> 'p' AND t.typcategory <> 'A'
          AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
        """;

    /// <summary>The grammar's own spellings and the portable names, each with whether it takes modifiers.</summary>
    private static readonly Dictionary<string, bool> Standard = new(StringComparer.Ordinal)
    {
        ["int"] = false, ["integer"] = false, ["smallint"] = false, ["bigint"] = false, ["real"] = false,
        ["double precision"] = false, ["double"] = false, ["float"] = true, ["decimal"] = true, ["dec"] = true,
        ["numeric"] = true, ["boolean"] = false, ["character"] = true, ["char"] = true, ["character varying"] = true,
        ["varchar"] = true, ["national character"] = true, ["national character varying"] = true, ["nchar"] = true,
        ["bit"] = true, ["bit varying"] = true, ["time"] = true, ["timestamp"] = true, ["interval"] = true,
        ["binary"] = false, ["serial"] = false, ["serial4"] = false, ["bigserial"] = false, ["serial8"] = false,
        ["smallserial"] = false, ["serial2"] = false,
    };

    private static readonly HashSet<string> IntervalFields = new(StringComparer.Ordinal) { "year", "month", "day", "hour", "minute", "second", "to" };

    private readonly Dictionary<string, bool> _visible = new(StringComparer.Ordinal);
    private readonly HashSet<string> _qualified = new(StringComparer.Ordinal);

    private PostgresTypeCatalog()
    {
    }

    public static async Task<PostgresTypeCatalog> ReadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var catalog = new PostgresTypeCatalog();
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (schema, name, visible, modifiers) = (reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3));
            if (visible) catalog._visible.TryAdd(name, modifiers);
            catalog._qualified.Add(schema + "." + name);
        }
        return catalog;
    }

    public string? Problem(Column column)
    {
        if (TypeName.Parse(column.Type, out _) is not { } type) return null; // the loader reported it
        var words = type.Words.ToList();
        var suffix = type.Suffix.Select(w => w.ToLowerInvariant()).ToList();
        var lower = words.Select(w => w.ToLowerInvariant()).ToList();
        var name = string.Join(" ", lower);
        // timestamp with time zone, time(3) without time zone, interval day to second
        var zone = TrailingZone(type.Arguments is null ? lower : suffix);
        if (zone > 0 && type.Arguments is null) name = string.Join(" ", lower.Take(lower.Count - zone));
        if (zone > 0 && name is not ("time" or "timestamp"))
            return $"type {column.Type}: only time and timestamp take `with time zone`";
        if (lower[0] == "interval")
        {
            name = "interval";
            if (lower.Skip(1).Concat(suffix).Any(w => !IntervalFields.Contains(w)))
                return $"type {column.Type}: interval takes the fields year, month, day, hour, minute and second (interval day to second)";
        }
        else if (suffix.Count > zone)
            return $"type {column.Type}: '{string.Join(" ", suffix)}' cannot follow the type";

        if (!TryFind(words, name, out var takesModifiers))
        {
            var hint = TypeSuggestions.Nearest(type with { Words = [name] }, Standard.Keys.Concat(_visible.Keys).Where(Suggestible)) is { } near
                ? $"; did you mean {near}?" : "";
            return $"unknown type {column.Type}: this database has no such type{hint} (an extension's type needs CREATE EXTENSION first)";
        }
        if (type.Arguments is null) return null;
        if (!takesModifiers) return $"type {column.Type}: {name} takes no modifiers in parentheses";
        return Modifiers(type, name, column.Type);
    }

    private bool TryFind(List<string> words, string name, out bool takesModifiers)
    {
        takesModifiers = false;
        if (Standard.TryGetValue(name, out takesModifiers)) return true;
        if (words.Count != 1) return false;
        var word = words[0];
        if (word.Contains('.'))
            return _qualified.Contains(Unquote(word)) && (takesModifiers = true);
        return _visible.TryGetValue(Unquote(word), out takesModifiers);
    }

    /// <summary>An identifier as the catalog stores it: quoted parts as written, the rest folded to lower case.</summary>
    private static string Unquote(string word) =>
        string.Join(".", word.Split('.').Select(p => p.StartsWith('"') ? p[1..^1].Replace("\"\"", "\"") : p.ToLowerInvariant()));

    /// <summary>How many of the last words are `with time zone` or `without time zone` (3), else 0.</summary>
    private static int TrailingZone(List<string> words) =>
        words.Count >= 3 && words[^2] == "time" && words[^1] == "zone" && words[^3] is "with" or "without" ? 3 : 0;

    private static bool Suggestible(string name) => !name.StartsWith('_') && !name.StartsWith("pg_", StringComparison.Ordinal);

    private static string? Modifiers(TypeName type, string name, string written)
    {
        var numbers = type.Numbers;
        string? Range(long value, long min, long max, string what) =>
            value < min || value > max ? $"type {written}: the {what} of {name} is between {min} and {max}, not {value}" : null;
        switch (name)
        {
            case "character" or "char" or "character varying" or "varchar" or "national character" or "national character varying" or "nchar" or "bpchar":
                return numbers is [var length] ? Range(length, 1, 10_485_760, "length") : $"type {written}: {name} takes one length";
            case "bit" or "bit varying" or "varbit":
                return numbers is [var bits] ? Range(bits, 1, 83_886_080, "length") : $"type {written}: {name} takes one length";
            case "time" or "timestamp" or "timetz" or "timestamptz" or "interval":
                return numbers is [var digits] ? Range(digits, 0, 6, "fractional digits") : $"type {written}: {name} takes one number, the digits of its fractions of a second";
            case "float":
                return numbers is [var precision] ? Range(precision, 1, 53, "precision") : $"type {written}: float takes one precision";
            case "numeric" or "decimal" or "dec":
                if (numbers is null || numbers.Count > 2) return $"type {written}: {name} takes a precision and a scale";
                return Range(numbers[0], 1, 1000, "precision");
            default:
                return null; // an extension's modifiers (geometry(Point,4326)): its own input function checks them
        }
    }
}
