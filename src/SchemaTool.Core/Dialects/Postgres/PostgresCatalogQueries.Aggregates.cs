namespace SchemaTool.Dialects.Postgres;

internal sealed partial class PostgresCatalogQueries
{
    // pg_get_functiondef does not print aggregates: an ordinary aggregate (aggkind 'n'; ordered-set and hypothetical
    // ones are named and left alone) is written back as CREATE AGGREGATE from pg_aggregate, each option only where it
    // is not CREATE AGGREGATE's default. Functions and types print unqualified where the search_path finds them, as
    // pg_get_functiondef's do (the session's path is its schema; the scratch schema's comes first).
    private const string AggregateDefinition = """
        'CREATE AGGREGATE ' || CASE WHEN n.nspname = $1 THEN '' ELSE quote_ident(n.nspname) || '.' END || quote_ident(p.proname) || '(' || pg_get_function_arguments(p.oid) || ') ('
        || concat_ws(', ',
             'SFUNC = ' || ag.aggtransfn::regproc::text,
             'STYPE = ' || format_type(ag.aggtranstype, NULL),
             CASE WHEN ag.aggtransspace <> 0 THEN 'SSPACE = ' || ag.aggtransspace END,
             CASE WHEN ag.aggfinalfn <> 0 THEN 'FINALFUNC = ' || ag.aggfinalfn::regproc::text END,
             CASE WHEN ag.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
             CASE ag.aggfinalmodify WHEN 's' THEN 'FINALFUNC_MODIFY = SHAREABLE' WHEN 'w' THEN 'FINALFUNC_MODIFY = READ_WRITE' END,
             CASE WHEN ag.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || ag.aggcombinefn::regproc::text END,
             CASE WHEN ag.aggserialfn <> 0 THEN 'SERIALFUNC = ' || ag.aggserialfn::regproc::text END,
             CASE WHEN ag.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || ag.aggdeserialfn::regproc::text END,
             CASE WHEN ag.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(ag.agginitval) END,
             CASE WHEN ag.aggmtransfn <> 0 THEN 'MSFUNC = ' || ag.aggmtransfn::regproc::text END,
             CASE WHEN ag.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || ag.aggminvtransfn::regproc::text END,
             CASE WHEN ag.aggmtranstype <> 0 THEN 'MSTYPE = ' || format_type(ag.aggmtranstype, NULL) END,
             CASE WHEN ag.aggmtransspace <> 0 THEN 'MSSPACE = ' || ag.aggmtransspace END,
             CASE WHEN ag.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || ag.aggmfinalfn::regproc::text END,
             CASE WHEN ag.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
             CASE WHEN ag.aggmtransfn <> 0 THEN CASE ag.aggmfinalmodify WHEN 's' THEN 'MFINALFUNC_MODIFY = SHAREABLE' WHEN 'w' THEN 'MFINALFUNC_MODIFY = READ_WRITE' END END,
             CASE WHEN ag.aggminitval IS NOT NULL THEN 'MINITCOND = ' || quote_literal(ag.aggminitval) END,
             CASE WHEN ag.aggsortop <> 0 THEN 'SORTOP = ' || (SELECT o.oprname FROM pg_operator o WHERE o.oid = ag.aggsortop) END,
             CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END)
        || ')'
        """;
}
