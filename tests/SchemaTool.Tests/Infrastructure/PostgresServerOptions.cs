namespace SchemaTool.Tests.Infrastructure;

public sealed record PostgresServerOptions
{
    /// <summary>Extra postgresql.conf settings (e.g. wal_level = logical); they override the defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}
