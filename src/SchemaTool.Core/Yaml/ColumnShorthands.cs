using SchemaTool.Model;

namespace SchemaTool.Yaml;

/// <summary>
/// Which of a table's objects <see cref="ModelWriter"/> writes as column shorthands (`primary_key: true`,
/// `unique: true`, `index: true`, `references: t.c`): exactly those that the loader would build back with the
/// same name and options (see TableDraft). Everything else is written at table level with its name.
/// </summary>
internal sealed class ColumnShorthands
{
    public required string Table { get; init; }
    public string? PrimaryKeyColumn { get; init; }
    public Dictionary<string, TableIndex> Index { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ForeignKey> References { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<TableIndex> Indexes => Index.Values;
    public IReadOnlyCollection<ForeignKey> ForeignKeys => References.Values;

    public static ColumnShorthands For(Table table)
    {
        var result = new ColumnShorthands
        {
            Table = table.Name,
            PrimaryKeyColumn = table.PrimaryKey is { Columns.Count: 1, Deferrable: Deferrability.NotDeferrable, Name: null } pk ? pk.Columns[0] : null,
        };
        foreach (var column in table.Columns.Select(c => c.Name))
        {
            var asIndex = Names.Generated("ix", table.Name, column);
            var asUnique = Names.Generated("uq", table.Name, column);
            var index = table.Indexes.FirstOrDefault(i => i.Name == asIndex && IsPlainOn(i, column))
                        ?? table.Indexes.FirstOrDefault(i => i.Name == asUnique && i.Unique && IsPlainOn(i, column));
            if (index is not null) result.Index[column] = index;

            var fkName = Names.Generated("fk", table.Name, column);
            var fk = table.ForeignKeys.FirstOrDefault(f => f.Name == fkName && f.Columns.Count == 1 && f.Columns[0] == column
                                                           && f.Deferrable == Deferrability.NotDeferrable
                                                           && !f.NotValid
                                                           && !f.ReferencedColumns[0].Contains('.'));
            if (fk is not null) result.References[column] = fk;
        }
        return result;
    }

    private static bool IsPlainOn(TableIndex index, string column) =>
        index is { Where: null, Method: null, Constraint: false, Comment: null, Parts.Count: 1, Include.Count: 0, NullsNotDistinct: false }
        && index.Parts[0] == IndexPart.Of(column);
}
