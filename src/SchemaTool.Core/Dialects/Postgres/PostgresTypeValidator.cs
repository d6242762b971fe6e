using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>What a model's sequences, enum types, domains, extensions and schemas may not say on PostgreSQL.</summary>
internal static class PostgresTypeValidator
{
    public static IEnumerable<string> Validate(Schema model)
    {
        foreach (var sequence in model.Sequences)
        {
            if (sequence.Type is { } type && PostgresTypes.Canonical(type) is not ("smallint" or "integer" or "bigint"))
                yield return $"sequence '{sequence.Name}': type must be smallint, integer or bigint, not {type}";
        }
    }
}
