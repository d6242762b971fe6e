using Npgsql;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

internal static partial class PostgresIntrospector
{
    /// <summary>An index's reloptions (`fillfactor=70`) as the model has them: in the stored order, each value with its canonical spelling.</summary>
    private static StorageParameters? IndexStorage(string method, string[]? options) =>
        Storage(options, (name, value) => PostgresStorageParameters.IndexCanonical(method, name, value));

    /// <summary>A table's reloptions as the model has them.</summary>
    private static StorageParameters? TableStorage(string[]? options) =>
        Storage(options, PostgresStorageParameters.TableCanonical);

    /// <summary>A view's options as the model has them.</summary>
    private static StorageParameters? ViewStorage(string[]? options) =>
        Storage(options, PostgresStorageParameters.ViewCanonical);

    private static string[]? Options(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<string[]>(ordinal);

    private static StorageParameters? Storage(string[]? options, Func<string, string, string> canonical)
    {
        if (options is null) return null;
        return StorageParameters.Of(options.Select(option =>
        {
            var equals = option.IndexOf('=');
            var name = equals < 0 ? option : option[..equals];
            var value = equals < 0 ? "true" : option[(equals + 1)..];
            return StorageParameter.Of(name, canonical(name, value), value);
        }));
    }
}
