namespace SchemaTool.Diff;

/// <summary>
/// A column dropped and one of the same type added to the same table is most often a rename written without
/// `renamed_from:`, and as planned the column's data is lost. Where the pair is unambiguous (the only added
/// column of that type, and the only dropped one), plan names the line that makes it a rename.
/// </summary>
public static class RenameHints
{
    /// <param name="diff">The differ's operations, before a dialect rewrites them (drops and adds as such).</param>
    public static IReadOnlyList<RenameHint> Find(IReadOnlyList<Operation> diff)
    {
        var newNames = diff.OfType<RenameTable>().ToDictionary(r => r.From, r => r.To, StringComparer.Ordinal);
        var drops = diff.OfType<DropColumn>().Select(d => new AddColumn(newNames.GetValueOrDefault(d.Table, d.Table), d.Column)).ToList();
        var adds = diff.OfType<AddColumn>().ToList();
        var hints = new List<RenameHint>();
        foreach (var drop in drops)
        {
            var candidates = adds.Where(a => SameTableAndType(a, drop)).ToList();
            if (candidates.Count != 1 || drops.Count(d => SameTableAndType(d, candidates[0])) != 1) continue;
            hints.Add(new RenameHint(drop.Table, drop.Column.Name, candidates[0].Column.Name, drop.Column.Type));
        }
        return hints;
    }

    private static bool SameTableAndType(AddColumn a, AddColumn b) =>
        a.Table == b.Table && string.Equals(a.Column.Type, b.Column.Type, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Column <paramref name="From"/> of <paramref name="Table"/> dropped and <paramref name="To"/> of the same type added.</summary>
public sealed record RenameHint(string Table, string From, string To, string Type)
{
    public string Message =>
        $"column {Table}.{From} is dropped and {Table}.{To} of the same type ({Type}) is added: " +
        $"if it is a rename, add `renamed_from: {From}` to column {To} in the model and plan again " +
        $"(as written, the data in {From} is lost)";
}
