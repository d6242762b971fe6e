using SchemaTool.Apply;
using SchemaTool.Diff;
using SchemaTool.Model;
using static SchemaTool.Dialects.MySql.MySqlText;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// The online forms, for a table that exists before the revision: each ALTER TABLE names the algorithm it may use
/// (<see cref="MySqlAlterations"/>), so that the server refuses it rather than quietly lock the table for longer. A
/// foreign key on MariaDB is added without checking the existing rows (which lets writes go on), and a statement after
/// it checks them, failing with the constraint's name when one has no referenced row; new rows are checked from the
/// moment the key exists. A column's own CHECK on MariaDB is added the same way: in place without reading the rows,
/// then a statement checks them. A table CHECK on MariaDB is added by copying the table while writes go on
/// (<see cref="OnlineTableCopy"/>). A change that copies the table says so in a comment above it and in the plan.
/// </summary>
public static partial class MySqlSqlGenerator
{
    public static IReadOnlyList<Statement> Generate(Operation operation, GenerationContext context, MySqlServer server)
    {
        var plain = Generate(operation)[0];
        if (operation is Diff.CreateTable or DropTable or RenameTable or RebuildTable)
            return [Classified(plain) with { Traits = Classified(plain).Traits with { Work = TableWork.None } }];
        // A view, trigger, routine or event holds no rows: nothing to copy, no algorithm to name.
        if (operation.ObjectKind != SchemaObjectKind.Table) return [Classified(plain)];
        var existing = context.Existing(operation.TableName);
        var alteration = MySqlAlterations.Of(operation, existing, existing is null ? null : context.Current.FindTable(operation.TableName), server);
        if (!context.IsOnline(operation.TableName))
            // MariaDB adds a column's CHECK in place without reading the rows unless told to copy.
            return [Predicted(Classified(MySqlAlterations.ChecksRows(operation) ? $"{plain}, ALGORITHM=COPY" : plain), alteration)];
        if (operation is AlterColumn { From: var before, To: var to } check && server.MariaDb && MySqlAlterations.ChecksRows(check) && before with { Check = to.Check } == to)
            return
            [
                Predicted(Classified($"{plain}, {Alteration.Instant.Clause}"), Alteration.Instant) with
                {
                    Note = $"adds the CHECK of {to.Name} without reading the existing rows, so that writes go on; the next statement checks them",
                },
                Classified(CheckColumn(check.Table, to)) with
                {
                    Traits = Classified(CheckColumn(check.Table, to)).Traits with { Work = TableWork.Scan },
                    Note = $"checks that every row of {check.Table} keeps the CHECK of {to.Name}; fails, naming it, if one does not",
                },
            ];
        if (operation is AddForeignKey fk && server.MariaDb)
            return
            [
                Predicted(Classified($"SET STATEMENT foreign_key_checks = 0 FOR {plain}, {Alteration.Online.Clause}"), Alteration.Online) with
                {
                    Note = "adds the foreign key without reading the existing rows, so that writes go on; the next statement checks them",
                },
                Classified(CheckForeignKey(fk.Table, fk.Key)) with
                {
                    Traits = Classified(CheckForeignKey(fk.Table, fk.Key)).Traits with { Work = TableWork.Scan },
                    Note = $"checks that every row of {fk.Table} has its {fk.Key.ReferencedTable} row; fails, naming the key, if one does not",
                },
            ];
        string? noCopy = null;
        if (operation is AddCheck add && server.MariaDb && context.Current.FindTable(add.Table) is not null)
        {
            noCopy = OnlineTableCopy.Refusal(add.Table, context);
            if (noCopy is null) return OnlineTableCopy.Statements(add, context);
        }
        var statement = Classified($"{plain}, {alteration.Clause}");
        var note = CopyNote(alteration) is { } copies && noCopy is not null ? $"{copies}; not copied online: {noCopy}" : CopyNote(alteration);
        return [statement with { Traits = statement.Traits with { Work = alteration.Work }, Note = note }];
    }

    /// <summary>
    /// A statement that fails when an existing row breaks the foreign key, and reads the tables without locking them:
    /// the rows are read by a SELECT ... INTO, a consistent read. A subquery in the IF itself would be a locking read
    /// (InnoDB locks what the non-SELECT statements of a stored program read), which keeps every insert into the
    /// table waiting until the check ends. MariaDB runs the compound statement outside a stored program; rows with a
    /// NULL in a key column are not checked, as the key does not check them either.
    /// </summary>
    private static string CheckForeignKey(string table, ForeignKey key)
    {
        var notNull = string.Join(" AND ", key.Columns.Select(c => $"c.{Quote(c)} IS NOT NULL"));
        var match = string.Join(" AND ", key.Columns.Zip(key.ReferencedColumns, (c, p) => $"p.{Quote(p)} = c.{Quote(c)}"));
        var message = $"foreign key {key.Name}: rows of {table} reference no row of {key.ReferencedTable}";
        if (message.Length > 128) message = message[..125] + "...";
        return "BEGIN NOT ATOMIC\n" +
               "  DECLARE missing INT;\n" +
               $"  SELECT EXISTS (SELECT 1 FROM {Quote(table)} c WHERE {notNull} AND NOT EXISTS (SELECT 1 FROM {Quote(key.ReferencedTable)} p WHERE {match})) INTO missing;\n" +
               "  IF missing THEN\n" +
               $"    SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = {String(message)};\n" +
               "  END IF;\n" +
               "END";
    }

    /// <summary>
    /// A statement that fails when an existing row breaks a column's CHECK, reading the rows without locking them (a
    /// consistent read, as <see cref="CheckForeignKey"/>). A row breaks it when the condition is false; NULL passes,
    /// as it does for the constraint.
    /// </summary>
    private static string CheckColumn(string table, Column column)
    {
        var message = $"check of {table}.{column.Name}: rows of {table} break it";
        if (message.Length > 128) message = message[..125] + "...";
        return "BEGIN NOT ATOMIC\n" +
               "  DECLARE broken INT;\n" +
               $"  SELECT EXISTS (SELECT 1 FROM {Quote(table)} WHERE NOT ({column.Check})) INTO broken;\n" +
               "  IF broken THEN\n" +
               $"    SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = {String(message)};\n" +
               "  END IF;\n" +
               "END";
    }

    private static Statement Classified(string text) => MySqlDialect.ClassifyOne(text);

    /// <summary>A plain statement with the algorithm the server is expected to choose for it, which the text does not say.</summary>
    private static Statement Predicted(Statement statement, Alteration alteration) => statement with
    {
        Traits = statement.Traits with
        {
            Lock = statement.Traits.Lock ?? alteration.Clause + " (expected: the statement names none)",
            Work = alteration.Work,
            BlocksWrites = alteration.BlocksWrites,
        },
        Note = CopyNote(alteration),
    };

    private static string? CopyNote(Alteration alteration) => alteration.Algorithm switch
    {
        Algorithm.Copy => $"copies the table, writes waiting until it ends: {alteration.Why}",
        Algorithm.InplaceShared => $"rebuilds in place, writes waiting until it ends: {alteration.Why}",
        _ => null,
    };
}
