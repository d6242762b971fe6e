using SchemaTool.Model;

namespace SchemaTool.Diff;

/// <summary>
/// Turns an index dropped and one of the same definition created under another name on the same table into a
/// <see cref="RenameIndex"/>: a column or table rename changes the names that shorthands generate
/// (ix_users_username -> ix_users_login), and building the index again costs a scan of the table and, on MySQL,
/// a moment without the uniqueness check.
/// </summary>
internal static class IndexRenames
{
    /// <summary>The index names of the current and of the desired schema, over all tables (PostgreSQL's are unique per schema).</summary>
    public sealed record Names(IReadOnlySet<string> Current, IReadOnlySet<string> Desired);

    public static Names NamesOf(Schema current, Schema desired) => new(IndexNames(current), IndexNames(desired));

    private static HashSet<string> IndexNames(Schema schema) =>
        schema.Tables.SelectMany(t => t.Indexes).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);

    /// <param name="ops">The plan so far; the index drops and creates of one table are those from <paramref name="first"/> on.</param>
    /// <param name="translate">The current index with the table's column renames applied.</param>
    public static void Pair(List<Operation> ops, int first, string table, Func<TableIndex, TableIndex> translate, Names names)
    {
        var drops = ops.Skip(first).OfType<DropIndex>().ToList();
        var creates = ops.Skip(first).OfType<CreateIndex>().ToList();
        foreach (var drop in drops)
        {
            var same = creates.Where(c => Renames(translate(drop.Index), c.Index)).ToList();
            if (same.Count != 1 || drops.Count(d => Renames(translate(d.Index), same[0].Index)) != 1) continue;
            var create = same[0];
            // Only to a name no index has now, from a name no index takes in the model: then the rename never waits on
            // a drop or a create of the same name elsewhere in the plan.
            if (names.Current.Contains(create.Index.Name) || names.Desired.Contains(drop.Index.Name)) continue;
            ops.Remove(drop);
            ops.Remove(create);
            creates.Remove(create);
            ops.Add(new RenameIndex(table, drop.Index.Name, create.Index.Name, create.Index.Constraint));
        }
    }

    private static bool Renames(TableIndex now, TableIndex wanted) => now.Name != wanted.Name && now with { Name = wanted.Name } == wanted;
}
