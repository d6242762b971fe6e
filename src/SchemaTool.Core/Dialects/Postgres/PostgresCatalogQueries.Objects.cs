namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The queries of the objects beyond tables that PostgreSQL models: views and materialized views (their indexes come
/// with the index parts), read after the tables' queries in the same batch. Each row carries what the object uses,
/// from pg_depend (<see cref="DependsOn"/>).
/// </summary>
internal sealed partial class PostgresCatalogQueries
{
    private const int ObjectQueryCount = 1;

    // A materialized view of the schema, whose indexes the index parts query reads with the tables'.
    private const string MaterializedView = "n.nspname = $1 AND c.relkind = 'm'";

    private static string[] ObjectQueries(int major) => [ViewsQuery];

    public string Views => ViewsQuery;

    /// <summary>
    /// What one object uses, as "kind\x1Fname[\x1Fcolumn]" (kind r: a table or view, s: a sequence, f: a routine,
    /// t: a type), from its pg_depend rows (<paramref name="classId"/>, <paramref name="objectId"/>) other than
    /// <paramref name="self"/>: names outside the schema are qualified, the server's own (pg_catalog) are left out.
    /// A view's rule depends on each column it reads (refobjsubid), not always on the relation as a whole.
    /// </summary>
    private static string DependsOn(string classId, string objectId, string self) => $"""
        ARRAY(SELECT DISTINCT CASE WHEN rc.relkind = 'S' THEN 's' WHEN rc.oid IS NOT NULL THEN 'r' WHEN rp.oid IS NOT NULL THEN 'f' ELSE 't' END
                       || chr(31) || CASE WHEN rn.nspname = $1 THEN '' ELSE rn.nspname || '.' END
                       || coalesce(rc.relname, rp.proname, rt.typname)::text || coalesce(chr(31) || ra.attname::text, '')
              FROM pg_depend dp
              LEFT JOIN pg_class rc ON dp.refclassid = 'pg_class'::regclass AND rc.oid = dp.refobjid
              LEFT JOIN pg_proc rp ON dp.refclassid = 'pg_proc'::regclass AND rp.oid = dp.refobjid
              LEFT JOIN pg_type rt ON dp.refclassid = 'pg_type'::regclass AND rt.oid = dp.refobjid
              JOIN pg_namespace rn ON rn.oid = coalesce(rc.relnamespace, rp.pronamespace, rt.typnamespace)
              LEFT JOIN pg_attribute ra ON ra.attrelid = rc.oid AND ra.attnum = dp.refobjsubid AND dp.refobjsubid > 0
              WHERE dp.classid = '{classId}'::regclass AND dp.objid = {objectId} AND dp.refobjid <> {self} AND dp.deptype = 'n'
                AND rn.nspname <> 'pg_catalog')
        """;

    // pg_get_viewdef prints names visible on the search_path unqualified: the session's is the schema alone, and the
    // scratch schema's canonical form is read the same way (PostgresSession.Canonical). The output columns say
    // whether CREATE OR REPLACE VIEW can replace the query in place.
    private static readonly string ViewsQuery = $"""
        SELECT c.relname::text, c.relkind = 'm', pg_get_viewdef(c.oid, true), ds.description,
               ARRAY(SELECT a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),
               {DependsOn("pg_rewrite", "rw.oid", "c.oid")}
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_rewrite rw ON rw.ev_class = c.oid AND rw.rulename = '_RETURN'
        LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        WHERE n.nspname = $1 AND c.relkind IN ('v', 'm')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        ORDER BY c.relname
        """;
}
