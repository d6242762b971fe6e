using System.Text.RegularExpressions;
using SchemaTool.Apply;
using SchemaTool.Diff;
using SchemaTool.Model;
using static SchemaTool.Dialects.MySql.MySqlText;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// A table CHECK added on MariaDB without keeping writes waiting: the server adds one only by copying the table under
/// a lock that blocks writes, so the revision makes the copy itself, as pt-online-schema-change does. A new table
/// like the old one gets the CHECK; triggers on the old table carry each insert, update and delete to it; the rows
/// are copied in chunks by primary key, each chunk a short transaction of its own (the runner repeats the chunk
/// statement, <see cref="StatementTraits.RepeatsUntilDone"/>); then one RENAME TABLE swaps the two tables at once, and
/// the old one is dropped with its triggers. A row that breaks the CHECK stops the copy (the insert into the new
/// table fails, naming the constraint); until the revision is finished or undone, the triggers refuse writes that
/// break it, as the constraint will.
/// <para>
/// A resume after a crash finds the new table and the triggers through the statement checks of the runner (each is
/// DDL that SHOW CREATE shows) and copies the rows again from the first chunk: the copy writes each row as it is in
/// the old table, so copying a row twice changes nothing.
/// </para>
/// </summary>
internal static class OnlineTableCopy
{
    /// <summary>The session variable in which the chunk statement leaves the key its chunk ended at: NULL when no row was left.</summary>
    public const string ChunkEnd = "@schematool_chunk_end";

    /// <summary>The session variable holding the last key copied (NULL: start from the first row).</summary>
    private const string Copied = "@schematool_copied";

    /// <summary>Rows per chunk: the rows a chunk reads hold their shared locks for as long as the chunk runs.</summary>
    public const int ChunkRows = 2_000;

    private static readonly Regex IntegerType = new(@"^(tiny|small|medium|big)?int\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Why <paramref name="tableName"/> cannot be copied exactly while writes go on, in the state the revision's
    /// earlier operations leave it; null when it can.
    /// </summary>
    public static string? Refusal(string tableName, GenerationContext context)
    {
        if (context.Unfollowed.Contains(tableName)) return $"an earlier change of {tableName} in this revision is not one the copy can follow";
        if (context.Current.FindTable(tableName) is not { } table) return $"table {tableName} is not known before the change";
        if (table.Partitioning is not null) return "the table is partitioned";
        if (table.PrimaryKey is not { Columns.Count: 1 } pk) return "the copy goes by a one-column primary key, which the table does not have";
        if (table.FindColumn(pk.Columns[0]) is not { } key || !IntegerType.IsMatch(key.Type)) return "the copy goes by an integer primary key, which the table does not have";
        if (table.ForeignKeys.Count > 0) return "the table has foreign keys, which a copy cannot take under the same names";
        if (context.Current.Tables.Any(t => t.ForeignKeys.Any(k => k.ReferencedTable == tableName)))
            return "foreign keys reference the table, and would go on referencing the old one";
        if (context.Current.Triggers.Any(t => t.Table == tableName)) return "the table has triggers, which the copy's own would have to run beside";
        var names = Names.Of(tableName);
        if (names.Longest.Length > 64) return "the table's name is too long for the names of the copy and its triggers";
        if (context.Current.FindTable(names.Shadow) is not null || context.Current.FindTable(names.Old) is not null ||
            context.Current.Triggers.Any(t => t.Name == names.InsertTrigger || t.Name == names.UpdateTrigger || t.Name == names.DeleteTrigger))
            return $"the names the copy needs ({names.Shadow}, {names.Old}, {names.InsertTrigger}, ...) are taken";
        return null;
    }

    public static IReadOnlyList<Statement> Statements(AddCheck add, GenerationContext context)
    {
        var table = context.Current.FindTable(add.Table)!;
        var names = Names.Of(add.Table);
        var key = Quote(table.PrimaryKey!.Columns[0]);
        var columns = table.Columns.Where(c => c.Generated is null).Select(c => Quote(c.Name)).ToList();
        var list = string.Join(", ", columns);
        var newValues = string.Join(", ", columns.Select(c => "NEW." + c));
        var (t, shadow) = (Quote(add.Table), Quote(names.Shadow));
        return
        [
            Catalog($"CREATE TABLE {shadow} LIKE {t}") with
            {
                Note = $"MariaDB adds a table CHECK only by copying the table while writes wait, so the revision copies {add.Table} itself while writes go on: " +
                       $"a new table {names.Shadow} with the CHECK, triggers that carry each write to it, the rows copied in chunks, then a rename that swaps the two",
            },
            Catalog(MySqlSqlGenerator.Generate(new AddCheck(names.Shadow, add.Check))[0]),
            Catalog($"CREATE TRIGGER {Quote(names.InsertTrigger)} AFTER INSERT ON {t} FOR EACH ROW REPLACE INTO {shadow} ({list}) VALUES ({newValues})"),
            // The DELETE only when the key changed: a DELETE of a row not copied yet would lock the gap the chunks
            // insert into, and the writer and the copy would deadlock.
            Catalog($"CREATE TRIGGER {Quote(names.UpdateTrigger)} AFTER UPDATE ON {t} FOR EACH ROW BEGIN\n" +
                    $"  IF NOT (OLD.{key} <=> NEW.{key}) THEN\n" +
                    $"    DELETE FROM {shadow} WHERE {key} = OLD.{key};\n" +
                    "  END IF;\n" +
                    $"  REPLACE INTO {shadow} ({list}) VALUES ({newValues});\n" +
                    "END"),
            Catalog($"CREATE TRIGGER {Quote(names.DeleteTrigger)} AFTER DELETE ON {t} FOR EACH ROW DELETE FROM {shadow} WHERE {key} = OLD.{key}"),
            MySqlDialect.ClassifyOne(ChunkStatement(t, shadow, key, columns)) with
            {
                Note = $"copies the rows of {add.Table} in chunks of {ChunkRows} by primary key: apply runs this block once per chunk, each chunk a short transaction " +
                       $"of its own, until it leaves {ChunkEnd} NULL (by hand: run it until SELECT {ChunkEnd} gives NULL); " +
                       $"a row that breaks {add.Check.Name} stops it, naming the constraint",
            },
            Catalog($"RENAME TABLE {t} TO {Quote(names.Old)}, {shadow} TO {t}") with
            {
                Note = $"swaps the tables at once: the copy, with the CHECK, becomes {add.Table}; the triggers go with the old table",
            },
            Catalog($"DROP TABLE {Quote(names.Old)}"),
        ];
    }

    /// <summary>
    /// One chunk: the key the next <see cref="ChunkRows"/> rows end at (a consistent read), then, in one transaction,
    /// those rows read with shared locks, so that no write to them can come between the read and the insert (the
    /// triggers carry every later write), and inserted one by one. One by one, not REPLACE ... SELECT: InnoDB holds a
    /// table's AUTO-INC lock for the whole of an INSERT ... SELECT into it, and the triggers' inserts would wait for
    /// it, or deadlock with the chunk. An error rolls the chunk back before it ends the block. After the last chunk the
    /// place is reset, so that a later copy in the same session starts afresh.
    /// </summary>
    private static string ChunkStatement(string table, string shadow, string key, IReadOnlyList<string> columns)
    {
        var list = string.Join(", ", columns);
        var values = string.Join(", ", columns.Select(c => "r." + c));
        return "BEGIN NOT ATOMIC\n" +
               "  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;\n" +
               $"  SET {ChunkEnd} = (SELECT MAX({key}) FROM (SELECT {key} FROM {table} WHERE {Copied} IS NULL OR {key} > {Copied} ORDER BY {key} LIMIT {ChunkRows}) AS chunk);\n" +
               $"  IF {ChunkEnd} IS NOT NULL THEN\n" +
               "    START TRANSACTION;\n" +
               $"    FOR r IN (SELECT {list} FROM {table} WHERE ({Copied} IS NULL OR {key} > {Copied}) AND {key} <= {ChunkEnd} LOCK IN SHARE MODE) DO\n" +
               $"      REPLACE INTO {shadow} ({list}) VALUES ({values});\n" +
               "    END FOR;\n" +
               "    COMMIT;\n" +
               "  END IF;\n" +
               $"  SET {Copied} = {ChunkEnd};\n" +
               "END";
    }

    /// <summary>Whether the statement is a chunk statement: a compound statement that leaves <see cref="ChunkEnd"/>.</summary>
    public static bool IsChunkStatement(string statement) =>
        statement.StartsWith("BEGIN NOT ATOMIC", StringComparison.OrdinalIgnoreCase) &&
        statement.Contains($"SET {ChunkEnd} =", StringComparison.OrdinalIgnoreCase);

    /// <summary>A statement on the new table, or one that changes the catalog only.</summary>
    private static Statement Catalog(string text)
    {
        var statement = MySqlDialect.ClassifyOne(text);
        return statement with { Traits = statement.Traits with { Work = TableWork.None } };
    }

    private sealed record Names(string Shadow, string Old, string InsertTrigger, string UpdateTrigger, string DeleteTrigger)
    {
        public static Names Of(string table) => new($"_{table}_new", $"_{table}_old", $"_{table}_ins", $"_{table}_upd", $"_{table}_del");

        public string Longest => Shadow;
    }
}
