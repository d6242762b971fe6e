using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// The index InnoDB creates by itself for a foreign key when no index starts with the key's columns. It takes
/// the constraint's name (<c>KEY `fk_users_role` (`role_id`)</c> beside <c>CONSTRAINT `fk_users_role`</c>),
/// stays behind when the foreign key is dropped, and is dropped silently when another index comes to cover
/// the key. It is the database's, not the model's: neither side lists it.
/// </summary>
public static class ForeignKeyIndexes
{
    public static bool IsImplied(TableIndex index, Table table) =>
        !index.Unique && index.Method is null && index.Where is null
        && index.Parts.All(p => p.Column is not null && p.Length is null && !p.Descending)
        && table.ForeignKeys.Any(f => f.Name == index.Name && f.Columns.SequenceEqual(index.Parts.Select(p => p.Column!)));

    /// <summary>Whether some index (or the primary key) of <paramref name="table"/> begins with the key's columns.</summary>
    public static bool IsCovered(ForeignKey fk, Table table, string? ignoringIndex = null)
    {
        bool Covers(IReadOnlyList<string?> columns) =>
            columns.Count >= fk.Columns.Count && fk.Columns.Select((c, i) => columns[i] == c).All(x => x);
        if (table.PrimaryKey is { } pk && Covers(pk.Columns.Cast<string?>().ToList())) return true;
        return table.Indexes.Any(i => i.Name != ignoringIndex && i.Method is null
                                      && Covers(i.Parts.Select(p => p.Length is null ? p.Column : null).ToList()));
    }

    /// <summary>The implied index as an index of the model, for operations that must drop or restore it.</summary>
    public static TableIndex For(ForeignKey fk) => new(fk.Name, fk.Columns.Select(IndexPart.Of).ToValueList());
}
