using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>Sequences, enum types, domains, extensions and schemas in the form compared, the model's and the catalog's alike.</summary>
internal static class PostgresTypeNormalizer
{
    public static Schema Normalize(Schema schema) => schema with
    {
        Sequences = schema.Sequences.MapShared(s => ValueList.SameIfEqual(s, PostgresSequences.WithoutDefaults(s) with { Comment = EmptyToNull(s.Comment) })),
        Enums = schema.Enums.MapShared(e => ValueList.SameIfEqual(e, e with { Comment = EmptyToNull(e.Comment) })),
    };

    private static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
