namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The queries of the objects beyond tables that PostgreSQL models: views and materialized views (their indexes come
/// with the index parts), functions and procedures, triggers; read after the tables' queries in the same batch. Each row carries what the object uses,
/// from pg_depend (<see cref="DependsOn"/>).
/// </summary>
internal sealed partial class PostgresCatalogQueries
{
    private const int ObjectQueryCount = 3;

    // A materialized view of the schema, whose indexes the index parts query reads with the tables'.
    private const string MaterializedView = $"{InScope} AND c.relkind = 'm' AND {Undotted}";

    private static string[] ObjectQueries(int major) => [ViewsQuery, RoutinesQuery, TriggersQuery];

    public string Views => ViewsQuery;
    public string Routines => RoutinesQuery;
    public string Triggers => TriggersQuery;

    /// <summary>
    /// What one object uses, as "kind\x1Fname[\x1Fcolumn]" (kind r: a table or view, s: a sequence, f: a routine, whose
    /// identity arguments take the column's place, since an overload is one routine of several of its name,
    /// t: a type), from its pg_depend rows (<paramref name="classId"/>, <paramref name="objectId"/>) other than
    /// <paramref name="self"/>: names outside the schema are qualified, the server's own (pg_catalog) are left out.
    /// A view's rule depends on each column it reads (refobjsubid), not always on the relation as a whole.
    /// </summary>
    private static string DependsOn(string classId, string objectId, string self) => $"""
        ARRAY(SELECT DISTINCT CASE WHEN rc.relkind = 'S' THEN 's' WHEN rc.oid IS NOT NULL THEN 'r' WHEN rp.oid IS NOT NULL THEN 'f'
                                   WHEN rtc.oid IS NOT NULL THEN 'r' ELSE 't' END
                       || chr(31) || CASE WHEN rn.nspname = $1 THEN '' ELSE rn.nspname || '.' END
                       || coalesce(rc.relname, rp.proname, rtc.relname, rt.typname)::text || coalesce(chr(31) || ra.attname::text, '')
                       || coalesce(chr(31) || pg_get_function_identity_arguments(rp.oid), '')
              FROM pg_depend dp
              LEFT JOIN pg_class rc ON dp.refclassid = 'pg_class'::regclass AND rc.oid = dp.refobjid
              LEFT JOIN pg_proc rp ON dp.refclassid = 'pg_proc'::regclass AND rp.oid = dp.refobjid
              LEFT JOIN pg_type rt ON dp.refclassid = 'pg_type'::regclass AND rt.oid = dp.refobjid
              -- A table's or view's row type (RETURNS SETOF customer) is that relation: made with it, before what uses it.
              LEFT JOIN pg_class rtc ON rtc.oid = rt.typrelid AND rtc.relkind IN ('r', 'p', 'v', 'm')
              JOIN pg_namespace rn ON rn.oid = coalesce(rc.relnamespace, rp.pronamespace, rt.typnamespace)
              LEFT JOIN pg_attribute ra ON ra.attrelid = rc.oid AND ra.attnum = dp.refobjsubid AND dp.refobjsubid > 0
              WHERE dp.classid = '{classId}'::regclass AND dp.objid = {objectId} AND dp.refobjid <> {self} AND dp.deptype = 'n'
                AND rn.nspname <> 'pg_catalog')
        """;

    // pg_get_viewdef prints names visible on the search_path unqualified: the session's is the schema alone, and the
    // scratch schema's canonical form is read the same way (PostgresSession.Canonical). The output columns say
    // whether CREATE OR REPLACE VIEW can replace the query in place.
    private static readonly string ViewsQuery = $"""
        SELECT {Q("c.relname::text")}, c.relkind = 'm', pg_get_viewdef(c.oid, true), ds.description,
               ARRAY(SELECT a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                     WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),
               {DependsOn("pg_rewrite", "rw.oid", "c.oid")},
               c.reloptions,
               (SELECT ic.relname::text FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid AND i.indisclustered)
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_rewrite rw ON rw.ev_class = c.oid AND rw.rulename = '_RETURN'
        LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        WHERE {InScope} AND c.relkind IN ('v', 'm') AND {Undotted}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        ORDER BY 1
        """;

    // pg_get_functiondef qualifies the routine's own name with its schema, given here quoted as it prints it, for
    // the introspector to take off (the model's routines are read from a scratch schema); in another schema the
    // qualifier stays, as the model's definition writes it. Overloads come with their count and their argument
    // types, of which inspect makes each one's key. A function that is part of another object (deptype 'i': a range
    // type's constructors, floatrange(float8, float8) and its overloads) comes and goes with that object.
    private static readonly string RoutinesQuery = $"""
        SELECT {Q("p.proname::text")}, p.prokind = 'p',
               CASE WHEN p.prokind = 'a' THEN {AggregateDefinition} ELSE pg_get_functiondef(p.oid) END,
               ds.description, CASE WHEN n.nspname = $1 THEN quote_ident(n.nspname) ELSE '' END,
               count(*) OVER (PARTITION BY p.pronamespace, p.proname)::int, pg_get_function_identity_arguments(p.oid),
               {DependsOn("pg_proc", "p.oid", "p.oid")},
               p.prokind = 'a', oidvectortypes(p.proargtypes)
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        LEFT JOIN pg_aggregate ag ON ag.aggfnoid = p.oid
        LEFT JOIN pg_description ds ON ds.objoid = p.oid AND ds.classoid = 'pg_proc'::regclass AND ds.objsubid = 0
        WHERE {InScope} AND (p.prokind IN ('f', 'p') OR p.prokind = 'a' AND ag.aggkind = 'n') AND strpos(n.nspname || p.proname, '.') = 0
          -- A C function is named instead (PostgresValidator.LanguageC says why).
          AND p.prolang <> (SELECT oid FROM pg_language WHERE lanname = 'c')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
        ORDER BY 1, 7
        """;

    // A trigger's timing, events and level are tgtype's bits; its WHEN condition and function call are read from
    // pg_get_triggerdef. What the model cannot say (a constraint trigger, transition tables, a disabled trigger)
    // is flagged for the introspector to name instead. A partition's copy of its table's trigger is the table's.
    private static readonly string TriggersQuery = $"""
        SELECT tg.tgname::text, {Q("c.relname::text")}, tg.tgtype::int, pg_get_triggerdef(tg.oid, true), ds.description,
               ARRAY(SELECT a.attname::text FROM unnest(tg.tgattr::int2[]) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = tg.tgrelid AND a.attnum = k.attnum ORDER BY k.ord),
               tg.tgconstraint <> 0 OR tg.tgoldtable IS NOT NULL OR tg.tgnewtable IS NOT NULL OR tg.tgenabled <> 'O',
               {DependsOn("pg_trigger", "tg.oid", "0")}
        FROM pg_trigger tg
        JOIN pg_class c ON c.oid = tg.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description ds ON ds.objoid = tg.oid AND ds.classoid = 'pg_trigger'::regclass AND ds.objsubid = 0
        WHERE {InScope} AND {Undotted} AND NOT tg.tgisinternal AND tg.tgparentid = 0
        ORDER BY tg.tgname, 2
        """;
}
