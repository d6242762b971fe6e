using Npgsql;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

internal static partial class PostgresIntrospector
{
    /// <summary>The results of <see cref="PostgresTypeQueries.All"/>, which follow the tables' in the batch.</summary>
    private static async Task<Schema> ReadTypesAsync(NpgsqlDataReader reader, Schema schema, CancellationToken ct)
    {
        await reader.NextResultAsync(ct);
        var sequences = new List<Sequence>();
        while (await reader.ReadAsync(ct))
            sequences.Add(PostgresSequences.WithoutDefaults(new Sequence(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.GetInt64(6), reader.GetBoolean(7),
                OwnedBy: reader.IsDBNull(8) ? null : reader.GetString(8) + "." + reader.GetString(9),
                Comment: Text(reader, 10))));
        await reader.NextResultAsync(ct);
        var extensions = new List<Extension>();
        while (await reader.ReadAsync(ct)) extensions.Add(new Extension(reader.GetString(0), reader.GetString(1), Text(reader, 2)));
        await reader.NextResultAsync(ct);
        var enums = new List<(string Name, string? Value, string? Comment)>();
        while (await reader.ReadAsync(ct)) enums.Add((reader.GetString(0), Text(reader, 1), Text(reader, 2)));
        await reader.NextResultAsync(ct);
        var domains = new List<DomainType>();
        while (await reader.ReadAsync(ct))
        {
            var names = reader.GetFieldValue<string[]>(6);
            var definitions = reader.GetFieldValue<string[]>(7);
            domains.Add(new DomainType(reader.GetString(0), reader.GetString(1), Nullable: !reader.GetBoolean(2),
                Default: Text(reader, 3) is { } value ? ColumnDefault.Sql(value) : null,
                Checks: names.Zip(definitions, (name, definition) => new Check(name, CheckExpression(definition))).ToValueList(),
                Collation: Text(reader, 4), Comment: Text(reader, 5)));
        }
        await reader.NextResultAsync(ct);
        var namespaces = new List<Namespace>();
        while (await reader.ReadAsync(ct)) namespaces.Add(new Namespace(reader.GetString(0), Text(reader, 1)));
        await reader.NextResultAsync(ct);
        var composites = new List<(string Name, CompositeAttribute? Attribute, string? Comment)>();
        while (await reader.ReadAsync(ct))
            composites.Add((reader.GetString(0),
                Text(reader, 1) is { } attribute ? new CompositeAttribute(attribute, reader.GetString(2), Text(reader, 3)) : null, Text(reader, 4)));
        return schema with
        {
            Composites = composites.GroupBy(c => c.Name, StringComparer.Ordinal)
                .Select(g => new CompositeType(g.Key, g.Select(c => c.Attribute).OfType<CompositeAttribute>().ToValueList(), g.First().Comment)).ToValueList(),
            Domains = domains.ToValueList(),
            Namespaces = namespaces.ToValueList(),
            Sequences = sequences.ToValueList(),
            Extensions = extensions.ToValueList(),
            Enums = enums.GroupBy(e => e.Name, StringComparer.Ordinal)
                .Select(g => new EnumType(g.Key, g.Select(e => e.Value).OfType<string>().ToValueList(), g.First().Comment)).ToValueList(),
        };
    }
}
