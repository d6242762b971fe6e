namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// How ALTER COLUMN TYPE converts the values when the two types are of different families. PostgreSQL has no cast
/// from one enum type to another (nor between two other types the user made): the values go through their text,
/// which every type reads and prints. Between built-in types the direct cast is kept: through text, true would not
/// become 1.
/// </summary>
internal static class PostgresTypeCasts
{
    // The base types of pg_catalog in format_type's spelling (PostgresTypes.Canonical), without arguments.
    private static readonly HashSet<string> BuiltIn = new(StringComparer.Ordinal)
    {
        "smallint", "integer", "bigint", "real", "double precision", "numeric", "money", "boolean", "bytea", "text",
        "character", "character varying", "\"char\"", "name", "date", "time without time zone", "time with time zone",
        "timestamp without time zone", "timestamp with time zone", "interval", "bit", "bit varying", "uuid", "json",
        "jsonb", "jsonpath", "xml", "inet", "cidr", "macaddr", "macaddr8", "point", "line", "lseg", "box", "path",
        "polygon", "circle", "tsvector", "tsquery", "pg_lsn", "pg_snapshot", "txid_snapshot", "oid", "regclass",
        "regtype", "regproc", "regprocedure", "regoper", "regoperator", "regconfig", "regdictionary", "regnamespace",
        "regrole", "regcollation", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
        "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
        "serial", "bigserial", "smallserial",
    };

    /// <summary>The USING expression for <paramref name="column"/> from one type to the other (both canonical).</summary>
    public static string Using(string column, string fromType, string toType) =>
        !IsBuiltIn(fromType) && !IsBuiltIn(toType) ? $"{column}::text::{toType}" : $"{column}::{toType}";

    /// <summary>Whether the values of the change go through their text, so that a default must be dropped and set again around it.</summary>
    public static bool ThroughText(string fromType, string toType) => !IsBuiltIn(fromType) && !IsBuiltIn(toType);

    private static bool IsBuiltIn(string canonicalType)
    {
        var type = canonicalType;
        while (type.EndsWith("[]", StringComparison.Ordinal)) type = type[..^2];
        var args = type.IndexOf('(');
        if (args >= 0)
        {
            var close = type.IndexOf(')', args);
            type = (type[..args] + (close >= 0 ? type[(close + 1)..] : "")).Trim();
        }
        return BuiltIn.Contains(type);
    }
}
