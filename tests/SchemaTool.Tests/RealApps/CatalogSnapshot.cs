namespace SchemaTool.Tests.RealApps;

/// <summary>
/// One line of what a database's own catalog says about a table or a sequence (a column, a constraint, an index...),
/// and the object it belongs to, so that the facts of an object `inspect` names as left alone can be set aside.
/// </summary>
public sealed record CatalogFact(string Owner, string Text)
{
    public override string ToString() => Text;
}

/// <summary>An object of a kind the model does not hold as a table, column, key or index (a view, a trigger...).</summary>
public sealed record CatalogObject(string Kind, string Name)
{
    public override string ToString() => $"{Kind} {Name}";
}

/// <summary>How big a schema is, as its catalog counts it.</summary>
public sealed record CatalogCounts(int Tables, int Columns, int Indexes, int ForeignKeys);

/// <summary>The facts of one database, read by the test's own catalog queries (never by schematool's introspector).</summary>
public sealed record CatalogSnapshot(IReadOnlyList<CatalogFact> Facts, CatalogCounts Counts)
{
    /// <summary>The differences, one line each: "-" only in <paramref name="expected"/>, "+" only in <paramref name="actual"/>.</summary>
    public static IReadOnlyList<string> Differences(IEnumerable<CatalogFact> expected, IEnumerable<CatalogFact> actual)
    {
        var want = new SortedSet<string>(expected.Select(f => f.Text), StringComparer.Ordinal);
        var have = new SortedSet<string>(actual.Select(f => f.Text), StringComparer.Ordinal);
        return want.Except(have).Select(f => "- " + f).Concat(have.Except(want).Select(f => "+ " + f)).ToList();
    }
}

/// <summary>
/// A throwaway database of one dialect for the corpus: created, loaded with an application's script, read through
/// its catalog, and checked for leftovers after `rollback base`.
/// </summary>
public interface IRealAppDatabase
{
    string Dialect { get; }

    /// <summary>A new empty database; returns its URL.</summary>
    Task<string> CreateAsync(string label);

    /// <summary>Runs the statements in order; returns the server's message and the statement for the first that fails.</summary>
    Task<string?> LoadAsync(string url, IReadOnlyList<ScriptStatement> statements);

    Task<CatalogSnapshot> ReadAsync(string url);

    /// <summary>Views, routines, triggers, types, free sequences and the like: what `inspect` must name if it leaves it out.</summary>
    Task<IReadOnlyList<CatalogObject>> OtherObjectsAsync(string url);

    /// <summary>Every object left in the database except schematool's own history table.</summary>
    Task<IReadOnlyList<string>> LeftoversAsync(string url);

    Task DropAsync(string url);
}
