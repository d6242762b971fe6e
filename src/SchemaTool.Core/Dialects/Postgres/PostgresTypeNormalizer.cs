using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>Sequences, enum types, domains, extensions and schemas in the form compared, the model's and the catalog's alike.</summary>
internal static class PostgresTypeNormalizer
{
    public static Schema Normalize(Schema schema) => schema with
    {
        Sequences = schema.Sequences.MapShared(s => ValueList.SameIfEqual(s, PostgresSequences.WithoutDefaults(s) with { Comment = EmptyToNull(s.Comment) })),
        Enums = schema.Enums.MapShared(e => ValueList.SameIfEqual(e, e with { Comment = EmptyToNull(e.Comment) })),
        Domains = schema.Domains.MapShared(NormalizeDomain),
        Composites = schema.Composites.MapShared(Normalize),
        Namespaces = schema.Namespaces.MapShared(n => ValueList.SameIfEqual(n, n with { Comment = EmptyToNull(n.Comment) })),
    };

    /// <summary>
    /// A domain's base type, default and checks as a column's and a table's are compared; in a check, VALUE stands for
    /// the value, so a cast of it to its own text type is no cast.
    /// </summary>
    private static DomainType NormalizeDomain(DomainType domain)
    {
        var type = PostgresTypes.Canonical(domain.BaseType);
        IReadOnlySet<string> value = PostgresNormalizer.IsTextType(type) ? new HashSet<string>(StringComparer.Ordinal) { "value", "VALUE" } : new HashSet<string>();
        return ValueList.SameIfEqual(domain, domain with
        {
            BaseType = type,
            Default = PostgresDefaults.Canonical(domain.Default, type) is { } d && domain.Default is { } written
                ? d with { Written = written.Written ?? (written.Kind == DefaultKind.Sql ? written.Text : null) }
                : null,
            Checks = domain.Checks.MapShared(c => ValueList.SameIfEqual(c, c with { Expression = PostgresExpressions.Canonical(c.Expression, value), Written = c.Written ?? c.Expression }))
                .OrderedBy(c => c.Name),
            Collation = domain.Collation is { Length: > 0 } collation ? collation.Trim().Trim('"') : null,
            Comment = EmptyToNull(domain.Comment),
        });
    }

    /// <summary>A composite type's attribute types as a column's are compared.</summary>
    public static CompositeType Normalize(CompositeType type) => ValueList.SameIfEqual(type, type with
    {
        Attributes = type.Attributes.MapShared(a => ValueList.SameIfEqual(a, a with
        {
            Type = PostgresTypes.Canonical(a.Type),
            Collation = a.Collation is { Length: > 0 } collation ? collation.Trim().Trim('"') : null,
        })),
        Comment = EmptyToNull(type.Comment),
    });

    private static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
