namespace SchemaTool.Dialects.Postgres;

internal sealed partial class PostgresCatalogQueries
{
    // One row per element of each exclusion constraint of a managed table: its index part, read as IndexPartsQuery
    // reads an index's, and the operator it compares with (conexclop, one per key column). A constraint with INCLUDE
    // columns is named and left alone instead (UnmanagedQuery).
    private static readonly string ExclusionsQuery = $"""
        SELECT {Q("c.relname::text")}, con.conname::text, am.amname::text, pg_get_expr(i.indpred, i.indrelid, true), ds.description,
               CASE WHEN i.indkey[k.ord - 1] <> 0 THEN a.attname::text END,
               CASE WHEN i.indkey[k.ord - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) END,
               (i.indoption[k.ord - 1] & 1) = 1,
               CASE WHEN NOT opc.opcdefault THEN opc.opcname::text END,
               CASE WHEN i.indcollation[k.ord - 1] <> 0 AND coll.collname <> 'default'
                         AND i.indcollation[k.ord - 1] IS DISTINCT FROM a.attcollation THEN coll.collname::text END,
               (i.indoption[k.ord - 1] & 2) = 2,
               op.oprname::text, con.condeferrable, con.condeferred
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_index i ON i.indexrelid = con.conindid
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_am am ON am.oid = ic.relam
        CROSS JOIN LATERAL generate_series(1, i.indnkeyatts::int) AS k(ord)
        JOIN pg_operator op ON op.oid = con.conexclop[k.ord]
        LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.ord - 1]
        LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k.ord - 1]
        LEFT JOIN pg_collation coll ON coll.oid = i.indcollation[k.ord - 1]
        LEFT JOIN pg_description ds ON ds.objoid = con.oid AND ds.classoid = 'pg_constraint'::regclass AND ds.objsubid = 0
        WHERE {ManagedTable} AND con.contype = 'x' AND con.conparentid = 0 AND i.indnatts = i.indnkeyatts
        ORDER BY 1, con.conname, k.ord
        """;

    public string Exclusions => ExclusionsQuery;
}
