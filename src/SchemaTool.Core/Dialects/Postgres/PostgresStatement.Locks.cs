using SchemaTool.Apply;

namespace SchemaTool.Dialects.Postgres;

internal sealed partial record PostgresStatement
{
    /// <summary>
    /// The table lock a statement takes and what it does to the rows, read from its text as the PostgreSQL manual
    /// lists them per command (ALTER TABLE: the strongest of its actions). Only what the text shows: a type change is
    /// taken to rewrite the table; `plan`, which knows both types, says when it does not.
    /// </summary>
    internal sealed record Locking(LockMode? Mode, TableWork Work, string? Relation)
    {
        private static readonly Locking Unknown = new(null, TableWork.Unknown, null);

        public StatementTraits Apply(StatementTraits traits) => traits with
        {
            Lock = Mode is { } mode ? Name(mode) : null,
            Work = Work,
            BlocksWrites = Mode >= LockMode.Share,
            WaitQueuesWrites = Mode >= LockMode.Share,
            Table = Relation,
        };

        public static Locking Of(string sql, NotNullProofs proofs)
        {
            var t = new Head(Lex(sql, limit: int.MaxValue));
            if (t.Accept("ALTER"))
                return t.Accept("TABLE") ? AlterTable(t, proofs) : t.Accept("INDEX") ? AlterIndex(t) : Unknown;
            if (t.Accept("CREATE"))
            {
                t.Accept("UNIQUE");
                if (t.Accept("INDEX"))
                {
                    var concurrently = t.Accept("CONCURRENTLY");
                    t.SkipTo("ON");
                    t.Accept("ONLY");
                    return new(concurrently ? LockMode.ShareUpdateExclusive : LockMode.Share, TableWork.Scan, t.Relation());
                }
                t.Accept("GLOBAL", "LOCAL");
                t.Accept("TEMPORARY", "TEMP", "UNLOGGED");
                if (!t.Accept("TABLE")) return Unknown;
                // A new table: no other session uses it yet. Its foreign keys lock the tables they reference, briefly.
                if (t.SkipTo("PARTITION") && t.Accept("OF")) return new(LockMode.AccessExclusive, TableWork.None, t.Relation());
                if (t.SkipTo("REFERENCES")) return new(LockMode.ShareRowExclusive, TableWork.None, t.Relation());
                return new(null, TableWork.None, null);
            }
            if (t.Accept("DROP"))
            {
                if (t.Accept("TABLE"))
                {
                    if (t.Accept("IF")) t.Accept("EXISTS");
                    return new(LockMode.AccessExclusive, TableWork.None, t.Relation());
                }
                if (!t.Accept("INDEX")) return Unknown;
                var concurrently = t.Accept("CONCURRENTLY");
                if (t.Accept("IF")) t.Accept("EXISTS");
                return new(concurrently ? LockMode.ShareUpdateExclusive : LockMode.AccessExclusive, TableWork.None, t.Relation());
            }
            if (t.Accept("COMMENT")) return new(LockMode.ShareUpdateExclusive, TableWork.None, null);
            if (t.Accept("INSERT", "UPDATE", "DELETE", "MERGE")) return new(LockMode.RowExclusive, TableWork.Unknown, null);
            if (t.Accept("SELECT")) return new(LockMode.AccessShare, TableWork.Unknown, null);
            if (t.Accept("TRUNCATE")) return new(LockMode.AccessExclusive, TableWork.None, null);
            return Unknown;
        }

        /// <summary>ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, ...]: the strongest lock and the most work of its actions.</summary>
        private static Locking AlterTable(Head t, NotNullProofs proofs)
        {
            if (t.Accept("IF")) t.Accept("EXISTS");
            t.Accept("ONLY");
            var relation = t.Relation();
            t.Accept("*");
            var table = relation is null ? null : NotNullProofs.Key(relation);
            LockMode? mode = null;
            var work = TableWork.None;
            foreach (var action in t.Actions())
            {
                var (m, w) = Action(action, table, proofs);
                if (m > mode || mode is null) mode = m;
                if (w > work) work = w;
            }
            return new(mode, mode is null ? TableWork.Unknown : work, relation);
        }

        /// <summary>
        /// ALTER INDEX name SET (...) / RESET (...): the lock each parameter asks (on the index, which writers to its
        /// table need); the index is not built again. Other ALTER INDEX actions are not read.
        /// </summary>
        private static Locking AlterIndex(Head t)
        {
            if (t.Accept("IF")) t.Accept("EXISTS");
            t.Relation();
            if (!(t.Accept("SET", "RESET") && t.Accept("("))) return Unknown;
            var light = t.ParameterNames().All(LightIndexParameters.Contains);
            return new(light ? LockMode.ShareUpdateExclusive : LockMode.AccessExclusive, TableWork.None, null);
        }

        // The index parameters whose change takes SHARE UPDATE EXCLUSIVE (only later writes read them); the others
        // (gin's, gist's buffering, brin's, an extension's) ACCESS EXCLUSIVE.
        private static readonly HashSet<string> LightIndexParameters = new(StringComparer.OrdinalIgnoreCase) { "fillfactor", "deduplicate_items" };

        private static (LockMode, TableWork) Action(Head a, string? table, NotNullProofs proofs)
        {
            if (a.Accept("ADD"))
            {
                var constraint = a.Accept("CONSTRAINT") ? a.Name() : null;
                if (a.Accept("CHECK"))
                {
                    var notNull = a.NotNullCheck();
                    var notValid = a.Contains("NOT", "VALID");
                    if (notNull is not null && table is not null && constraint is not null) proofs.Added(table, constraint, notNull);
                    return (LockMode.AccessExclusive, notValid ? TableWork.None : TableWork.Scan);
                }
                if (a.Accept("FOREIGN")) return (LockMode.ShareRowExclusive, a.Contains("NOT", "VALID") ? TableWork.None : TableWork.Scan);
                if (a.Accept("UNIQUE", "PRIMARY"))
                    return (LockMode.AccessExclusive, a.Contains("USING", "INDEX") ? TableWork.None : TableWork.Scan);
                if (a.Accept("EXCLUDE")) return (LockMode.AccessExclusive, TableWork.Scan);
                a.Accept("COLUMN");
                return (LockMode.AccessExclusive, AddedColumnWork(a));
            }
            if (a.Accept("ALTER"))
            {
                a.Accept("COLUMN");
                var column = a.Name();
                if (a.Accept("TYPE") || (a.Accept("SET") && a.Accept("DATA"))) return (LockMode.AccessExclusive, TableWork.Rewrite);
                if (a.Accept("SET"))
                {
                    if (a.Accept("NOT") && a.Accept("NULL"))
                        return (LockMode.AccessExclusive, table is not null && column is not null && proofs.Proves(table, column) ? TableWork.None : TableWork.Scan);
                    if (a.Accept("STATISTICS", "(")) return (LockMode.ShareUpdateExclusive, TableWork.None);
                }
                return (LockMode.AccessExclusive, TableWork.None);
            }
            if (a.Accept("VALIDATE"))
            {
                a.Accept("CONSTRAINT");
                if (a.Name() is { } name && table is not null) proofs.Validated(table, name);
                return (LockMode.ShareUpdateExclusive, TableWork.Scan);
            }
            if (a.Accept("ATTACH")) return (LockMode.ShareUpdateExclusive, TableWork.Scan);
            if (a.Accept("DETACH")) return (a.Contains("CONCURRENTLY") ? LockMode.ShareUpdateExclusive : LockMode.AccessExclusive, TableWork.None);
            if (a.Accept("ENABLE", "DISABLE")) return (LockMode.ShareRowExclusive, TableWork.None);
            if (a.Accept("CLUSTER")) return (LockMode.ShareUpdateExclusive, TableWork.None);
            if (a.Accept("SET"))
            {
                if (a.Accept("TABLESPACE", "LOGGED", "UNLOGGED") || (a.Accept("ACCESS") && a.Accept("METHOD"))) return (LockMode.AccessExclusive, TableWork.Rewrite);
                if (a.Accept("WITHOUT")) return (LockMode.ShareUpdateExclusive, TableWork.None);
                if (a.Accept("(")) return (a.Contains("user_catalog_table") ? LockMode.AccessExclusive : LockMode.ShareUpdateExclusive, TableWork.None);
            }
            // Storage parameters: as SET (...) for the same ones.
            if (a.Accept("RESET") && a.Accept("(")) return (a.Contains("user_catalog_table") ? LockMode.AccessExclusive : LockMode.ShareUpdateExclusive, TableWork.None);
            return (LockMode.AccessExclusive, TableWork.None);
        }

        /// <summary>
        /// A new column fills every row at once (a fast default) unless its values must be computed row by row: a stored
        /// generated column, an identity or serial, a volatile default; an inline constraint reads the rows.
        /// </summary>
        private static TableWork AddedColumnWork(Head a)
        {
            if (a.Accept("IF")) { a.Accept("NOT"); a.Accept("EXISTS"); }
            a.Name();
            if (a.Accept("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8")) return TableWork.Rewrite;
            if (a.Contains("IDENTITY") || a.Contains("STORED") || a.CallsAny(VolatileFunctions)) return TableWork.Rewrite;
            return a.Contains("CHECK") || a.Contains("REFERENCES") || a.Contains("UNIQUE") || a.Contains("PRIMARY") ? TableWork.Scan : TableWork.None;
        }

        /// <summary>The volatile built-in functions a default commonly calls (a stable one such as now() keeps the fast default).</summary>
        private static readonly HashSet<string> VolatileFunctions = new(StringComparer.OrdinalIgnoreCase)
        {
            "random", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp",
            "timeofday", "nextval", "txid_current", "pg_current_xact_id", "random_normal", "uuidv4", "uuidv7",
        };

        private static string Name(LockMode mode) => mode switch
        {
            LockMode.AccessShare => "ACCESS SHARE",
            LockMode.RowShare => "ROW SHARE",
            LockMode.RowExclusive => "ROW EXCLUSIVE",
            LockMode.ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
            LockMode.Share => "SHARE",
            LockMode.ShareRowExclusive => "SHARE ROW EXCLUSIVE",
            LockMode.Exclusive => "EXCLUSIVE",
            _ => "ACCESS EXCLUSIVE",
        };
    }

    /// <summary>PostgreSQL's table lock modes, weakest first; from <see cref="Share"/> up they conflict with writes.</summary>
    internal enum LockMode
    {
        AccessShare,
        RowShare,
        RowExclusive,
        ShareUpdateExclusive,
        Share,
        ShareRowExclusive,
        Exclusive,
        AccessExclusive,
    }

    /// <summary>
    /// The checks of the form <c>CHECK (c IS NOT NULL)</c> that a revision adds and then validates: PostgreSQL 12 and
    /// later skip the scan of SET NOT NULL where such a check proves the column has no NULL.
    /// </summary>
    internal sealed class NotNullProofs
    {
        private readonly Dictionary<(string Table, string Constraint), string> _added = [];
        private readonly HashSet<(string Table, string Column)> _proven = [];

        /// <summary>A name as the catalog holds it: a quoted name as written, a plain one in lower case; the schema left out.</summary>
        public static string Key(string written)
        {
            var last = written.Split('.')[^1];
            return last.StartsWith('"') ? last[1..^1].Replace("\"\"", "\"") : last.ToLowerInvariant();
        }

        public void Added(string table, string constraint, string column) => _added[(table, Key(constraint))] = Key(column);

        public void Validated(string table, string constraint)
        {
            if (_added.TryGetValue((table, Key(constraint)), out var column)) _proven.Add((table, column));
        }

        public bool Proves(string table, string column) => _proven.Contains((table, Key(column)));
    }
}
