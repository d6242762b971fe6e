namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// The catalog queries, one per object kind, each for the whole schema ($1) at once: their number does not
/// grow with the number of tables. Names are read, never OIDs, so two databases holding the same schema compare equal.
/// The texts differ by server version where the catalog does (<see cref="For"/>).
/// </summary>
/// <remarks>
/// Comments come from joins to pg_description, not from obj_description/col_description, and the printing
/// functions (pg_get_constraintdef, pg_get_indexdef) are called only for the rows that need them: per row,
/// those functions run a catalog lookup each and made up most of the server's time (bench/RESULTS.md).
/// </remarks>
internal sealed partial class PostgresCatalogQueries
{
    /// <summary>The oldest major version the queries are written for.</summary>
    public const int OldestVersion = 13;

    // A managed table is a plain or partitioned table of the schema, or of another schema of the user's (its name
    // then qualified: auth.users), that is neither a partition (its partitioned table carries it) nor an inheritance
    // child (named as left alone), nor an extension's, and whose names hold no dot (the model's qualifier).
    private const string ManagedTable =
        $"{InScope} AND c.relkind IN ('r', 'p') AND NOT c.relispartition " +
        "AND NOT (n.nspname = $1 AND c.relname IN ('schematool_history', 'schematool_lock')) " +
        "AND NOT EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = c.oid) " +
        $"AND {Undotted} AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";

    // A relation whose name the model can write: the first dot of a model name separates the schema.
    private const string Undotted = "strpos(c.relname, '.') = 0 AND strpos(n.nspname, '.') = 0";

    private static readonly Dictionary<int, PostgresCatalogQueries> ByVersion = new();

    /// <summary>The queries for a server of this major version (<see cref="OldestVersion"/> for older ones).</summary>
    public static PostgresCatalogQueries For(int majorVersion)
    {
        lock (ByVersion)
        {
            if (!ByVersion.TryGetValue(majorVersion, out var queries))
                ByVersion[majorVersion] = queries = new PostgresCatalogQueries(majorVersion);
            return queries;
        }
    }

    /// <summary>How many queries a catalog read sends.</summary>
    public static int Count => 7 + ObjectQueryCount + PostgresTypeQueries.All.Length;

    private PostgresCatalogQueries(int major)
    {
        // NULLS NOT DISTINCT came with PostgreSQL 15.
        var nullsNotDistinct = major >= 15 ? "i.indnullsnotdistinct" : "false";
        var constraintNullsNotDistinct = major >= 15 ? "ci.indnullsnotdistinct" : "false";
        // Sequences can be unlogged from PostgreSQL 15; before, an unlogged table's sequence is logged, as always.
        Columns = ColumnsQuery.Replace("{SEQUENCE_UNLOGGED}",
            major >= 15 ? "CASE WHEN owned.relpersistence <> c.relpersistence THEN owned.relpersistence = 'u' END" : "NULL::boolean",
            StringComparison.Ordinal);
        Constraints = ConstraintsQuery.Replace("{NULLS_NOT_DISTINCT}", constraintNullsNotDistinct, StringComparison.Ordinal);
        IndexParts = IndexPartsQuery.Replace("{NULLS_NOT_DISTINCT}", nullsNotDistinct, StringComparison.Ordinal);
        All = [Tables, Columns, Constraints, IndexParts, Partitions, Unmanaged, .. ObjectQueries(major), .. PostgresTypeQueries.All, Exclusions];
    }

    public string Tables => TablesQuery;
    public string Columns { get; }
    public string Constraints { get; }
    public string IndexParts { get; }
    public string Partitions => PartitionsQuery;
    public string Unmanaged => UnmanagedQuery;
    public string[] All { get; }

    // The row estimate (reltuples: -1 before the first ANALYZE) is for `plan` to tell a large table, read here so
    // that it costs no query of its own; a partitioned table's is its partitions'.
    private static readonly string TablesQuery = $"""
        SELECT {Q("c.relname::text")}, ds.description, CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
               c.relpersistence = 'u',
          CASE WHEN c.relkind = 'p' THEN (SELECT sum(pc.reltuples)::bigint FROM pg_partition_tree(c.oid) pt
                                          JOIN pg_class pc ON pc.oid = pt.relid WHERE pt.isleaf AND pc.reltuples >= 0)
               WHEN c.reltuples >= 0 THEN c.reltuples::bigint END,
          c.reloptions,
          (SELECT ic.relname::text FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid AND i.indisclustered)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        WHERE {ManagedTable}
        ORDER BY 1
        """;

    // The sequence a column owns (serial: deptype 'a'; identity: 'i') with its options, and how many column
    // defaults use it: a serial is a column whose default is the only one using the sequence the column owns.
    private static readonly string ColumnsQuery = $"""
        SELECT {Q("c.relname::text")}, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid, true), a.attidentity::text, a.attgenerated::text,
               CASE WHEN a.attcollation <> t.typcollation THEN co.collname::text END,
               ds.description, owned.relname::text, owned.seqstart, owned.seqincrement, owned.seqmin, owned.seqmax,
               owned.seqcache, owned.seqcycle, format_type(owned.seqtypid, NULL), owned.users::int,
               d.oid IS NOT NULL AND EXISTS (SELECT 1 FROM pg_depend u WHERE u.classid = 'pg_attrdef'::regclass
                                             AND u.objid = d.oid AND u.refobjid = owned.oid),
               -- -1 (NULL from PostgreSQL 17): the server's default target.
               CASE WHEN coalesce(a.attstattarget, -1) <> -1 THEN a.attstattarget::int END,
               {"{SEQUENCE_UNLOGGED}"}
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum
        LEFT JOIN (SELECT DISTINCT ON (dep.refobjid, dep.refobjsubid) dep.refobjid, dep.refobjsubid, s.oid, s.relname, s.relpersistence,
                          sq.seqstart, sq.seqincrement, sq.seqmin, sq.seqmax, sq.seqcache, sq.seqcycle, sq.seqtypid,
                          (SELECT count(*) FROM pg_depend u WHERE u.classid = 'pg_attrdef'::regclass
                                                            AND u.refclassid = 'pg_class'::regclass AND u.refobjid = s.oid) AS users
                   FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
                   JOIN pg_sequence sq ON sq.seqrelid = s.oid
                   WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i')
                   ORDER BY dep.refobjid, dep.refobjsubid, dep.deptype DESC
                  ) owned ON owned.refobjid = a.attrelid AND owned.refobjsubid = a.attnum
        WHERE {ManagedTable} AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY 1, a.attnum
        """;

    // Constraints a partition inherits from its partitioned table (conparentid), and the copies PostgreSQL makes
    // of a foreign key that references a partitioned table, one per partition, are the parent constraint's.
    private static readonly string ConstraintsQuery = $"""
        SELECT {Q("c.relname::text")}, con.conname::text, con.contype::text,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
               CASE WHEN rn.nspname = $1 THEN rc.relname::text ELSE rn.nspname || '.' || rc.relname END,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord),
               con.confdeltype::text, con.confupdtype::text, con.condeferrable, con.condeferred,
               CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END,
               CASE WHEN con.contype = 'u' THEN ds.description END,
               con.connoinherit,
               CASE WHEN ci.indnatts > ci.indnkeyatts THEN
                 ARRAY(SELECT a.attname::text FROM generate_series(ci.indnkeyatts + 1, ci.indnatts) g(ord)
                       JOIN pg_attribute a ON a.attrelid = ci.indrelid AND a.attnum = ci.indkey[g.ord - 1] ORDER BY g.ord) END,
               coalesce({"{NULLS_NOT_DISTINCT}"}, false),
               con.convalidated,
               CASE WHEN con.contype = 'u' THEN (SELECT cic.reloptions FROM pg_class cic WHERE cic.oid = con.conindid) END
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class rc ON rc.oid = con.confrelid
        LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
        LEFT JOIN pg_index ci ON ci.indexrelid = con.conindid AND con.contype IN ('p', 'u')
        LEFT JOIN pg_description ds ON ds.objoid = con.conindid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        WHERE {ManagedTable} AND con.contype IN ('p', 'u', 'f', 'c') AND con.conparentid = 0
        ORDER BY 1, con.conname
        """;

    // One row per key part. Indexes behind primary key, unique and exclusion constraints come with the
    // constraints (conindid of a foreign key points at the referenced table's index, hence the contype filter).
    // A materialized view's indexes come here too, read into its View. An invalid index is named by the unmanaged query.
    // The default operator class and the column's own collation are left out: the model omits them too.
    private static readonly string IndexPartsQuery = $"""
        SELECT {Q("c.relname::text")}, ic.relname::text, am.amname::text, i.indisunique,
               pg_get_expr(i.indpred, i.indrelid, true), ds.description, k.ord::int,
               CASE WHEN i.indkey[k.ord - 1] <> 0 THEN a.attname::text END,
               CASE WHEN i.indkey[k.ord - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) END,
               (i.indoption[k.ord - 1] & 1) = 1,
               CASE WHEN NOT opc.opcdefault THEN opc.opcname::text END,
               CASE WHEN i.indcollation[k.ord - 1] <> 0 AND coll.collname <> 'default'
                         AND i.indcollation[k.ord - 1] IS DISTINCT FROM a.attcollation THEN coll.collname::text END,
               (i.indoption[k.ord - 1] & 2) = 2,
               CASE WHEN k.ord = 1 AND i.indnatts > i.indnkeyatts THEN
                 ARRAY(SELECT ia.attname::text FROM generate_series(i.indnkeyatts + 1, i.indnatts) g(ord)
                       JOIN pg_attribute ia ON ia.attrelid = i.indrelid AND ia.attnum = i.indkey[g.ord - 1] ORDER BY g.ord) END,
               {"{NULLS_NOT_DISTINCT}"},
               ic.reloptions
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
        WHERE ({ManagedTable} OR {MaterializedView}) AND i.indisvalid
          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
        ORDER BY 1, ic.relname, k.ord
        """;

    // Every partition of the schema with its parent, its bound, and its own key when it is partitioned too.
    private static readonly string PartitionsQuery = $"""
        SELECT {Q("c.relname::text")}, CASE WHEN pn.nspname = $1 THEN p.relname::text ELSE pn.nspname || '.' || p.relname END,
               pg_get_expr(c.relpartbound, c.oid), CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_inherits ih ON ih.inhrelid = c.oid
        JOIN pg_class p ON p.oid = ih.inhparent
        JOIN pg_namespace pn ON pn.oid = p.relnamespace
        WHERE {InScope} AND c.relispartition AND c.relkind IN ('r', 'p')
        ORDER BY 2, 1
        """;

    // A schema other than $1 that is the user's, not the server's nor an extension's.
    private const string OtherUserSchema =
        "n.nspname <> $1 AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%' " +
        "AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_namespace'::regclass AND e.objid = n.oid AND e.deptype = 'e')";

    // $2 narrows the other schemas by a LIKE pattern: '%' for a database, the scratch schemas' prefix when the
    // model's objects are read back from them (PostgresSession.Canonical), where the database's own are no concern.
    internal const string InScope = $"(n.nspname = $1 OR {OtherUserSchema} AND n.nspname LIKE $2)";

    // An object's name as the user sees it: qualified when it lives outside the managed schema.
    internal const string Qualified = "CASE WHEN n.nspname = $1 THEN {0} ELSE n.nspname || '.' || {0} END";

    internal static string Q(string column) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Qualified, column);

    // What the model cannot express yet, named so that plan can say it is left alone: in the managed schema, and
    // everything of the user's in other schemas. Objects that belong to an extension (deptype 'e'), identity
    // sequences and serial sequences (owned by the one column whose default alone uses them) are not listed, nor
    // the managed schema's other sequences, enum types and domains (modelled: PostgresTypeQueries).
    // The third field is the table an object belongs to, or the columns whose defaults use a sequence.
    private static readonly string UnmanagedQuery = $"""
        SELECT kind, name, tbl FROM (
          SELECT CASE WHEN c.relkind IN ('r', 'p') AND NOT c.relispartition AND NOT ({Undotted}) THEN 'table'
                      WHEN c.relkind = 'r' THEN 'inherited table'
                      ELSE CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence'
                                          ELSE 'foreign table' END END AS kind,
                 {Q("c.relname::text")} AS name,
                 CASE WHEN c.relkind = 'S' THEN
                        (SELECT 'used by the default of ' || string_agg(uc.relname || '.' || ua.attname, ', ' ORDER BY uc.relname, ua.attname)
                         FROM pg_depend u JOIN pg_attrdef ad ON ad.oid = u.objid
                         JOIN pg_class uc ON uc.oid = ad.adrelid
                         JOIN pg_attribute ua ON ua.attrelid = ad.adrelid AND ua.attnum = ad.adnum
                         WHERE u.classid = 'pg_attrdef'::regclass AND u.refclassid = 'pg_class'::regclass AND u.refobjid = c.oid)
                      WHEN c.relkind = 'r' AND {Undotted} THEN
                        (SELECT 'inherits ' || string_agg(p.relname, ', ') FROM pg_inherits ih JOIN pg_class p ON p.oid = ih.inhparent WHERE ih.inhrelid = c.oid)
                 END AS tbl
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE {InScope}
            AND (c.relkind = 'f' OR c.relkind IN ('v', 'm') AND NOT ({Undotted})
                 OR c.relkind IN ('r', 'p') AND NOT c.relispartition AND NOT ({Undotted})
                 OR c.relkind = 'r' AND NOT c.relispartition AND EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = c.oid)
                 OR c.relkind = 'S' AND NOT ({Undotted}) AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
                    AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_attrdef ad ON ad.adrelid = d.refobjid AND ad.adnum = d.refobjsubid
                                    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'
                                      AND (SELECT array_agg(u.objid) FROM pg_depend u WHERE u.classid = 'pg_attrdef'::regclass
                                             AND u.refclassid = 'pg_class'::regclass AND u.refobjid = c.oid) = ARRAY[ad.oid]))
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
          UNION ALL
          SELECT CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' ELSE 'composite type' END,
                 {Q("t.typname::text")}, NULL
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE {InScope}
            AND (t.typtype IN ('e', 'd') AND strpos(n.nspname || t.typname, '.') > 0 OR t.typtype = 'r'
                 OR t.typtype = 'c' AND strpos(n.nspname || t.typname, '.') > 0 AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
          UNION ALL
          SELECT 'trigger', tg.tgname::text, {Q("c.relname::text")}
          FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE {InScope} AND NOT ({Undotted}) AND NOT tg.tgisinternal AND tg.tgparentid = 0
          UNION ALL
          SELECT 'rule', r.rulename::text, {Q("c.relname::text")}
          FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE {InScope} AND r.rulename <> '_RETURN'
          UNION ALL
          SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END, {Q("p.proname::text")}, NULL
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE {InScope} AND (strpos(n.nspname || p.proname, '.') > 0 OR p.prokind NOT IN ('f', 'p', 'a')
                               OR p.prokind = 'a' AND (SELECT ag.aggkind FROM pg_aggregate ag WHERE ag.aggfnoid = p.oid) <> 'n'
                               OR p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c'))
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
          UNION ALL
          SELECT 'exclusion constraint', con.conname::text, {Q("c.relname::text")}
          FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE {InScope} AND con.contype = 'x' AND con.conparentid = 0
            AND (SELECT i.indnatts > i.indnkeyatts FROM pg_index i WHERE i.indexrelid = con.conindid) -- INCLUDE columns: not modelled
          UNION ALL
          -- Row security and its policies, and a replica identity other than the key: a copy without them would
          -- show every row to every role, or log less for logical replication.
          SELECT 'policy', p.polname::text, {Q("c.relname::text")}
          FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE {InScope}
          UNION ALL
          SELECT 'table option', s.setting, {Q("c.relname::text")}
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
          LATERAL (VALUES (CASE WHEN c.relrowsecurity THEN 'row level security' END),
                          (CASE WHEN c.relforcerowsecurity THEN 'force row level security' END),
                          (CASE c.relreplident WHEN 'f' THEN 'replica identity full' WHEN 'n' THEN 'replica identity nothing'
                                WHEN 'i' THEN 'replica identity using index ' || (SELECT ic.relname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                                                                                  WHERE i.indrelid = c.oid AND i.indisreplident) END)) s(setting)
          WHERE {InScope} AND c.relkind IN ('r', 'p') AND s.setting IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
          UNION ALL
          -- What a failed or interrupted CREATE INDEX CONCURRENTLY left: no query uses it, and a unique one enforces
          -- nothing, so it is not the model's index (which plan builds again: apply drops the invalid one first).
          SELECT 'invalid index', ic.relname::text, {Q("c.relname::text")}
          FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE {InScope} AND NOT i.indisvalid
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
          UNION ALL
          -- What a partition has of its own, beside what it takes from its partitioned table.
          SELECT 'index', ic.relname::text, {Q("c.relname::text")}
          FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE {InScope} AND c.relispartition AND NOT ic.relispartition
            AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
          UNION ALL
          SELECT 'constraint', con.conname::text, {Q("c.relname::text")}
          FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE {InScope} AND c.relispartition AND con.conparentid = 0 AND con.coninhcount = 0 AND con.contype IN ('p', 'u', 'f', 'c', 'x')
          UNION ALL
          -- Storage settings the model has no key for: storage parameters of partitions, of the indexes behind a primary
          -- key or an exclusion constraint, and of a partition's index that differ from its partitioned index's; a column's storage.
          SELECT CASE WHEN c.relkind IN ('i', 'I') THEN 'index option' ELSE 'table option' END, opt, {Q("c.relname::text")}
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, unnest(c.reloptions) opt
          WHERE {InScope} AND c.relkind IN ('r', 'p', 'i', 'I')
            AND (c.relkind IN ('r', 'p') AND c.relispartition
                 OR EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = c.oid AND con.contype IN ('p', 'x'))
                 OR c.relispartition AND NOT EXISTS (SELECT 1 FROM pg_inherits ih JOIN pg_class pi ON pi.oid = ih.inhparent
                                                     WHERE ih.inhrelid = c.oid AND opt = ANY (pi.reloptions)))
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
          UNION ALL
          SELECT 'column option', setting, {Q("c.relname::text")} || '.' || a.attname
          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_type t ON t.oid = a.atttypid,
          LATERAL (SELECT 'storage ' || CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' ELSE 'extended' END
                   WHERE a.attstorage <> t.typstorage) s(setting)
          WHERE {InScope} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        ) u
        ORDER BY kind, name, tbl
        """;
}
