using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>
/// An enum type whose values PostgreSQL cannot change in place (a value removed): a new type with the values
/// <paramref name="To"/> takes the place of the old one, and each column of the type (<paramref name="Columns"/>,
/// table and column as they stand) is cast to it. The dialect's rewrite puts it in place of the type's value
/// removals and additions; its inverse re-creates the old values the same way.
/// </summary>
internal sealed record RecreateEnumType(EnumType From, EnumType To, ValueList<(string Table, Column Column)> Columns) : Operation
{
    public override string TableName => To.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.EnumType;
    internal override string? Relation => null;
    public override Phase Phase => Phase.AlterType;
    public override Operation Invert() => new RecreateEnumType(To, From, Columns);

    public override string Describe() => $"re-create enum type {To.Name} with values {string.Join(", ", To.Values)}";

    public override string? Warning
    {
        get
        {
            var removed = From.Values.Where(v => !To.Values.Contains(v)).ToList();
            if (removed.Count == 0) return null;
            var columns = Columns.Count == 0 ? "no column uses it" : "its columns " + string.Join(", ", Columns.Select(c => c.Table + "." + c.Column.Name)) + " are cast to it";
            return $"removes value{(removed.Count > 1 ? "s" : "")} {string.Join(", ", removed.Select(v => $"'{v}'"))} from enum type {To.Name}: " +
                   $"the type is re-created and {columns}; a row that holds a removed value fails the cast";
        }
    }

    /// <summary>The name the old type takes while its columns move to the new one.</summary>
    public static string AsideName(string type) => Model.QualifiedName.Beside(type, PostgresNumbering.ObjectName(Model.QualifiedName.LocalOf(type), null, "old"));

    // After the renames of values (which provide the values it starts from); it provides the values it adds. Its
    // columns change type, as by AlterColumn, and more: the type is made anew, so the views over them, and the checks
    // and indexes that name them (which PostgreSQL would read again against the old type), are made again around it
    // (DependentObjects).
    internal override Dependencies Dependencies => new(
        [.. To.Values.Where(v => !From.Values.Contains(v)).Select(v => Value(To.Name, v)),
            .. Columns.Select(c => Dependencies.ColumnDefinition(c.Table, c.Column.Name))],
        [.. From.Values.Where(v => !To.Values.Contains(v)).Select(v => Value(From.Name, v)),
            .. Columns.SelectMany(c => new[]
            {
                Dependencies.Column(c.Table, c.Column.Name), Dependencies.ColumnDefinition(c.Table, c.Column.Name), Dependencies.ColumnType(c.Table, c.Column.Name),
            })],
        [Dependencies.Type(To.Name), .. From.Values.Select(v => Value(From.Name, v)), .. Columns.SelectMany(c => new[] { Dependencies.Table(c.Table), Dependencies.Column(c.Table, c.Column.Name) })],
        Dependencies.None);

    private static string Value(string type, string value) => Dependencies.Type(type) + "=" + value;
}

/// <summary>
/// Values added to an enum type in place (ALTER TYPE ... ADD VALUE, in the differ's order: each before a value
/// already there); their inverse is <paramref name="Undo"/>, a re-creation of the type without them, since
/// PostgreSQL cannot remove a value.
/// </summary>
internal sealed record AddEnumValues(ValueList<AddEnumValue> Adds, RecreateEnumType Undo) : Operation
{
    public override string TableName => Undo.From.Name;
    public override SchemaObjectKind ObjectKind => SchemaObjectKind.EnumType;
    internal override string? Relation => null;
    public override Phase Phase => Phase.AlterType;
    public override Operation Invert() => Undo;
    public override string Describe() => $"add value{(Adds.Count > 1 ? "s" : "")} {string.Join(", ", Adds.Select(a => $"'{a.Value}'"))} to enum type {TableName}";

    internal override Dependencies Dependencies => new(
        [.. Adds.SelectMany(a => a.Dependencies.Provides)], Dependencies.None,
        [.. Adds.SelectMany(a => a.Dependencies.Requires).Where(r => !Adds.Any(a => a.Dependencies.Provides.Contains(r)) && !r.StartsWith('-')).Distinct()],
        Dependencies.None);
}
