namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// The public schema as PostgreSQL's own catalog describes it, one line per object, read with the test's queries:
/// relations and partition bounds (pg_class), sequences (pg_sequence), columns with their defaults, identity and
/// generation (pg_attribute, pg_attrdef), constraints (pg_get_constraintdef), indexes (pg_get_indexdef), and which
/// column owns which sequence (pg_depend). Two databases built the same way give the same lines. The names of
/// PostgreSQL 18's NOT NULL constraints are not compared: the model does not carry them (a renamed table's keep the old name).
/// </summary>
internal static class CatalogSnapshot
{
    private const string Public = "n.nspname = 'public' AND c.relname NOT IN ('schematool_history', 'schematool_history_pkey', 'schematool_lock')";

    private static readonly string[] Queries =
    [
        $"""
        SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' ' || c.relispartition || ' ' || c.relpersistence::text
               || coalesce(' with ' || array_to_string(c.reloptions, ','), '')
               || coalesce(' ' || pg_get_expr(c.relpartbound, c.oid), '') || CASE WHEN c.relkind = 'p' THEN ' ' || pg_get_partkeydef(c.oid) ELSE '' END
               || coalesce(' of ' || (SELECT string_agg(p.relname, ',') FROM pg_inherits ih JOIN pg_class p ON p.oid = ih.inhparent WHERE ih.inhrelid = c.oid), '')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE {Public} AND c.relkind IN ('r', 'p', 'S', 'i', 'I', 'v', 'm', 'f')
        """,
        $"""
        SELECT 'sequence ' || c.relname || ' ' || format_type(q.seqtypid, NULL) || ' ' || q.seqstart || ' ' || q.seqincrement
               || ' ' || q.seqmin || ' ' || q.seqmax || ' ' || q.seqcache || ' ' || q.seqcycle
        FROM pg_sequence q JOIN pg_class c ON c.oid = q.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {Public}
        """,
        $"""
        SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull
               || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text || coalesce(' collate ' || co.collname, '')
               || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100
        WHERE {Public} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        """,
        $"""
        SELECT 'constraint ' || c.relname || '.' || CASE WHEN con.contype = 'n' THEN '(not null)' ELSE con.conname END || ' ' || con.contype::text || ' ' || pg_get_constraintdef(con.oid)
               || ' local=' || con.conislocal || ' inherited=' || con.coninhcount || ' noinherit=' || con.connoinherit
        FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {Public}
        """,
        $"""
        SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' valid=' || i.indisvalid || ' clustered=' || i.indisclustered
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {Public}
        """,
        $"""
        SELECT 'view ' || c.relname || ' ' || c.relkind::text || coalesce(' comment ' || ds.description, '') || ': ' || pg_get_viewdef(c.oid, true)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
        WHERE {Public} AND c.relkind IN ('v', 'm')
        """,
        $"""
        SELECT 'owned ' || s.relname || ' by ' || c.relname || '.' || a.attname || ' ' || d.deptype::text
        FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
        JOIN pg_class c ON c.oid = d.refobjid JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND {Public}
        """,
    ];

    /// <summary>The sorted lines; lines naming an object of <paramref name="leftAlone"/> are left out (the model names them and leaves them alone).</summary>
    public static async Task<List<string>> ReadAsync(PostgresTestDatabase database, IReadOnlyCollection<string>? leftAlone = null)
    {
        var lines = new List<string>();
        foreach (var query in Queries)
            lines.AddRange((await database.QueryAsync(query)).Select(r => (string)r[0]!));
        return lines
            .Where(l => leftAlone is null || !leftAlone.Any(name => l.Contains(" " + name + ".", StringComparison.Ordinal) || l.Contains(" " + name + " ", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToList();
    }

    public static string Difference(List<string> expected, List<string> actual) =>
        "the copy's catalog differs from the original's:\n" +
        string.Join("\n", expected.Except(actual).Select(l => "- " + l).Concat(actual.Except(expected).Select(l => "+ " + l)));
}
