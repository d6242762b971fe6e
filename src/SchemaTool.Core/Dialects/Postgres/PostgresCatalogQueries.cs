namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The catalog queries, one per object kind, each for the whole schema ($1) at once: their number does not
/// grow with the number of tables. Names are read, never OIDs, so two databases holding the same schema compare equal.
/// </summary>
/// <remarks>
/// Comments come from joins to pg_description, not from obj_description/col_description, and the printing
/// functions (pg_get_constraintdef, pg_get_indexdef) are called only for the rows that need them: per row,
/// those functions run a catalog lookup each and made up most of the server's time (bench/RESULTS.md).
/// </remarks>
internal static class PostgresCatalogQueries
{
    private const string ManagedTable =
        "n.nspname = $1 AND c.relkind = 'r' AND NOT c.relispartition AND c.relname NOT IN ('schematool_history', 'schematool_lock')";

    public const string Tables = $"""
        SELECT c.relname::text, ds.description
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        WHERE {ManagedTable}
        ORDER BY c.relname
        """;

    // A serial column is an integer whose default is nextval() of a sequence the column owns: the last field
    // says it owns one (what pg_get_serial_sequence looks up, per row), the reader checks the default.
    public const string Columns = $"""
        SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid, true), a.attidentity::text, a.attgenerated::text,
               CASE WHEN a.attcollation <> t.typcollation THEN co.collname::text END,
               ds.description, owned.refobjid IS NOT NULL
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum
        LEFT JOIN (SELECT DISTINCT dep.refobjid, dep.refobjsubid
                   FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
                   WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
                  ) owned ON owned.refobjid = a.attrelid AND owned.refobjsubid = a.attnum
        WHERE {ManagedTable} AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY c.relname, a.attnum
        """;

    public const string Constraints = $"""
        SELECT c.relname::text, con.conname::text, con.contype::text,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
               rc.relname::text,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord),
               con.confdeltype::text, con.confupdtype::text, con.condeferrable, con.condeferred,
               CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END,
               CASE WHEN con.contype = 'u' THEN ds.description END
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class rc ON rc.oid = con.confrelid
        LEFT JOIN pg_description ds ON ds.objoid = con.conindid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        WHERE {ManagedTable} AND con.contype IN ('p', 'u', 'f', 'c')
        ORDER BY c.relname, con.conname
        """;

    // One row per key part. Indexes behind primary key, unique and exclusion constraints come with the
    // constraints (conindid of a foreign key points at the referenced table's index, hence the contype filter).
    // The default operator class and the column's own collation are left out: the model omits them too.
    public const string IndexParts = $"""
        SELECT c.relname::text, ic.relname::text, am.amname::text, i.indisunique,
               pg_get_expr(i.indpred, i.indrelid, true), ds.description, k.ord::int,
               CASE WHEN i.indkey[k.ord - 1] <> 0 THEN a.attname::text END,
               CASE WHEN i.indkey[k.ord - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) END,
               (i.indoption[k.ord - 1] & 1) = 1,
               CASE WHEN NOT opc.opcdefault THEN opc.opcname::text END,
               CASE WHEN i.indcollation[k.ord - 1] <> 0 AND coll.collname <> 'default'
                         AND i.indcollation[k.ord - 1] IS DISTINCT FROM a.attcollation THEN coll.collname::text END
        FROM pg_index i
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_class c ON c.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_am am ON am.oid = ic.relam
        CROSS JOIN LATERAL generate_series(1, i.indnkeyatts::int) AS k(ord)
        LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.ord - 1]
        LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k.ord - 1]
        LEFT JOIN pg_collation coll ON coll.oid = i.indcollation[k.ord - 1]
        LEFT JOIN pg_description ds ON ds.objoid = i.indexrelid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        WHERE {ManagedTable}
          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
        ORDER BY c.relname, ic.relname, k.ord
        """;

    // What the model cannot express yet, named so that plan can say it is left alone. Objects that belong to
    // an extension (deptype 'e') and sequences owned by serial or identity columns (deptype 'a' or 'i') are not listed.
    public const string Unmanaged = """
        SELECT kind, name, tbl FROM (
          SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                                WHEN 'p' THEN 'partitioned table' WHEN 'f' THEN 'foreign table' ELSE 'partition' END AS kind,
                 c.relname::text AS name, NULL::text AS tbl
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1
            AND (c.relkind IN ('v', 'm', 'p', 'f') OR c.relkind = 'r' AND c.relispartition
                 OR c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                                    AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
          UNION ALL
          SELECT CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' ELSE 'composite type' END,
                 t.typname::text, NULL
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = $1
            AND (t.typtype IN ('e', 'd', 'r') OR t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
          UNION ALL
          SELECT 'trigger', tg.tgname::text, c.relname::text
          FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND NOT tg.tgisinternal
          UNION ALL
          SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END, p.proname::text, NULL
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE n.nspname = $1
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
          UNION ALL
          SELECT 'exclusion constraint', con.conname::text, c.relname::text
          FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND con.contype = 'x'
        ) u
        ORDER BY kind, name, tbl
        """;

    public static readonly string[] All = [Tables, Columns, Constraints, IndexParts, Unmanaged];
}
