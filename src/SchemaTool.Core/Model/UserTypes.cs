namespace SchemaTool.Model;

/// <summary>
/// A PostgreSQL enum type (MySQL's ENUM stays a column type). <paramref name="RenamedValues"/> and
/// <paramref name="RenamedFrom"/> are hints for the plan, as a column's renamed_from is: not part of the type.
/// </summary>
public sealed record EnumType(
    string Name,
    ValueList<string> Values,
    string? Comment = null,
    string? RenamedFrom = null,
    ValueList<EnumValueRename> RenamedValues = default)
{
    public EnumType WithoutHints() =>
        RenamedFrom is null && RenamedValues.Count == 0 ? this : this with { RenamedFrom = null, RenamedValues = default };
}

/// <summary>An enum value that the model renames: <paramref name="To"/> was <paramref name="From"/>.</summary>
public sealed record EnumValueRename(string From, string To);

/// <summary>
/// A PostgreSQL domain: a base type with a default, NOT NULL and checks. Nullable unless said otherwise, as
/// PostgreSQL makes them (a column of the domain says its own nullability).
/// </summary>
public sealed record DomainType(
    string Name,
    string BaseType,
    bool Nullable = true,
    ColumnDefault? Default = null,
    ValueList<Check> Checks = default,
    string? Collation = null,
    string? Comment = null,
    string? RenamedFrom = null)
{
    public DomainType WithoutHints() => RenamedFrom is null ? this : this with { RenamedFrom = null };
}
