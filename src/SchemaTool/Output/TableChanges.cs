using SchemaTool.Diff;
using SchemaTool.Model;
using SchemaTool.Planning;

namespace SchemaTool.Cli.Output;

public enum TableChangeKind
{
    Created,
    Altered,
    Renamed,
    Dropped,
}

/// <summary>
/// What a plan does to one table, in words: the operations on it, and for a rebuild the changes it makes. An object
/// outside tables (a view, a sequence...) is a subject of its own, of its <paramref name="Object"/> kind; a trigger
/// belongs to its table.
/// </summary>
public sealed record TableChange(string Table, TableChangeKind Kind, IReadOnlyList<string> Changes, IReadOnlyList<string> Warnings,
    SchemaObjectKind Object = SchemaObjectKind.Table)
{
    /// <summary>"users", or "view active_users" for an object that is not a table.</summary>
    public string Subject => Object == SchemaObjectKind.Table ? Table : $"{Object.Word()} {Table}";
}

/// <summary>Groups a plan's operations per table, so a summary says "users: altered (add column email)".</summary>
public static class TableChanges
{
    /// <summary>The plan's operations per subject; a trigger on a view (SQLite's INSTEAD OF) belongs to the view.</summary>
    public static IReadOnlyList<TableChange> Of(Plan plan)
    {
        var views = plan.Current.Views.Concat(plan.Desired.Views).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        return Of(plan.Operations, views.Contains);
    }

    private static IReadOnlyList<TableChange> Of(IReadOnlyList<Operation> operations, Func<string, bool> isView) =>
        operations.GroupBy(o => (Object: o.ObjectKind == SchemaObjectKind.Trigger && isView(o.TableName) ? SchemaObjectKind.View : SubjectKind(o), o.TableName))
            .OrderBy(g => g.Key.Object != SchemaObjectKind.Table).ThenBy(g => g.Key.TableName, StringComparer.Ordinal)
            .Select(g => new TableChange(g.Key.TableName, KindOf(g.ToList()), g.SelectMany(Details).ToList(),
                g.Select(o => o.Warning).OfType<string>().ToList(), g.Key.Object))
            .ToList();

    /// <summary>A trigger, an index of a materialized view and a comment belong to what they are on.</summary>
    private static SchemaObjectKind SubjectKind(Operation op) => op.ObjectKind switch
    {
        SchemaObjectKind.Trigger => SchemaObjectKind.Table,
        SchemaObjectKind.Procedure or SchemaObjectKind.Aggregate => SchemaObjectKind.Function,
        SchemaObjectKind.MaterializedView => SchemaObjectKind.View,
        var kind => kind,
    };

    private static TableChangeKind KindOf(IReadOnlyList<Operation> ops)
    {
        if (ops.Any(o => o is CreateTable)) return TableChangeKind.Created;
        if (ops.Any(o => o is DropTable)) return TableChangeKind.Dropped;
        if (ops.All(o => o is RenameTable or RenameType or RenameSequence)) return TableChangeKind.Renamed;
        var creates = ops.Any(o => o is CreateView or CreateRoutine or CreateEnumType or CreateDomain or CreateSequence or CreateExtension or CreateNamespace or CreateEvent);
        var drops = ops.Any(o => o is DropView or DropRoutine or DropEnumType or DropDomain or DropSequence or DropExtension or DropNamespace or DropEvent);
        return creates && !drops ? TableChangeKind.Created : drops && !creates ? TableChangeKind.Dropped : TableChangeKind.Altered;
    }

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

    /// <summary>How many of the subjects are not tables (views, sequences...).</summary>
    public static int Objects(IReadOnlyList<TableChange> changes) => changes.Count(c => c.Object != SchemaObjectKind.Table);

    public static (int Created, int Altered, int Renamed, int Dropped) Count(IReadOnlyList<TableChange> changes) => (
        changes.Count(c => c.Kind == TableChangeKind.Created),
        changes.Count(c => c.Kind == TableChangeKind.Altered),
        changes.Count(c => c.Kind == TableChangeKind.Renamed),
        changes.Count(c => c.Kind == TableChangeKind.Dropped));
}
