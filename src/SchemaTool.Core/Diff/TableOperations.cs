using SchemaTool.Model;
using static SchemaTool.Diff.Dependencies;

namespace SchemaTool.Diff;

public sealed record CreateTable(Table Table) : Operation
{
    /// <summary>
    /// Set by a dialect whose CREATE TABLE may name a table that does not exist yet (SQLite): the table's foreign
    /// keys then do not order it, so a cycle of new tables needs no separate AddForeignKey, which such a dialect
    /// could only write as a rebuild.
    /// </summary>
    public bool ForeignKeysUnordered { get; init; }

    public override string TableName => Table.Name;
    public override Phase Phase => Phase.CreateTable;
    public override Operation Invert() => new DropTable(Table) { ForeignKeysUnordered = ForeignKeysUnordered };
    public override string Describe() => $"create table {Table.Name}";

    internal override Dependencies Dependencies => new(
        Provides: TableResources(Table).ToList(),
        Removes: None,
        Requires: ForeignKeysUnordered ? None : Table.ForeignKeys.Where(f => f.ReferencedTable != Table.Name)
            .SelectMany(f => ForeignKeyTargets(f)).ToList(),
        RequiresBefore: None);

    internal static IEnumerable<string> TableResources(Table table)
    {
        yield return Dependencies.Table(table.Name);
        foreach (var c in table.Columns)
        {
            yield return Column(table.Name, c.Name);
            yield return ColumnDefinition(table.Name, c.Name);
        }
        if (table.PrimaryKey is { } pk) yield return UniqueKey(table.Name, pk.Columns);
        foreach (var i in table.Indexes.Where(i => i.Unique && i.ColumnNames is not null))
            yield return UniqueKey(table.Name, i.ColumnNames!);
    }

    internal static IEnumerable<string> ForeignKeyTargets(ForeignKey fk)
    {
        yield return Dependencies.Table(fk.ReferencedTable);
        foreach (var c in fk.ReferencedColumns) yield return ColumnDefinition(fk.ReferencedTable, c);
        yield return UniqueKey(fk.ReferencedTable, fk.ReferencedColumns);
    }
}

public sealed record DropTable(Table Table) : Operation
{
    /// <summary>The foreign keys do not order the drop (see <see cref="CreateTable.ForeignKeysUnordered"/>).</summary>
    public bool ForeignKeysUnordered { get; init; }

    public override string TableName => Table.Name;
    public override Phase Phase => Phase.DropTable;
    public override Operation Invert() => new CreateTable(Table) { ForeignKeysUnordered = ForeignKeysUnordered };
    public override string Warning => $"drops table {Table.Name} and all its rows";
    public override string Describe() => $"drop table {Table.Name}";

    internal override Dependencies Dependencies => new(
        Provides: None,
        Removes: CreateTable.TableResources(Table).ToList(),
        Requires: None,
        RequiresBefore: ForeignKeysUnordered ? None : Table.ForeignKeys.Where(f => f.ReferencedTable != Table.Name)
            .SelectMany(f => CreateTable.ForeignKeyTargets(f)).ToList());
}

public sealed record RenameTable(string From, string To) : Operation
{
    public override string TableName => To;
    public override string ObjectName => From;
    public override Phase Phase => Phase.Rename;
    public override Operation Invert() => new RenameTable(To, From);
    public override string Describe() => $"rename table {From} to {To}";

    internal override Dependencies Dependencies => new(
        Provides: [Table(To)], Removes: [Table(From)], Requires: None, RequiresBefore: None);
}

public sealed record SetTableComment(string Table, string? From, string? To) : Operation
{
    public override string TableName => Table;
    public override Phase Phase => Phase.Comment;
    public override Operation Invert() => new SetTableComment(Table, To, From);
    public override string Describe() => $"set comment of table {Table}";

    internal override Dependencies Dependencies => new(None, None, [Dependencies.Table(Table)], None);
}

/// <summary>
/// Changes how a table is stored (<see cref="TableOptions"/>): MySQL's engine, default character set and collation.
/// Runs before the table's column changes, so that a column that follows the table's collation is altered into
/// the new one. SQLite rewrites it into a rebuild, or for a virtual table a drop and a create.
/// </summary>
public sealed record AlterTableOptions(string Table, TableOptions? From, TableOptions? To) : Operation
{
    public override string TableName => Table;
    public override Phase Phase => Phase.TableOptions;
    public override Operation Invert() => new AlterTableOptions(Table, To, From);

    public override string Describe()
    {
        var (from, to) = (From ?? new TableOptions(), To ?? new TableOptions());
        var changes = new List<string>();
        void Changed(string what, object? a, object? b)
        {
            if (!Equals(a, b)) changes.Add($"{what} {Text(a)} -> {Text(b)}");
        }
        Changed("engine", from.Engine, to.Engine);
        Changed("charset", from.Charset, to.Charset);
        Changed("collation", from.Collation, to.Collation);
        Changed("row_format", from.RowFormat, to.RowFormat);
        Changed("key_block_size", from.KeyBlockSize, to.KeyBlockSize);
        Changed("unlogged", from.Unlogged, to.Unlogged);
        Changed("with", from.With, to.With);
        Changed("without_rowid", from.WithoutRowId, to.WithoutRowId);
        Changed("strict", from.Strict, to.Strict);
        Changed("virtual", from.Virtual, to.Virtual);
        return $"change table {Table}: {string.Join(", ", changes)}";
    }

    private static string Text(object? value) => value switch
    {
        null => "(none)",
        bool b => b ? "true" : "false",
        _ => value.ToString()!,
    };

    internal override Dependencies Dependencies => new(None, None, [Dependencies.Table(Table)], None);
}

/// <summary>
/// Recreate a table with a new definition and copy its rows: how SQLite makes the changes that ALTER TABLE
/// cannot. <paramref name="ColumnSources"/> maps each column of <paramref name="To"/> that keeps data to its
/// column in <paramref name="From"/>. <paramref name="Triggers"/> are the table's trigger definitions, which
/// dropping the old table removes and the rebuild must create again.
/// </summary>
public sealed record RebuildTable(Table From, Table To, ValueList<ColumnSource> ColumnSources, ValueList<string> Triggers = default) : Operation
{
    public override string TableName => To.Name;
    public override Phase Phase => Phase.Rebuild;

    public override Operation Invert() =>
        new RebuildTable(To, From, ColumnSources.Select(s => new ColumnSource(s.From, s.To)).ToValueList(), Triggers);

    /// <summary>The warnings of the changes the rebuild stands for: columns left behind, and narrowed types.</summary>
    public override string? Warning
    {
        get
        {
            var warnings = new List<string>();
            var kept = ColumnSources.Select(s => s.From).ToHashSet();
            var lost = From.Columns.Where(c => !kept.Contains(c.Name)).Select(c => c.Name).ToList();
            if (lost.Count > 0) warnings.Add($"rebuilds table {To.Name} without column(s) {string.Join(", ", lost)}: their data is lost");
            foreach (var source in ColumnSources)
            {
                if (From.FindColumn(source.From) is not { } from || To.FindColumn(source.To) is not { } to) continue;
                if (!string.Equals(from.Type, to.Type, StringComparison.OrdinalIgnoreCase) && !TypeWidening.IsWidening(from.Type, to.Type))
                    warnings.Add($"changes the type of {To.Name}.{to.Name} from {from.Type} to {to.Type}: values may be truncated or fail to convert");
            }
            return warnings.Count == 0 ? null : string.Join("; ", warnings);
        }
    }

    public override string Describe() => $"rebuild table {To.Name}";

    internal override Dependencies Dependencies => new(
        // The table itself stands before and after: a column rename in place on it runs first.
        Provides: CreateTable.TableResources(To).Where(r => r != Dependencies.Table(To.Name)).ToList(),
        Removes: CreateTable.TableResources(From).Where(r => r != Dependencies.Table(From.Name)).ToList(),
        Requires: [Dependencies.Table(To.Name)],
        RequiresBefore: None);
}

/// <summary>A column of a rebuilt table that takes its values from column <paramref name="From"/> of the old table.</summary>
public sealed record ColumnSource(string To, string From);
