namespace SchemaTool.Diff;

/// <summary>
/// The resources an operation touches. <c>Requires</c> must exist after every op that provides them;
/// <c>RequiresBefore</c> are used in their old state, so every op that removes them must wait.
/// </summary>
internal sealed record Dependencies(
    IReadOnlyList<string> Provides,
    IReadOnlyList<string> Removes,
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> RequiresBefore)
{
    public static readonly IReadOnlyList<string> None = Array.Empty<string>();

    public static string Table(string table) => "t:" + table;
    public static string Column(string table, string column) => "c:" + table + "." + column;
    public static string ColumnDefinition(string table, string column) => "d:" + table + "." + column;
    public static string UniqueKey(string table, IEnumerable<string> columns) =>
        "u:" + table + "(" + string.Join(",", columns.OrderBy(c => c, StringComparer.Ordinal)) + ")";
}
