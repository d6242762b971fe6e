namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The catalog queries of the objects tables use (sequences, enum types, domains, extensions, schemas, composite
/// types), sent in the
/// same batch as the tables' (<see cref="PostgresCatalogQueries"/>), each for the whole schema ($1) at once. An
/// object that belongs to an extension (pg_depend deptype 'e') is the extension's: it is never read as the user's.
/// </summary>
internal static class PostgresTypeQueries
{
    // A type whose names hold no dot: the first dot of a model name separates the schema.
    private const string Undotted = "strpos(n.nspname || t.typname, '.') = 0";

    private static string NotFromExtension(string catalog, string oid) =>
        $"NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '{catalog}'::regclass AND e.objid = {oid} AND e.deptype = 'e')";

    // A sequence of its own: not an identity's (deptype 'i'), and not a serial's (owned by the one column whose
    // default alone uses it: that is the column's auto_increment). Its owner is the column of an OWNED BY.
    public static readonly string Sequences = $"""
        SELECT {PostgresCatalogQueries.Q("c.relname::text")}, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
               own.relname::text, own.attname::text, ds.description
        FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        LEFT JOIN LATERAL (
            SELECT CASE WHEN tn.nspname = $1 THEN t.relname::text ELSE tn.nspname || '.' || t.relname END AS relname, a.attname, ad.oid AS default_oid
            FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            LEFT JOIN pg_attrdef ad ON ad.adrelid = d.refobjid AND ad.adnum = d.refobjsubid
            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
            LIMIT 1) own ON true
        WHERE {PostgresCatalogQueries.InScope} AND strpos(n.nspname || c.relname, '.') = 0
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
          AND {NotFromExtension("pg_class", "c.oid")}
          AND NOT (own.default_oid IS NOT NULL
                   AND (SELECT array_agg(u.objid) FROM pg_depend u WHERE u.classid = 'pg_attrdef'::regclass
                          AND u.refclassid = 'pg_class'::regclass AND u.refobjid = c.oid) = ARRAY[own.default_oid])
        ORDER BY 1
        """;

    // Every extension of the database but plpgsql, which every database has; its schema when that is not $1.
    public const string Extensions = """
        SELECT e.extname::text, e.extversion, CASE WHEN n.nspname <> $1 THEN n.nspname::text END
        FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname <> 'plpgsql'
        ORDER BY e.extname
        """;

    // One row per value, in the type's order; a type without values has one row with a null value.
    public static readonly string Enums = $"""
        SELECT {PostgresCatalogQueries.Q("t.typname::text")}, e.enumlabel::text, ds.description
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_enum e ON e.enumtypid = t.oid
        LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0
        WHERE {PostgresCatalogQueries.InScope} AND t.typtype = 'e' AND {NotFromExtension("pg_type", "t.oid")} AND {Undotted}
        ORDER BY 1, e.enumsortorder
        """;

    // A domain with its base type, NOT NULL, default, collation when not the base type's, and checks by name.
    public static readonly string Domains = $"""
        SELECT {PostgresCatalogQueries.Q("t.typname::text")}, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
               CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN co.collname::text END, ds.description,
               ARRAY(SELECT con.conname::text FROM pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname),
               ARRAY(SELECT pg_get_constraintdef(con.oid, true) FROM pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c' ORDER BY con.conname)
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type bt ON bt.oid = t.typbasetype
        LEFT JOIN pg_collation co ON co.oid = t.typcollation
        LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0
        WHERE {PostgresCatalogQueries.InScope} AND t.typtype = 'd' AND {NotFromExtension("pg_type", "t.oid")} AND {Undotted}
        ORDER BY 1
        """;

    // One row per attribute of a free-standing composite type (not a table's row type), in order, with its collation
    // where not its type's; a type without attributes has one row with a null attribute.
    public static readonly string Composites = $"""
        SELECT {PostgresCatalogQueries.Q("t.typname::text")}, a.attname::text, format_type(a.atttypid, a.atttypmod),
               CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN co.collname::text END, ds.description
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
        LEFT JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN pg_type at ON at.oid = a.atttypid
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0
        WHERE {PostgresCatalogQueries.InScope} AND t.typtype = 'c' AND {NotFromExtension("pg_type", "t.oid")} AND {Undotted}
        ORDER BY 1, a.attnum
        """;

    // The user's other schemas: not $1, not public (every database has it), not the server's, not an extension's.
    public static readonly string Namespaces = $"""
        SELECT n.nspname::text, ds.description
        FROM pg_namespace n
        LEFT JOIN pg_description ds ON ds.objoid = n.oid AND ds.classoid = 'pg_namespace'::regclass AND ds.objsubid = 0
        WHERE n.nspname <> $1 AND n.nspname <> 'public' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%' AND {NotFromExtension("pg_namespace", "n.oid")}
        ORDER BY n.nspname
        """;

    /// <summary>The queries in the order <see cref="PostgresIntrospector"/> reads their results.</summary>
    public static readonly string[] All = [Sequences, Extensions, Enums, Domains, Namespaces, Composites];
}
