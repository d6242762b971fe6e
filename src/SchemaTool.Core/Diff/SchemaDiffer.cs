using SchemaTool.Model;

namespace SchemaTool.Diff;

/// <summary>
/// Compares two schemas in the same canonical form and lists the operations that turn the first into the
/// second. Drops carry the object as it is now (old names); creates and alters carry it as it will be.
/// </summary>
public static class SchemaDiffer
{
    /// <param name="sameTableName">
    /// How the database compares table names. Where it ignores case (SQLite), a name that differs from the
    /// database's only by case is the same object, so the change is a rename, never a drop and a create.
    /// </param>
    /// <param name="sameColumnName">The same for column names (MySQL ignores their case); by default as tables.</param>
    /// <param name="renameIndexes">
    /// Whether an index dropped and one of the same definition created under another name on the same table is
    /// renamed instead (<see cref="RenameIndex"/>): where the database can rename an index in place.
    /// </param>
    /// <param name="comparedColumn">
    /// A column in the form in which two are compared (IDialect.Compared): spellings the database treats as one
    /// are no change. An operation carries the columns themselves, so SQL keeps the model's spelling.
    /// </param>
    /// <param name="comparedForeignKey">The same for foreign keys.</param>
    public static IReadOnlyList<Operation> Diff(Schema current, Schema desired,
        IEqualityComparer<string>? sameTableName = null, IEqualityComparer<string>? sameColumnName = null, bool renameIndexes = false,
        Func<Table, Column, Column>? comparedColumn = null, Func<ForeignKey, ForeignKey>? comparedForeignKey = null)
    {
        sameTableName ??= StringComparer.Ordinal;
        sameColumnName ??= sameTableName;
        var objectOps = new List<Operation>();
        var typeRenames = ObjectDiffer.Diff(current, desired, objectOps);
        if (typeRenames.Count > 0) current = WithRenamedTypes(current, typeRenames);
        var rules = new Comparison(comparedColumn ?? ((_, c) => c), comparedForeignKey ?? (f => f));
        var ops = new List<Operation>();
        var currentByName = current.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var desiredNames = desired.Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        var matches = new List<TableMatch>();
        var matchedCurrent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var want in desired.Tables)
        {
            var have = currentByName.GetValueOrDefault(want.Name);
            if (have is null && want.RenamedFrom is { } old && !desiredNames.Contains(old) && currentByName.TryGetValue(old, out var renamed))
            {
                have = renamed;
                ops.Add(new RenameTable(old, want.Name));
            }
            if (have is null && CaseVariant(current.Tables.Select(t => t.Name), want.Name, desiredNames, matchedCurrent, sameTableName) is { } variant)
            {
                have = currentByName[variant];
                ops.Add(new RenameTable(variant, want.Name));
            }
            if (have is null)
            {
                ops.Add(new CreateTable(StripHints(want)));
                continue;
            }
            matchedCurrent.Add(have.Name);
            matches.Add(new TableMatch(have, want, MatchColumns(have, want, sameColumnName)));
        }

        foreach (var have in current.Tables.Where(t => !matchedCurrent.Contains(t.Name)))
            ops.Add(new DropTable(have));

        var byCurrentName = matches.ToDictionary(m => m.Current.Name, StringComparer.Ordinal);
        var indexNames = renameIndexes ? IndexRenames.NamesOf(current, desired) : null;

        foreach (var match in matches)
            DiffTable(match, byCurrentName, indexNames, rules, ops);
        ops.AddRange(objectOps);
        return ops;
    }

    /// <summary>The columns of a type that the model renames follow it (RenameType), so they are not changed themselves.</summary>
    private static Schema WithRenamedTypes(Schema schema, IReadOnlyDictionary<string, string> renames) => schema with
    {
        Tables = schema.Tables.MapShared(t => ValueList.SameIfEqual(t, t with
        {
            Columns = t.Columns.MapShared(c =>
                renames.TryGetValue(ObjectUses.TypeName(c.Type), out var to) ? c with { Type = to + c.Type[ObjectUses.TypeName(c.Type).Length..] } : c),
        })),
    };

    private sealed record Comparison(Func<Table, Column, Column> Column, Func<ForeignKey, ForeignKey> ForeignKey)
    {
        public bool SameColumn(Table tableA, Column a, Table tableB, Column b) => a == b || Column(tableA, a) == Column(tableB, b);
        /// <summary>NOT VALID is how a key was added, not what it is: a key validated since, or not yet, is the same key.</summary>
        public bool SameForeignKey(ForeignKey a, ForeignKey b) =>
            a == b || ForeignKey(a with { NotValid = false }) == ForeignKey(b with { NotValid = false });
    }

    /// <summary>The one unmatched current name that <paramref name="sameName"/> equates with <paramref name="wanted"/>, when the desired side does not keep it.</summary>
    private static string? CaseVariant(IEnumerable<string> currentNames, string wanted, IReadOnlySet<string> desiredNames, IReadOnlySet<string> taken, IEqualityComparer<string> sameName)
    {
        var variants = currentNames
            .Where(n => n != wanted && sameName.Equals(n, wanted) && !desiredNames.Contains(n) && !taken.Contains(n))
            .Take(2).ToList();
        return variants.Count == 1 ? variants[0] : null;
    }

    private sealed record TableMatch(Table Current, Table Desired, IReadOnlyDictionary<string, string> ColumnRenames)
    {
        public string NewColumnName(string currentName) => ColumnRenames.GetValueOrDefault(currentName, currentName);

        public string CurrentColumnName(string desiredName) =>
            ColumnRenames.Count == 0 ? desiredName : ColumnRenames.FirstOrDefault(r => r.Value == desiredName).Key ?? desiredName;

        public bool RenamesAnything => ColumnRenames.Count > 0 || Current.Name != Desired.Name;
    }

    /// <summary>Current column name to desired column name, for the columns that are renamed.</summary>
    private static Dictionary<string, string> MatchColumns(Table have, Table want, IEqualityComparer<string> sameName)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        HashSet<string>? wantNames = null;
        foreach (var column in want.Columns)
        {
            if (have.FindColumn(column.Name) is not null) continue;
            wantNames ??= want.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            if (column.RenamedFrom is { } old && !wantNames.Contains(old) && have.FindColumn(old) is not null)
                renames[old] = column.Name;
            else if (CaseVariant(have.Columns.Select(c => c.Name), column.Name, wantNames, renames.Keys.ToHashSet(), sameName) is { } variant)
                renames[variant] = column.Name;
        }
        return renames;
    }

    private static void DiffTable(TableMatch match, IReadOnlyDictionary<string, TableMatch> byCurrentName,
        IndexRenames.Names? indexNames, Comparison rules, List<Operation> ops)
    {
        var (have, want) = (match.Current, match.Desired);
        var oldName = have.Name;
        var newName = want.Name;
        var start = ops.Count;
        if (have.Partitioning?.By != want.Partitioning?.By)
        {
            // A table cannot be partitioned, or its partition key changed, in place: it is made again (with a warning).
            ops.Add(new DropTable(have));
            ops.Add(new CreateTable(StripHints(want)));
            return;
        }

        foreach (var (from, to) in match.ColumnRenames)
            ops.Add(new RenameColumn(newName, from, to));

        var matchedColumns = new HashSet<string>(have.Columns.Count, StringComparer.Ordinal);
        foreach (var column in want.Columns)
        {
            var wanted = column.WithoutHints();
            var currentName = match.CurrentColumnName(column.Name);
            var existing = have.FindColumn(currentName);
            if (existing is null)
            {
                ops.Add(new AddColumn(newName, wanted));
                continue;
            }
            matchedColumns.Add(currentName);
            var renamed = existing.Name == column.Name ? existing : existing with { Name = column.Name };
            if (!rules.SameColumn(have, renamed, want, wanted)) ops.Add(new AlterColumn(newName, renamed, wanted));
        }
        foreach (var column in have.Columns)
            if (!matchedColumns.Contains(column.Name)) ops.Add(new DropColumn(oldName, column));

        if (!SameKey(have.PrimaryKey, want.PrimaryKey, match))
        {
            if (have.PrimaryKey is not null) ops.Add(new DropPrimaryKey(oldName, have.PrimaryKey));
            if (want.PrimaryKey is not null) ops.Add(new AddPrimaryKey(newName, want.PrimaryKey));
        }

        var first = ops.Count;
        DiffByName(have.Indexes, want.Indexes, i => i.Name, i => Translate(i, match), Equal,
            i => new DropIndex(oldName, i), i => new CreateIndex(newName, i), ops);
        IndexStorageChanges.Pair(ops, first, newName, i => Translate(i, match));
        if (indexNames is not null) IndexRenames.Pair(ops, first, newName, i => Translate(i, match), indexNames);
        DiffByName(have.ForeignKeys, want.ForeignKeys, f => f.Name, f => Translate(f, match, byCurrentName), rules.SameForeignKey,
            f => new DropForeignKey(oldName, f), f => new AddForeignKey(newName, f), ops);
        // NOT VALID is how a check was added (as for a foreign key, Comparison.SameForeignKey): no reason to re-create it.
        DiffByName(have.Checks, want.Checks, c => c.Name, c => c, (a, b) => Equal(a with { NotValid = false }, b with { NotValid = false }),
            c => new DropCheck(oldName, c), c => new AddCheck(newName, c), ops);
        // A comment changed alone is set in place (SetExclusionComment), not by building the index again.
        DiffByName(have.Exclusions, want.Exclusions, e => e.Name, e => Translate(e, match) with { Comment = null }, (a, b) => a == b with { Comment = null },
            e => new DropExclusion(oldName, e), e => new AddExclusion(newName, e), ops);
        foreach (var wanted in want.Exclusions)
            if (have.Exclusions.FirstOrDefault(e => e.Name == wanted.Name) is { } existing && existing.Comment != wanted.Comment
                && Translate(existing, match) with { Comment = null } == wanted with { Comment = null })
                ops.Add(new SetExclusionComment(newName, wanted.Name, existing.Comment, wanted.Comment));
        if (have.Partitioning is { } partitioned && want.Partitioning is { } wantedPartitioning)
            DiffByName(partitioned.Partitions, wantedPartitioning.Partitions, p => p.Name, p => p, Equal,
                p => new DropPartition(oldName, p), p => new CreatePartition(newName, p), ops);

        if (have.Comment != want.Comment)
            ops.Add(new SetTableComment(newName, have.Comment, want.Comment));
        if (have.Options != want.Options)
            ops.Add(new AlterTableOptions(newName, have.Options, want.Options));
        if (have.ClusterOn != want.ClusterOn)
            ops.Add(new SetClusterIndex(newName, have.ClusterOn, want.ClusterOn));
        else if (want.ClusterOn is { } clustered && ops.Skip(start).Any(o => o is CreateIndex c && c.Index.Name == clustered || o is AddPrimaryKey { Key.Name: var k } && k == clustered))
        {
            // Its index is built again, which loses the mark: unmarked before, marked after, in both files.
            ops.Add(new SetClusterIndex(newName, clustered, null));
            ops.Add(new SetClusterIndex(newName, null, clustered));
        }
    }

    private static void DiffByName<T>(
        ValueList<T> current, ValueList<T> desired, Func<T, string> name, Func<T, T> translate, Func<T, T, bool> same,
        Func<T, Operation> drop, Func<T, Operation> create, List<Operation> ops) where T : notnull
    {
        if (current.Count == 0 && desired.Count == 0) return;
        var desiredByName = ByName(desired, name);
        var currentByName = ByName(current, name);
        foreach (var item in current)
        {
            if (!desiredByName.TryGetValue(name(item), out var wanted) || !same(translate(item), wanted))
                ops.Add(drop(item));
        }
        foreach (var item in desired)
        {
            if (!currentByName.TryGetValue(name(item), out var existing) || !same(translate(existing), item))
                ops.Add(create(item));
        }
    }

    private static bool Equal<T>(T a, T b) where T : notnull => a.Equals(b);

    /// <summary>Throws on a duplicate name, as ToDictionary did.</summary>
    private static Dictionary<string, T> ByName<T>(ValueList<T> items, Func<T, string> name)
    {
        var byName = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items) byName.Add(name(item), item);
        return byName;
    }

    private static TableIndex Translate(TableIndex index, TableMatch match) =>
        match.ColumnRenames.Count == 0 ? index : index with
        {
            Parts = index.Parts.Select(p => p.Column is null ? p : p with { Column = match.NewColumnName(p.Column) }).ToValueList(),
        };

    private static Exclusion Translate(Exclusion exclusion, TableMatch match) =>
        match.ColumnRenames.Count == 0 ? exclusion : exclusion with
        {
            Elements = exclusion.Elements.Select(e => e.Part.Column is null ? e : e with { Part = e.Part with { Column = match.NewColumnName(e.Part.Column) } }).ToValueList(),
        };

    private static ForeignKey Translate(ForeignKey fk, TableMatch match, IReadOnlyDictionary<string, TableMatch> byCurrentName)
    {
        var target = byCurrentName.GetValueOrDefault(fk.ReferencedTable);
        if (match.ColumnRenames.Count == 0 && target?.RenamesAnything != true) return fk;
        return fk with
        {
            Columns = fk.Columns.Select(match.NewColumnName).ToValueList(),
            ReferencedTable = target?.Desired.Name ?? fk.ReferencedTable,
            ReferencedColumns = target is null
                ? fk.ReferencedColumns
                : fk.ReferencedColumns.Select(target.NewColumnName).ToValueList(),
        };
    }

    /// <summary>
    /// Whether the current primary key, its columns renamed, has the desired key's columns in the same order and its
    /// options; its name counts only when the model gives one (a key keeps its name when its table is renamed).
    /// </summary>
    private static bool SameKey(PrimaryKey? current, PrimaryKey? desired, TableMatch match)
    {
        if (current is null || desired is null) return current is null && desired is null;
        if (current.Columns.Count != desired.Columns.Count || current.Deferrable != desired.Deferrable) return false;
        if (desired.Name is not null && desired.Name != current.Name) return false;
        for (var i = 0; i < current.Columns.Count; i++)
            if (match.NewColumnName(current.Columns[i]) != desired.Columns[i]) return false;
        return true;
    }

    private static Table StripHints(Table table) => table with
    {
        RenamedFrom = null,
        Columns = table.Columns.Select(c => c.WithoutHints()).ToValueList(),
    };
}
