namespace SchemaTool.Tests.RealApps;

/// <summary>The catalog queries of <see cref="PostgresRealAppDatabase"/>: one row per fact, its owner first.</summary>
public sealed partial class PostgresRealAppDatabase
{
    /// <summary>The namespaces of the user's objects, and no object that belongs to an extension.</summary>
    private const string UserNamespace =
        "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    private const string NotFromExtension =
        "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')";

    private const string Tables = $"""
        SELECT n.nspname || '.' || c.relname,
               'table ' || n.nspname || '.' || c.relname || ' kind ' || c.relkind::text
               || CASE WHEN c.relpersistence <> 'p' THEN ' persistence ' || c.relpersistence::text ELSE '' END
               || CASE WHEN c.relkind = 'p' THEN ' partition by ' || pg_get_partkeydef(c.oid) ELSE '' END
               || CASE WHEN c.relispartition THEN ' partition of ' || (SELECT pn.nspname || '.' || p.relname FROM pg_inherits i
                    JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid)
                    || ' ' || pg_get_expr(c.relpartbound, c.oid) ELSE '' END
               || coalesce(' inherits ' || (SELECT string_agg(pn.nspname || '.' || p.relname, ', ' ORDER BY i.inhseqno) FROM pg_inherits i
                    JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
                    WHERE i.inhrelid = c.oid AND NOT c.relispartition), '')
               || coalesce(' with (' || array_to_string(c.reloptions, ', ') || ')', '')
               || CASE WHEN c.relrowsecurity THEN ' row security' ELSE '' END
               || CASE WHEN c.relforcerowsecurity THEN ' forced' ELSE '' END
               || CASE WHEN c.relreplident <> 'd' THEN ' replica identity ' || c.relreplident::text ELSE '' END
               || coalesce(' comment ' || quote_literal(obj_description(c.oid, 'pg_class')), '')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'f') AND {UserNamespace} AND {NotFromExtension}
        """;

    private const string Columns = $"""
        SELECT n.nspname || '.' || c.relname,
               'column ' || n.nspname || '.' || c.relname || '.' || quote_ident(a.attname)
               || ' #' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum)
               || ' ' || format_type(a.atttypid, a.atttypmod)
               || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
               || CASE WHEN a.attgenerated <> '' THEN ' generated ' || a.attgenerated::text || ' as ' || pg_get_expr(d.adbin, d.adrelid)
                       WHEN pg_get_expr(d.adbin, d.adrelid) ~ '^NULL(::.*)?$' THEN ''
                       ELSE coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') END
               || CASE WHEN pg_get_expr(d.adbin, d.adrelid) ~ '^nextval\(\(?'''
                        AND to_regclass(substring(pg_get_expr(d.adbin, d.adrelid) FROM '^nextval\(\(?''([^'']+)''')) IS NULL
                       THEN ' (its sequence is missing)' ELSE '' END
               || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
               || CASE WHEN a.attcollation <> t.typcollation THEN ' collate ' || co.collname ELSE '' END
               || CASE WHEN coalesce(a.attstattarget::int, -1) >= 0 THEN ' statistics ' || a.attstattarget::int ELSE '' END
               || CASE WHEN a.attstorage <> t.typstorage THEN ' storage ' || a.attstorage::text ELSE '' END
               || CASE WHEN a.attinhcount > 0 THEN ' inherited' || CASE WHEN a.attislocal THEN ' and local' ELSE '' END ELSE '' END
               || coalesce(' comment ' || quote_literal(col_description(c.oid, a.attnum)), '')
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f') AND {UserNamespace} AND {NotFromExtension}
        """;

    // The names of PostgreSQL 18's NOT NULL constraints are not modelled (README): a partition's differ between a table
    // created on its own and attached (pg_dump) and one created as a partition. The NOT NULL itself is compared.
    private const string Constraints = $"""
        SELECT n.nspname || '.' || c.relname,
               'constraint ' || n.nspname || '.' || c.relname || '.'
               || CASE WHEN con.contype = 'n' THEN '(not null)' ELSE quote_ident(con.conname) END || ' ' || con.contype::text
               || ' ' || pg_get_constraintdef(con.oid)
               || CASE WHEN con.coninhcount > 0 THEN ' inherited' || CASE WHEN con.conislocal THEN ' and local' ELSE '' END ELSE '' END
               || coalesce(' comment ' || quote_literal(obj_description(con.oid, 'pg_constraint')), '')
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'f') AND {UserNamespace} AND {NotFromExtension}
        """;

    private const string Indexes = $"""
        SELECT n.nspname || '.' || c.relname,
               'index ' || pg_get_indexdef(i.indexrelid)
               || CASE WHEN i.indisclustered THEN ' clustered' ELSE '' END
               || CASE WHEN i.indisreplident THEN ' replica identity' ELSE '' END
               || CASE WHEN NOT i.indisvalid THEN ' invalid' ELSE '' END
               || coalesce(' comment ' || quote_literal(obj_description(i.indexrelid, 'pg_class')), '')
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'f', 'm') AND {UserNamespace} AND {NotFromExtension}
        """;

    /// <summary>A function's or procedure's definition as the server prints it, and its comment; owned by its name and arguments.</summary>
    private const string Routines = $"""
        SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
               'routine ' || n.nspname || '.' || p.proname || coalesce(' comment ' || quote_literal(obj_description(p.oid, 'pg_proc')), '')
               || ': ' || CASE WHEN p.prokind = 'a' THEN
                    'aggregate (' || pg_get_function_arguments(p.oid) || ') sfunc ' || a.aggtransfn::regprocedure::text
                    || ' stype ' || format_type(a.aggtranstype, NULL) || ' final ' || a.aggfinalfn::regprocedure::text
                    || ' combine ' || a.aggcombinefn::regprocedure::text || ' msfunc ' || a.aggmtransfn::regprocedure::text
                    || ' init ' || coalesce(quote_literal(a.agginitval), '-') || ' sortop ' || a.aggsortop::regoperator::text
                    || ' parallel ' || p.proparallel::text
                  ELSE pg_get_functiondef(p.oid) END
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
        WHERE (p.prokind IN ('f', 'p') OR p.prokind = 'a' AND a.aggkind = 'n') AND {UserNamespace}
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
        """;

    /// <summary>A trigger's definition as the server prints it, and its comment; owned by its name.</summary>
    private const string Triggers = $"""
        SELECT tg.tgname::text,
               'trigger ' || tg.tgname || ' on ' || n.nspname || '.' || c.relname || ' enabled ' || tg.tgenabled::text
               || coalesce(' comment ' || quote_literal(obj_description(tg.oid, 'pg_trigger')), '') || ': ' || pg_get_triggerdef(tg.oid, true)
        FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT tg.tgisinternal AND {UserNamespace} AND {NotFromExtension}
        """;

    /// <summary>A view's or materialized view's query as the server prints it, and its comment.</summary>
    private const string Views = $"""
        SELECT n.nspname || '.' || c.relname,
               'view ' || n.nspname || '.' || c.relname || ' kind ' || c.relkind::text
               || coalesce(' comment ' || quote_literal(obj_description(c.oid, 'pg_class')), '') || ': ' || pg_get_viewdef(c.oid, true)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('v', 'm') AND {UserNamespace} AND {NotFromExtension}
        """;

    /// <summary>A sequence owned by a column (serial, identity) belongs to its table; any other to itself.</summary>
    private const string Sequences = $"""
        SELECT coalesce(o.owner, n.nspname || '.' || c.relname),
               'sequence ' || n.nspname || '.' || c.relname || ' as ' || format_type(s.seqtypid, NULL)
               || ' start ' || s.seqstart || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax
               || ' cache ' || s.seqcache || CASE WHEN s.seqcycle THEN ' cycle' ELSE '' END
               || CASE WHEN c.relpersistence <> 'p' THEN ' persistence ' || c.relpersistence::text ELSE '' END
               || coalesce(' owned by ' || o.owner || '.' || o.attname || ' (' || o.deptype || ')', '')
               || coalesce(' comment ' || quote_literal(obj_description(c.oid, 'pg_class')), '')
        FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN LATERAL (
            SELECT tn.nspname || '.' || t.relname AS owner, quote_ident(a.attname) AS attname,
                   CASE d.deptype WHEN 'i' THEN 'identity' ELSE 'auto' END AS deptype
            FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
        ) o ON true
        WHERE {UserNamespace} AND {NotFromExtension}
        """;

    // The managed schema's sequences, enums and domains, the extensions and schemas are modelled (compared as facts);
    // other schemas' sequences and types are left alone.
    /// <summary>Each extension with its version and schema, owned by itself.</summary>
    private const string Extensions = """
        SELECT 'extension ' || e.extname, 'extension ' || e.extname || ' ' || e.extversion || ' in ' || n.nspname
        FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql'
        """;

    /// <summary>Each enum type with its values in order, owned by itself.</summary>
    private const string Enums = $"""
        SELECT 'type ' || n.nspname || '.' || t.typname,
               'enum ' || n.nspname || '.' || t.typname || ' (' || coalesce((SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                                                                             FROM pg_enum e WHERE e.enumtypid = t.oid), '') || ')'
               || coalesce(' comment ' || quote_literal(obj_description(t.oid, 'pg_type')), '')
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE {UserNamespace} AND t.typtype = 'e'
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        """;

    /// <summary>Each domain with its base type, NOT NULL, default and checks, owned by itself; each schema but public.</summary>
    private const string DomainsAndSchemas = $"""
        SELECT 'type ' || n.nspname || '.' || t.typname,
               'domain ' || n.nspname || '.' || t.typname || ' ' || format_type(t.typbasetype, t.typtypmod) || ' notnull ' || t.typnotnull
               || coalesce(' default ' || t.typdefault, '') || coalesce(' collate ' || co.collname, '')
               || coalesce(' ' || (SELECT string_agg(con.conname || ' ' || pg_get_constraintdef(con.oid), ', ' ORDER BY con.conname)
                                   FROM pg_constraint con WHERE con.contypid = t.oid AND con.contype = 'c'), '')
               || coalesce(' comment ' || quote_literal(obj_description(t.oid, 'pg_type')), '')
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        LEFT JOIN pg_collation co ON co.oid = t.typcollation AND t.typcollation <> (SELECT typcollation FROM pg_type WHERE oid = t.typbasetype)
        WHERE {UserNamespace} AND t.typtype = 'd'
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        UNION ALL
        SELECT 'schema ' || n.nspname, 'schema ' || n.nspname || coalesce(' comment ' || quote_literal(obj_description(n.oid, 'pg_namespace')), '')
        FROM pg_namespace n WHERE {UserNamespace} AND n.nspname <> 'public'
        """;

    private const string OtherObjects = $"""
        SELECT 'type', n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE {UserNamespace} AND (t.typtype IN ('r', 'm') OR t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        UNION ALL
        SELECT 'routine', n.nspname || '.' || p.proname || CASE WHEN p.prokind IN ('f', 'p') THEN '(' || pg_get_function_identity_arguments(p.oid) || ')' ELSE '' END
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE {UserNamespace} AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
          AND (p.prokind NOT IN ('f', 'p', 'a')
               OR p.prokind = 'a' AND (SELECT a.aggkind FROM pg_aggregate a WHERE a.aggfnoid = p.oid) <> 'n'
               OR (SELECT count(*) FROM pg_proc o WHERE o.pronamespace = p.pronamespace AND o.proname = p.proname) > 1)
        UNION ALL
        SELECT 'trigger', tg.tgname FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {UserNamespace} AND NOT tg.tgisinternal
          AND (tg.tgconstraint <> 0 OR tg.tgoldtable IS NOT NULL OR tg.tgnewtable IS NOT NULL OR tg.tgenabled <> 'O'
               OR c.relispartition)
        UNION ALL
        SELECT 'rule', r.rulename FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {UserNamespace} AND r.rulename <> '_RETURN'
        UNION ALL
        SELECT 'policy', p.polname FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {UserNamespace}
        UNION ALL
        SELECT 'exclusion constraint', con.conname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {UserNamespace} AND con.contype = 'x'
          AND EXISTS (SELECT 1 FROM pg_index i WHERE i.indexrelid = con.conindid AND i.indnatts > i.indnkeyatts)
        UNION ALL
        SELECT 'statistics', n.nspname || '.' || s.stxname FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace WHERE {UserNamespace}
        UNION ALL
        SELECT 'collation', n.nspname || '.' || co.collname FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
        WHERE {UserNamespace} AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_collation'::regclass AND e.objid = co.oid AND e.deptype = 'e')
        UNION ALL
        SELECT 'text search configuration', n.nspname || '.' || cf.cfgname FROM pg_ts_config cf JOIN pg_namespace n ON n.oid = cf.cfgnamespace
        WHERE {UserNamespace} AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_ts_config'::regclass AND e.objid = cf.oid AND e.deptype = 'e')
        UNION ALL
        SELECT 'event trigger', evtname FROM pg_event_trigger
        UNION ALL
        SELECT 'publication', pubname FROM pg_publication
        """;

    /// <summary>Relations, types, routines, schemas and extensions the user could have made; the history table aside.</summary>
    private const string Leftovers = $"""
        SELECT 'relation ' || n.nspname || '.' || c.relname || ' (' || c.relkind::text || ')'
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {UserNamespace} AND {NotFromExtension} AND c.relkind <> 't'
          AND c.relname NOT LIKE 'schematool\_history%'
        UNION ALL
        SELECT 'type ' || n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE {UserNamespace} AND (t.typtype IN ('e', 'd', 'r', 'm') OR t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
          AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_type'::regclass AND e.objid = t.oid AND e.deptype = 'e')
        UNION ALL
        SELECT 'routine ' || n.nspname || '.' || p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE {UserNamespace} AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
        UNION ALL
        SELECT 'schema ' || n.nspname FROM pg_namespace n WHERE {UserNamespace} AND n.nspname <> 'public'
        UNION ALL
        SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'
        """;
}
