using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// SQLite takes any type name and gives the column an affinity from the letters in it: `string` has none of
/// INT, CHAR, TEXT, BLOB, REAL, FLOA, DOUB, so it gets NUMERIC, and '007' is stored as 7. Only the spellings
/// whose affinity is what their name says are accepted, and the portable names.
/// </summary>
public sealed class SqliteTypeCatalog : ITypeCatalog
{
    public static SqliteTypeCatalog Instance { get; } = new();

    /// <summary>Each accepted spelling with the affinity SQLite gives it (sqlite.org/datatype3.html, 3.1).</summary>
    public static IReadOnlyDictionary<string, string> Affinities { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["int"] = "INTEGER", ["integer"] = "INTEGER", ["tinyint"] = "INTEGER", ["smallint"] = "INTEGER", ["mediumint"] = "INTEGER",
        ["bigint"] = "INTEGER", ["int2"] = "INTEGER", ["int8"] = "INTEGER", ["unsigned big int"] = "INTEGER",
        ["text"] = "TEXT", ["varchar"] = "TEXT", ["char"] = "TEXT", ["character"] = "TEXT", ["character varying"] = "TEXT",
        ["nchar"] = "TEXT", ["nvarchar"] = "TEXT", ["native character"] = "TEXT", ["varying character"] = "TEXT", ["clob"] = "TEXT",
        ["blob"] = "BLOB", ["binary"] = "BLOB",
        ["real"] = "REAL", ["double"] = "REAL", ["double precision"] = "REAL", ["float"] = "REAL",
        ["numeric"] = "NUMERIC", ["decimal"] = "NUMERIC", ["boolean"] = "NUMERIC", ["bool"] = "NUMERIC", ["date"] = "NUMERIC",
        ["datetime"] = "NUMERIC", ["time"] = "NUMERIC", ["timestamp"] = "NUMERIC", ["timestamptz"] = "NUMERIC",
        ["uuid"] = "NUMERIC", ["json"] = "NUMERIC",
    };

    private static readonly HashSet<string> Known = new(Affinities.Keys, StringComparer.OrdinalIgnoreCase);

    public string? Problem(Column column)
    {
        // A declared type is SQLite's own text, taken as written: inspect writes one where this list would not know it.
        if (column.DeclaredType) return null;
        if (TypeName.Parse(column.Type, out _) is not { } type) return null; // the loader reported it
        var name = type.Name;
        if (!Affinities.TryGetValue(name, out var affinity) || type.Suffix.Count > 0 || type.ArrayDepth > 0)
        {
            var hint = TypeSuggestions.Nearest(type, Known) is { } near ? $"; did you mean {near}?" : "";
            return $"unknown type {column.Type}: SQLite would store it with {Guess(column.Type)} affinity{hint} " +
                   "(the portable types are smallint, int, bigint, boolean, varchar(n), char(n), text, decimal(p,s), real, double, date, time, timestamp, timestamptz, uuid, json, binary)";
        }
        if (type.Arguments is { } args && (args.Count > 2 || type.Numbers is null))
            return $"type {column.Type}: SQLite takes one or two whole numbers in parentheses, such as varchar(64) or decimal(10,2)";
        if (column.AutoIncrement && affinity != "INTEGER")
            return $"auto_increment needs an integer type (int or bigint), not {column.Type}: SQLite would make the column INTEGER";
        return null;
    }

    /// <summary>The affinity SQLite derives from a declared type, by its rules in order.</summary>
    public static string Guess(string declared)
    {
        var upper = declared.ToUpperInvariant();
        if (upper.Contains("INT", StringComparison.Ordinal)) return "INTEGER";
        if (upper.Contains("CHAR", StringComparison.Ordinal) || upper.Contains("CLOB", StringComparison.Ordinal) || upper.Contains("TEXT", StringComparison.Ordinal)) return "TEXT";
        if (upper.Contains("BLOB", StringComparison.Ordinal) || upper.Length == 0) return "BLOB";
        if (upper.Contains("REAL", StringComparison.Ordinal) || upper.Contains("FLOA", StringComparison.Ordinal) || upper.Contains("DOUB", StringComparison.Ordinal)) return "REAL";
        return "NUMERIC";
    }
}
