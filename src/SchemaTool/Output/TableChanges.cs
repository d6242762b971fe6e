using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Cli.Output;

public enum TableChangeKind
{
    Created,
    Altered,
    Renamed,
    Dropped,
}

/// <summary>What a plan does to one table, in words: the operations on it, and for a rebuild the changes it makes.</summary>
public sealed record TableChange(string Table, TableChangeKind Kind, IReadOnlyList<string> Changes, IReadOnlyList<string> Warnings);

/// <summary>Groups a plan's operations per table, so a summary says "users: altered (add column email)".</summary>
public static class TableChanges
{
    public static IReadOnlyList<TableChange> Of(IReadOnlyList<Operation> operations) =>
        operations.GroupBy(o => o.TableName)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TableChange(g.Key, KindOf(g.ToList()), g.SelectMany(Details).ToList(),
                g.Select(o => o.Warning).OfType<string>().ToList()))
            .ToList();

    private static TableChangeKind KindOf(IReadOnlyList<Operation> ops) =>
        ops.Any(o => o is CreateTable) ? TableChangeKind.Created
        : ops.Any(o => o is DropTable) ? TableChangeKind.Dropped
        : ops.All(o => o is RenameTable) ? TableChangeKind.Renamed
        : TableChangeKind.Altered;

    /// <summary>
    /// A rebuild (SQLite) says only "rebuild table"; what the user changed is the diff between the old and the
    /// new definition, so that is what the summary names.
    /// </summary>
    private static IEnumerable<string> Details(Operation op)
    {
        if (op is not RebuildTable rebuild) return [op.Describe()];
        var inner = SchemaDiffer.Diff(new Schema([rebuild.From]), new Schema([rebuild.To]));
        return inner.Count == 0 ? [op.Describe()] : inner.Select(o => o.Describe() + " (by rebuilding the table)");
    }

    public static string Word(TableChangeKind kind) => kind.ToString().ToLowerInvariant();

    public static (int Created, int Altered, int Renamed, int Dropped) Count(IReadOnlyList<TableChange> changes) => (
        changes.Count(c => c.Kind == TableChangeKind.Created),
        changes.Count(c => c.Kind == TableChangeKind.Altered),
        changes.Count(c => c.Kind == TableChangeKind.Renamed),
        changes.Count(c => c.Kind == TableChangeKind.Dropped));
}
