using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

/// <summary>
/// Replaces the operations that SQLite's ALTER TABLE cannot run with one rebuild per table, built from the
/// inspected table and the desired one. The views and triggers of the model are dropped before a rebuild and
/// created after it (DependentObjects); a rebuild carries only the triggers the model cannot express, verbatim.
/// </summary>
internal static class SqliteRebuildRewriter
{
    public static IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired) =>
        UnorderCycles(RewriteRebuilds(RecreateVirtualTables(SplitReplacedViews(operations), current, desired), current, desired));

    /// <summary>SQLite has no CREATE OR REPLACE VIEW: a changed view is dropped and created (its triggers with it, see DependentObjects).</summary>
    private static IReadOnlyList<Operation> SplitReplacedViews(IReadOnlyList<Operation> operations) =>
        operations.Any(o => o is ReplaceView)
            ? operations.SelectMany(o => o is ReplaceView r ? [new DropView(r.From), new CreateView(r.To)] : new[] { o }).ToList()
            : operations;

    /// <summary>
    /// A virtual table cannot be altered: a change of its module or arguments, or a table that becomes virtual or
    /// stops being it, is a drop and a create (the virtual table's rows go with it, as the drop's warning says).
    /// </summary>
    private static IReadOnlyList<Operation> RecreateVirtualTables(IReadOnlyList<Operation> operations, Schema current, Schema desired)
    {
        var changed = operations.OfType<AlterTableOptions>().Where(o => o.From?.Virtual != o.To?.Virtual).Select(o => o.Table).ToHashSet(StringComparer.Ordinal);
        if (changed.Count == 0) return operations;
        var renamedFrom = operations.OfType<RenameTable>().ToDictionary(r => r.To, r => r.From, StringComparer.Ordinal);
        var result = operations.Where(o => !changed.Contains(o.TableName)).ToList();
        foreach (var table in changed.Order(StringComparer.Ordinal))
        {
            var want = desired.FindTable(table)!;
            result.Add(new DropTable(current.FindTable(renamedFrom.GetValueOrDefault(table, table))!));
            result.Add(new CreateTable(want with { RenamedFrom = null, Columns = want.Columns.Select(c => c.WithoutHints()).ToValueList() }));
        }
        return result;
    }

    /// <summary>
    /// SQLite accepts a CREATE TABLE whose foreign key names a table not created yet, and the apply engine runs
    /// with foreign_keys off; so tables created (or dropped) in a foreign-key cycle are not ordered by those keys.
    /// Otherwise the orderer would split the cycle into an AddForeignKey, which SQLite can only do by a rebuild.
    /// </summary>
    private static IReadOnlyList<Operation> UnorderCycles(IReadOnlyList<Operation> operations)
    {
        var created = InCycle(operations.OfType<CreateTable>().Select(c => c.Table));
        var dropped = InCycle(operations.OfType<DropTable>().Select(d => d.Table));
        if (created.Count == 0 && dropped.Count == 0) return operations;
        return operations.Select(op => op switch
        {
            CreateTable c when created.Contains(c.Table.Name) => c with { ForeignKeysUnordered = true },
            DropTable d when dropped.Contains(d.Table.Name) => d with { ForeignKeysUnordered = true },
            _ => op,
        }).ToList();
    }

    /// <summary>The tables that reach themselves through foreign keys to other tables of the set.</summary>
    private static HashSet<string> InCycle(IEnumerable<Table> tables)
    {
        var edges = tables.ToDictionary(
            t => t.Name,
            t => t.ForeignKeys.Select(f => f.ReferencedTable).Where(r => r != t.Name).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in edges.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(edges[start]);
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                if (next == start) { result.Add(start); break; }
                if (!edges.TryGetValue(next, out var targets) || !seen.Add(next)) continue;
                foreach (var t in targets) stack.Push(t);
            }
        }
        return result;
    }

    private static IReadOnlyList<Operation> RewriteRebuilds(IReadOnlyList<Operation> operations, Schema current, Schema desired)
    {
        var renamedTo = operations.OfType<RenameTable>().ToDictionary(r => r.From, r => r.To, StringComparer.Ordinal);
        string NewName(string table) => renamedTo.GetValueOrDefault(table, table);

        var drops = operations.OfType<DropColumn>().GroupBy(d => d.Table).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var rebuild = operations.Where(op => NeedsRebuild(op, current, drops)).Select(op => NewName(op.TableName)).ToHashSet(StringComparer.Ordinal);
        var renamedFrom = renamedTo.ToDictionary(r => r.Value, r => r.Key, StringComparer.Ordinal);
        rebuild.UnionWith(RowIdChanges(operations, current, desired, renamedFrom));
        if (rebuild.Count == 0) return operations;

        var columnRenamesByTable = operations.OfType<RenameColumn>().ToLookup(r => r.Table, StringComparer.Ordinal);
        // A column rename runs in place before the rebuild, so that SQLite rewrites what names the column in
        // other tables' foreign keys and in views; the rebuild then reads the column by its new name.
        var inPlace = rebuild.Where(t => CanRenameInPlace(current.FindTable(renamedFrom.GetValueOrDefault(t, t))!)).ToHashSet(StringComparer.Ordinal);
        IReadOnlyDictionary<string, string> RenamedInPlace(string table) => !rebuild.Contains(table) || inPlace.Contains(table)
            ? columnRenamesByTable[table].ToDictionary(r => r.From, r => r.To, StringComparer.Ordinal)
            : new Dictionary<string, string>();
        var result = new List<Operation>();
        foreach (var op in operations)
        {
            var table = NewName(op.TableName);
            // Views and triggers are not part of a table's rebuild: they are dropped and created around it.
            if (op is RenameTable || op is RenameColumn && inPlace.Contains(table) || !rebuild.Contains(table) || op.ObjectKind != SchemaObjectKind.Table)
                result.Add(op);
        }
        foreach (var table in rebuild.Order(StringComparer.Ordinal))
        {
            var oldName = renamedFrom.GetValueOrDefault(table, table);
            var before = AfterRenames(current.FindTable(oldName)!, RenamedInPlace(table), NewName, RenamedInPlace);
            var to = desired.FindTable(table)!;
            var columnRenames = inPlace.Contains(table)
                ? new Dictionary<string, string>()
                : columnRenamesByTable[table].ToDictionary(r => r.To, r => r.From, StringComparer.Ordinal);
            var sources = to.Columns
                .Where(c => c.Generated is null)
                .Select(c => new ColumnSource(c.Name, columnRenames.GetValueOrDefault(c.Name, c.Name)))
                .Where(s => before.FindColumn(s.From) is { Generated: null })
                .ToValueList();
            var triggers = current.Unmanaged.Where(u => u.Kind == "trigger" && u.Table == oldName && u.Definition is not null)
                .Select(u => oldName == table ? u.Definition! : RenameTableIn(u.Definition!, oldName, table)).ToValueList();
            var stripped = to with { RenamedFrom = null, Columns = to.Columns.Select(c => c.WithoutHints()).ToValueList() };
            result.Add(new RebuildTable(before with { Name = table }, stripped, sources, triggers));
        }
        return result;
    }

    /// <summary>
    /// The tables whose primary key becomes the rowid or stops being it (`id int PRIMARY KEY` against
    /// `id INTEGER PRIMARY KEY`): the differ takes int and INTEGER for one type, which they are everywhere else.
    /// </summary>
    private static IEnumerable<string> RowIdChanges(IReadOnlyList<Operation> operations, Schema current, Schema desired, Dictionary<string, string> renamedFrom)
    {
        var created = operations.OfType<CreateTable>().Select(c => c.Table.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var want in desired.Tables)
        {
            if (created.Contains(want.Name) || current.FindTable(renamedFrom.GetValueOrDefault(want.Name, want.Name)) is not { } have) continue;
            if (SqliteNormalizer.RowIdAlias(have) is null != SqliteNormalizer.RowIdAlias(want) is null) yield return want.Name;
        }
    }

    /// <summary>
    /// A column rename in place rewrites every SQL text that names the column; the inverse rebuild would create
    /// checks, generated columns and index expressions from the text read before, so such tables rename by the
    /// rebuild's copy instead.
    /// </summary>
    private static bool CanRenameInPlace(Table table) =>
        table.Checks.Count == 0
        && table.Columns.All(c => c.Generated is null)
        && table.Indexes.All(i => i.Where is null && i.Parts.All(p => p.Column is not null));

    /// <summary>
    /// The table as it stands when its rebuild runs: after the renames that ran in place, of its own columns and
    /// of the tables and columns its foreign keys reference (SQLite rewrites those references).
    /// </summary>
    private static Table AfterRenames(Table table, IReadOnlyDictionary<string, string> own, Func<string, string> tableName, Func<string, IReadOnlyDictionary<string, string>> columnsOf)
    {
        string R(string column) => own.GetValueOrDefault(column, column);
        return table with
        {
            Columns = table.Columns.Select(c => c with { Name = R(c.Name) }).ToValueList(),
            PrimaryKey = table.PrimaryKey is { } pk ? pk with { Columns = pk.Columns.Select(R).ToValueList() } : null,
            Indexes = table.Indexes.Select(i => i with { Parts = i.Parts.Select(p => p.Column is { } c ? p with { Column = R(c) } : p).ToValueList() }).ToValueList(),
            ForeignKeys = table.ForeignKeys.Select(f => f with
            {
                Columns = f.Columns.Select(R).ToValueList(),
                ReferencedTable = tableName(f.ReferencedTable),
                ReferencedColumns = f.ReferencedColumns.Select(c => columnsOf(tableName(f.ReferencedTable)).GetValueOrDefault(c, c)).ToValueList(),
            }).ToValueList(),
        };
    }

    /// <summary>
    /// A trigger's text with the table named by its new name. ALTER TABLE RENAME rewrites the stored trigger, but
    /// a rebuild in the same revision drops it and creates it again from the text read before the rename.
    /// A name after a dot (NEW.x, alias.x) is a column, and stays.
    /// </summary>
    internal static string RenameTableIn(string sql, string from, string to)
    {
        var tokens = SqliteTokenizer.Tokenize(sql);
        var text = new System.Text.StringBuilder();
        var last = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Kind is not (TokenKind.Word or TokenKind.Quoted) || !t.Name.Equals(from, StringComparison.OrdinalIgnoreCase)) continue;
            if (i > 0 && tokens[i - 1].IsSymbol('.')) continue;
            text.Append(sql, last, t.Start - last).Append(SqliteSqlGenerator.Quote(to));
            last = t.End;
        }
        return text.Append(sql, last, sql.Length - last).ToString();
    }

    private static bool NeedsRebuild(Operation op, Schema current, Dictionary<string, int> drops) => op switch
    {
        _ when op.ObjectKind != SchemaObjectKind.Table => false,
        CreateTable or DropTable or RenameTable or RenameColumn => false,
        CreateIndex c => c.Index.Constraint,
        DropIndex d => d.Index.Constraint,
        AddColumn a => !CanAddInPlace(a.Column),
        DropColumn d => !CanDropInPlace(current.FindTable(d.Table), d.Column.Name, drops[d.Table]),
        _ => true,
    };

    // sqlite.org/lang_altertable.html#altertabaddcol: no PRIMARY KEY/UNIQUE, no non-constant default,
    // NOT NULL needs a non-null default, no STORED generated column.
    private static bool CanAddInPlace(Column column) =>
        !column.AutoIncrement
        && column.Generated is not { Stored: true }
        && (column.Nullable || column.Default is not null || column.Generated is not null)
        && column.Default is not { Kind: DefaultKind.Sql };

    // DROP COLUMN fails when the column is in a key, an index, a foreign key, a check or a generated column.
    // Drops run before adds, and SQLite refuses to drop a table's last column ("no other columns exist").
    private static bool CanDropInPlace(Table? table, string column, int dropped)
    {
        if (table is null || dropped >= table.Columns.Count) return false;
        if (table.PrimaryKey?.Columns.Contains(column) == true) return false;
        if (table.Indexes.Any(i => i.Constraint && i.ReferencedColumns.Contains(column))) return false;
        if (table.ForeignKeys.Any(f => f.Columns.Contains(column))) return false;
        if (table.Checks.Count > 0 || table.Columns.Any(c => c.Generated is not null)) return false;
        return true;
    }
}
