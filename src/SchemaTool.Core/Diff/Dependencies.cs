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

    /// <summary>
    /// That a column's type is made anew under its name (an enum type re-created): what names the column in an
    /// expression (a check, an index's expression or predicate) is dropped before and made again after
    /// (<see cref="TableDependents"/>), as the database cannot read it again against the new type.
    /// </summary>
    public static string ColumnType(string table, string column) => "ct:" + table + "." + column;
    public static string UniqueKey(string table, IEnumerable<string> columns) =>
        "u:" + table + "(" + string.Join(",", columns.OrderBy(c => c, StringComparer.Ordinal)) + ")";

    // Tables and views share one namespace in every database, so a view is a relation like a table: a view that
    // reads another one requires it as it would a table.
    public static string Relation(string name) => Table(name);

    // Routines, types and sequences are found by name in expressions (ObjectUses), where their spelling is free:
    // their keys ignore case and quotes ("MySchema".mood is MySchema.mood), which at worst orders two operations
    // that need not be.
    public static string Routine(string name) => "f:" + Unquoted(name);
    /// <summary>One overload of a routine, which the catalog names where an expression's name does not.</summary>
    public static string Routine(string name, string? arguments) => arguments is null ? Routine(name) : $"f:{Unquoted(name)}({arguments})";
    public static string Type(string name) => "ty:" + Unquoted(name);
    public static string Sequence(string name) => "sq:" + Unquoted(name);

    private static string Unquoted(string name) => (name.Contains('"') ? name.Replace("\"", "") : name).ToLowerInvariant();
    public static string Extension(string name) => "x:" + name;

    /// <summary>Any extension: what every extension's create provides and its drop removes (see ObjectUses).</summary>
    public const string AnyExtension = "x:*";
    public static string Namespace(string name) => "n:" + name;

    /// <summary>
    /// That a resource is gone: what drops an object provides it, and what creates an object of the same name
    /// requires it, so a drop and a create of one name (a view changed, an enum value moved) run in that order.
    /// Where nothing drops the name, nothing provides it, and the create waits for nothing.
    /// </summary>
    public static string Gone(string resource) => "-" + resource;

    // A trigger is its table's in PostgreSQL, so two tables may each have one of a name; MySQL and SQLite keep one
    // name per schema, so creating a name also waits for any drop of that name (TriggerName) on another table.
    public static string Trigger(string table, string name) => "tr:" + table + "\u001F" + name;
    public static string TriggerName(string name) => "trn:" + name;
    public static string Event(string name) => "ev:" + name;

    /// <summary>The resources a dependency stands for: a column stands for its relation too.</summary>
    public static IEnumerable<string> Of(Model.Dependency dependency)
    {
        switch (dependency.Kind)
        {
            case Model.DependencyKind.Relation:
                yield return Relation(dependency.Name);
                break;
            case Model.DependencyKind.Column:
                yield return Relation(dependency.Name);
                yield return Column(dependency.Name, dependency.Column ?? "");
                yield return ColumnDefinition(dependency.Name, dependency.Column ?? "");
                break;
            case Model.DependencyKind.Routine:
                yield return Routine(dependency.Name, dependency.Arguments);
                break;
            case Model.DependencyKind.Type:
                yield return Type(dependency.Name);
                break;
            case Model.DependencyKind.Sequence:
                yield return Sequence(dependency.Name);
                break;
            case Model.DependencyKind.Extension:
                yield return Extension(dependency.Name);
                break;
        }
    }

    public static IReadOnlyList<string> Of(IEnumerable<Model.Dependency>? dependencies) =>
        dependencies is null ? None : dependencies.SelectMany(Of).Distinct().ToList();
}
