using System.Text.RegularExpressions;
using SchemaTool.Apply;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>How InnoDB carries out an ALTER TABLE, from the least to the most in the way of other sessions.</summary>
internal enum Algorithm
{
    /// <summary>The catalog only (ALGORITHM=INSTANT).</summary>
    Instant,

    /// <summary>In place while writes go on (ALGORITHM=INPLACE, LOCK=NONE): an index built, or the table rebuilt, online.</summary>
    Inplace,

    /// <summary>In place, but writes wait until it ends (ALGORITHM=INPLACE, LOCK=SHARED).</summary>
    InplaceShared,

    /// <summary>A copy of the table, writes waiting until it ends (ALGORITHM=COPY, LOCK=SHARED).</summary>
    Copy,
}

/// <summary>One ALTER TABLE as InnoDB will run it: its algorithm, what it does to the rows, and why, when it keeps writes waiting.</summary>
internal sealed record Alteration(Algorithm Algorithm, TableWork Work, string? Why = null)
{
    public static readonly Alteration Instant = new(Algorithm.Instant, TableWork.None);
    public static readonly Alteration Online = new(Algorithm.Inplace, TableWork.None);
    public static readonly Alteration OnlineRebuild = new(Algorithm.Inplace, TableWork.Rewrite);

    /// <summary>The ALTER TABLE clause that holds the server to it: it refuses the statement rather than take more.</summary>
    public string Clause => Algorithm switch
    {
        Algorithm.Instant => "ALGORITHM=INSTANT",
        Algorithm.Inplace => "ALGORITHM=INPLACE, LOCK=NONE",
        Algorithm.InplaceShared => "ALGORITHM=INPLACE, LOCK=SHARED",
        _ => "ALGORITHM=COPY, LOCK=SHARED",
    };

    public bool BlocksWrites => Algorithm >= Algorithm.InplaceShared;

    /// <summary>The one of the two that gets more in the way (a statement of several changes is as slow as its slowest).</summary>
    public static Alteration Max(Alteration a, Alteration b) =>
        a.Algorithm != b.Algorithm ? (a.Algorithm > b.Algorithm ? a with { Work = Most(a.Work, b.Work) } : b with { Work = Most(a.Work, b.Work) })
            : a with { Work = Most(a.Work, b.Work), Why = a.Why ?? b.Why };

    private static TableWork Most(TableWork a, TableWork b) => a > b ? a : b;
}

/// <summary>
/// Which algorithm each change needs, per the servers' online DDL rules (MariaDB 10.11's checked against a server:
/// instant ADD COLUMN anywhere, DROP and RENAME COLUMN, column order, defaults, comments, a longer VARCHAR, CHECK
/// constraints dropped; index builds and NOT NULL in place; most type changes, dropping a primary key and adding a
/// CHECK constraint by copy). MySQL 8 gets the forms its manual gives for every 8.0 release (in place where 8.0.29's
/// instant column changes would do), untested here. A rule that is wrong makes the server refuse the statement
/// (ER_ALTER_OPERATION_NOT_SUPPORTED), never lock more than the plan said.
/// </summary>
internal static partial class MySqlAlterations
{
    /// <summary>
    /// The algorithm of <paramref name="operation"/> on <paramref name="table"/> as it is before the revision's direction
    /// runs, and <paramref name="now"/> as the earlier operations leave it (the columns in their places).
    /// </summary>
    public static Alteration Of(Operation operation, Table? table, Table? now, MySqlServer server) => operation switch
    {
        CombinedAlterTable op => op.Changes
            .Select(c => WithInnoDbLimits(c, now, WithFulltext(c, table, Of(c, table, server, keyReplaced: op.Changes.Any(x => x is AddPrimaryKey))), server))
            .Aggregate(Alteration.Max),
        _ => WithInnoDbLimits(operation, now, WithFulltext(operation, table, Of(operation, table, server, keyReplaced: false)), server),
    };

    /// <summary>
    /// A table with a FULLTEXT index has its columns added, dropped or moved neither instantly nor with writes going
    /// on, and is rebuilt only with writes waiting: InnoDB refuses ALGORITHM=INSTANT and LOCK=NONE for those
    /// ("Fulltext index creation requires a lock").
    /// </summary>
    private static Alteration WithFulltext(Operation operation, Table? table, Alteration alteration)
    {
        if (table?.Indexes.Any(i => i.Method == "fulltext") != true || alteration.Algorithm >= Algorithm.InplaceShared) return alteration;
        var layout = operation is Diff.AddColumn or AddColumnAt or Diff.DropColumn or DropColumnAt or MoveColumn;
        if (!layout && alteration.Work != TableWork.Rewrite) return alteration;
        return new Alteration(Algorithm.InplaceShared, TableWork.Rewrite,
            $"a table with a FULLTEXT index ({table.Name}) is rebuilt for {operation.Describe()}, with writes waiting");
    }

    private static Alteration Of(Operation operation, Table? table, MySqlServer server, bool keyReplaced) => operation switch
    {
        SetTableComment => Alteration.Instant,
        AddColumn op => AddColumn(op.Column, table, server, last: true),
        AddColumnAt op => AddColumn(op.Column, table, server, last: table is not null && op.After == table.Columns[^1].Name),
        DropColumn op => DropColumn(op.Column.Name, table, server),
        DropColumnAt op => DropColumn(op.Column.Name, table, server),
        RenameColumn => server.MariaDb ? Alteration.Instant : Alteration.Online,
        MoveColumn => server.MariaDb ? Alteration.Instant : Alteration.OnlineRebuild,
        AlterColumn op => AlterColumn(op, table, server),
        AddPrimaryKey => Alteration.OnlineRebuild,
        DropPrimaryKey when keyReplaced => Alteration.OnlineRebuild,
        DropPrimaryKey => new(Algorithm.Copy, TableWork.Rewrite, "InnoDB drops a primary key, without adding another, only by copying the table"),
        CreateIndex op => CreateIndex(op.Index, table),
        DropIndex op when IsClusteringKey(op.Index, table) =>
            new(Algorithm.Copy, TableWork.Rewrite, $"{op.Index.Name} is the clustered index of {op.Table}, which has no primary key: InnoDB drops it only by copying the table"),
        DropIndex => Alteration.Online,
        // Checked as it is added; MariaDB's online form adds it unchecked, in place (MySqlSqlGenerator), then checks the rows.
        AddForeignKey => new(Algorithm.Copy, TableWork.Rewrite, "a foreign key that checks the existing rows as it is added is added only by copying the table"),
        DropForeignKey or DropCheck => server.MariaDb ? Alteration.Instant : Alteration.Online,
        AddCheck => new(Algorithm.Copy, TableWork.Rewrite, "MariaDB and MySQL add a CHECK constraint only by copying the table"),
        RenameIndex => server.MariaDb ? Alteration.Instant : Alteration.Online,
        AlterTableOptions op => TableOptions(op, server),
        _ => new(Algorithm.Copy, TableWork.Rewrite, $"no online form is known for {operation.Describe()}"),
    };

    private static Alteration AddColumn(Column column, Table? table, MySqlServer server, bool last)
    {
        if (column.Generated is { Stored: true })
            return new(Algorithm.Copy, TableWork.Rewrite, $"the stored generated column {column.Name} is computed into a copy of the table");
        if (column.AutoIncrement)
            return new(Algorithm.InplaceShared, TableWork.Rewrite, $"the AUTO_INCREMENT column {column.Name} numbers the rows as the table is rebuilt");
        if (column.Default is { Kind: DefaultKind.Sql } value && NonDeterministic().IsMatch(value.Text))
            return new(Algorithm.Copy, TableWork.Rewrite, $"the default of {column.Name} is computed row by row, into a copy of the table");
        return server.MariaDb || last ? Alteration.Instant : Alteration.OnlineRebuild;
    }

    private static Alteration DropColumn(string column, Table? table, MySqlServer server)
    {
        var keyed = table is not null && ((table.PrimaryKey?.Columns.Contains(column) ?? false) || table.Indexes.Any(i => i.ReferencedColumns.Contains(column)));
        return server.MariaDb && !keyed ? Alteration.Instant : Alteration.OnlineRebuild;
    }

    private static Alteration AlterColumn(AlterColumn op, Table? table, MySqlServer server)
    {
        var (from, to) = (op.From, op.To);
        var result = Alteration.Instant;
        if (op.TypeChanged)
            result = Alteration.Max(result, LongerString(from, to, server) ?? new Alteration(Algorithm.Copy, TableWork.Rewrite,
                $"changing the type of {to.Name} from {from.Type} to {to.Type} copies the table"));
        if (op.NullabilityChanged && !to.Nullable && (IsTimestamp(to.Type) || to.Default is { Kind: DefaultKind.Sql }))
            result = Alteration.Max(result, new Alteration(Algorithm.Copy, TableWork.Rewrite,
                $"making {to.Name} NOT NULL fills its NULLs with a default the server does not take as a constant, which it does only on a copy"));
        else if (op.NullabilityChanged && to.Nullable && table?.Indexes.FirstOrDefault(i => IsClusteringKey(i, table) && i.ColumnNames!.Contains(from.Name)) is { } key)
            result = Alteration.Max(result, new Alteration(Algorithm.Copy, TableWork.Rewrite,
                $"{key.Name} clusters {table.Name}, which has no primary key, and stops qualifying once {to.Name} takes NULLs: InnoDB changes that only by copying the table"));
        else if (op.NullabilityChanged) result = Alteration.Max(result, Alteration.OnlineRebuild);
        if (op.CollationChanged && !KeepsCharacterSet(from.Collation, to.Collation, server))
            result = Alteration.Max(result, new Alteration(Algorithm.Copy, TableWork.Rewrite,
                $"converting {to.Name} from {from.Collation ?? "the table's collation"} to {to.Collation ?? "the table's collation"} copies the table"));
        else if (op.CollationChanged)
            result = Alteration.Max(result, table?.Indexes.Any(i => i.ReferencedColumns.Contains(to.Name)) == true
                ? new Alteration(Algorithm.Inplace, TableWork.Scan) : server.MariaDb ? Alteration.Instant : Alteration.OnlineRebuild);
        if (ChecksRows(op))
            result = Alteration.Max(result, new Alteration(Algorithm.Copy, TableWork.Rewrite,
                $"the CHECK of {to.Name} is checked against the existing rows only when the table is copied (in place, MariaDB would not read them)"));
        if (op.AutoIncrementChanged || op.GeneratedChanged)
            result = Alteration.Max(result, new Alteration(Algorithm.Copy, TableWork.Rewrite, $"changing how {to.Name} gets its values copies the table"));
        if (!server.MariaDb && op.DefaultChanged) result = Alteration.Max(result, Alteration.Online);
        return result;
    }

    /// <summary>A column's own CHECK added or changed: the rows must be read against it.</summary>
    public static bool ChecksRows(AlterColumn op) => op.To.Check is not null && op.From.Check != op.To.Check;

    /// <summary>Whether the operation, or one of a combined ALTER TABLE's changes, adds or changes a column's own CHECK.</summary>
    public static bool ChecksRows(Operation operation) => operation switch
    {
        AlterColumn op => ChecksRows(op),
        CombinedAlterTable op => op.Changes.Any(ChecksRows),
        _ => false,
    };

    /// <summary>
    /// A VARCHAR or VARBINARY made longer keeps its rows while each value's length prefix keeps its size. A column of
    /// up to 255 bytes has a one-byte prefix; beyond that, values of 128 bytes or more get two. So MariaDB changes the
    /// catalog only when the old column held at most 127 bytes, or already more than 255, or the new one holds at most
    /// 255 (varchar(10) to varchar(100) in utf8mb4 is instant, varchar(32) to varchar(128) copies). MySQL rebuilds in
    /// place while the prefix keeps its size by the declared lengths alone, and copies otherwise. A character is taken
    /// as 4 bytes (utf8mb4) unless the column's collation says less.
    /// </summary>
    private static Alteration? LongerString(Column from, Column to, MySqlServer server)
    {
        if (StringType().Match(from.Type) is not { Success: true } a || StringType().Match(to.Type) is not { Success: true } b) return null;
        if (!a.Groups[1].Value.Equals(b.Groups[1].Value, StringComparison.OrdinalIgnoreCase)) return null;
        var (n, m) = (int.Parse(a.Groups[2].Value), int.Parse(b.Groups[2].Value));
        if (m < n || (from.Collation != to.Collation && from.Collation is not null)) return null;
        var perCharacter = a.Groups[1].Value.Equals("varbinary", StringComparison.OrdinalIgnoreCase) ? 1 : BytesPerCharacter(to.Collation);
        var (before, after) = (n * perCharacter, m * perCharacter);
        if (server.MariaDb) return before <= 127 || before > 255 || after <= 255 ? Alteration.Instant : null;
        return (before <= 255) == (after <= 255) ? Alteration.OnlineRebuild : null;
    }

    /// <summary>
    /// Whether the values keep their bytes: the same character set (a collation's name starts with it), or, on
    /// MariaDB, utf8mb3 widened to utf8mb4. A collation not known here (the table's new default) is taken to convert.
    /// </summary>
    private static bool KeepsCharacterSet(string? from, string? to, MySqlServer server)
    {
        if (CharacterSet(from) is not { } a || CharacterSet(to) is not { } b) return false;
        return a == b || (server.MariaDb && a is "utf8mb3" && b is "utf8mb4");
    }

    private static string? CharacterSet(string? collation)
    {
        if (collation is null) return null;
        var name = collation.ToLowerInvariant();
        var at = name.IndexOf('_');
        var set = at < 0 ? name : name[..at];
        return set == "utf8" ? "utf8mb3" : set;
    }

    private static int BytesPerCharacter(string? collation) => collation switch
    {
        null => 4,
        _ when collation.StartsWith("latin1", StringComparison.OrdinalIgnoreCase) || collation.StartsWith("ascii", StringComparison.OrdinalIgnoreCase)
                                                                                  || collation.Equals("binary", StringComparison.OrdinalIgnoreCase) => 1,
        _ when collation.StartsWith("utf8mb3", StringComparison.OrdinalIgnoreCase) || collation.StartsWith("utf8_", StringComparison.OrdinalIgnoreCase) => 3,
        _ => 4,
    };

    /// <summary>
    /// Another engine is a copy of the table into it, another row format a rebuild. A new default character set or collation concerns only columns
    /// added later (the rewriter alters the columns themselves): MariaDB changes the catalog; MySQL rebuilds in place.
    /// </summary>
    private static Alteration TableOptions(AlterTableOptions op, MySqlServer server)
    {
        var (from, to) = (op.From ?? new(), op.To ?? new());
        if (!(from.Engine ?? MySqlTableOptions.DefaultEngine).Equals(to.Engine ?? MySqlTableOptions.DefaultEngine, StringComparison.OrdinalIgnoreCase))
            return new(Algorithm.Copy, TableWork.Rewrite, $"moving {op.Table} to the {to.Engine ?? MySqlTableOptions.DefaultEngine} engine copies the table");
        // Another row format is a rebuild of the table, which InnoDB does in place with writes going on.
        if (!string.Equals(from.RowFormat, to.RowFormat, StringComparison.OrdinalIgnoreCase) || from.KeyBlockSize != to.KeyBlockSize) return Alteration.OnlineRebuild;
        return server.MariaDb ? Alteration.Instant : Alteration.OnlineRebuild;
    }

    /// <summary>
    /// A table without a primary key is clustered on its first UNIQUE index whose columns are all NOT NULL, which InnoDB
    /// then treats as the primary key. Any such index is taken to be it.
    /// </summary>
    private static bool IsClusteringKey(TableIndex index, Table? table) =>
        table is { PrimaryKey: null } && index.Unique && index.ColumnNames is { Count: > 0 } columns
        && columns.All(c => table.FindColumn(c) is { Nullable: false });

    /// <summary>MySQL's TIMESTAMP (the portable timestamptz), whose values and defaults depend on the session's time zone.</summary>
    private static bool IsTimestamp(string type) => MySqlTypes.ToSql(type).StartsWith("timestamp", StringComparison.OrdinalIgnoreCase);

    private static Alteration CreateIndex(TableIndex index, Table? table) => index.Method switch
    {
        "fulltext" => new(Algorithm.InplaceShared, table?.Indexes.Any(i => i.Method == "fulltext") == true ? TableWork.Scan : TableWork.Rewrite,
            "InnoDB builds a FULLTEXT index with writes waiting"),
        "spatial" => new(Algorithm.InplaceShared, TableWork.Scan, "InnoDB builds a SPATIAL index with writes waiting"),
        _ => new(Algorithm.Inplace, TableWork.Scan),
    };

    [GeneratedRegex(@"^(varchar|varbinary)\((\d+)\)$", RegexOptions.IgnoreCase)]
    private static partial Regex StringType();

    /// <summary>Defaults the server computes row by row when it adds the column (a sequence's next value too), which it can do only on a copy.</summary>
    [GeneratedRegex(@"\b(uuid|uuid_short|rand|random_bytes|sys_guid|sysdate|nextval|lastval|setval)\s*\(|\b(next|previous)\s+value\s+for\b", RegexOptions.IgnoreCase)]
    private static partial Regex NonDeterministic();
}

/// <summary>The server a MySQL dialect plans for: MariaDB or MySQL, which differ in their online DDL.</summary>
public sealed record MySqlServer(bool MariaDb)
{
    /// <summary>What a dialect not bound to a server (`apply --sql`, tests of the generated SQL) plans for.</summary>
    public static readonly MySqlServer MariaDb1011 = new(true);

    public static MySqlServer FromVersion(string serverVersion) =>
        new(serverVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase));
}
