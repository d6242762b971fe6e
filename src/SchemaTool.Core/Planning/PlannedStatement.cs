using SchemaTool.Apply;
using SchemaTool.Diff;

namespace SchemaTool.Planning;

/// <summary>
/// One statement of a planned revision: the operation it belongs to, its text and traits, and the row estimate of the
/// table it works on (null for a table new in the revision, or one the database has no estimate for).
/// </summary>
public sealed record PlannedStatement(Operation Operation, Statement Statement, bool NewTable, long? Rows)
{
    /// <summary>From this estimate on, a statement that keeps writers waiting while it reads or rewrites the table is flagged.</summary>
    public const long LargeTable = 100_000;

    public string Table => Operation.TableName;

    /// <summary>It blocks writes to a table that exists (and so may be in use) while it reads or rewrites every row.</summary>
    public bool BlocksWritesWhileItWorks => !NewTable && Statement.Traits.BlocksWritesWhileItWorks;

    /// <summary>
    /// It blocks writes while it works, on a table the catalog estimates large. A table without an estimate (PostgreSQL
    /// before its first ANALYZE, which autovacuum runs after the first 50 rows) is not flagged.
    /// </summary>
    public bool Flagged => BlocksWritesWhileItWorks && Rows >= LargeTable;

    /// <summary>
    /// What it does to its table, for people: "SHARE UPDATE EXCLUSIVE lock; reads every row of big (10,000,000 rows
    /// estimated); writes go on". Null for a statement on a new table, or one nothing is known about.
    /// </summary>
    public string? Effect()
    {
        var traits = Statement.Traits;
        if (NewTable || (traits.Lock is null && traits.Work == TableWork.Unknown)) return null;
        var parts = new List<string>();
        if (traits.Lock is { } lockName) parts.Add(lockName.StartsWith("ALGORITHM", StringComparison.Ordinal) ? lockName : lockName + " lock");
        var rows = Rows is { } n ? $" ({n:N0} rows estimated)" : "";
        parts.Add(traits.Work switch
        {
            TableWork.None => "catalog only",
            TableWork.Scan => $"reads every row of {PrintableText.Escape(Table)}{rows}",
            TableWork.Rewrite => $"rewrites every row of {PrintableText.Escape(Table)}{rows}",
            _ => $"on {PrintableText.Escape(Table)}",
        });
        parts.Add(traits.BlocksWrites
            ? traits.Work is TableWork.Scan or TableWork.Rewrite ? "writes wait until it ends" : "writes wait for a moment"
            : "writes go on");
        return string.Join("; ", parts);
    }
}

/// <summary>
/// What `plan` is told besides the two schemas: whether to write the online forms (the default; `online: false` in
/// schematool.yaml or `plan --offline` write the plain ones), and the tables' row estimates as the catalog read gave them.
/// </summary>
public sealed record PlanSettings(bool Online = true, IReadOnlyDictionary<string, long>? RowEstimates = null)
{
    public static PlanSettings Default { get; } = new();

    public long? RowsOf(string table) => RowEstimates is { } rows && rows.TryGetValue(table, out var n) ? n : null;
}
