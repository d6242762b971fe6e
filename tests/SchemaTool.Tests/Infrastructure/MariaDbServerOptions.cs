namespace SchemaTool.Tests.Infrastructure;

public sealed record MariaDbServerOptions
{
    /// <summary>Extra mariadbd arguments (e.g. --server-id=2, --log-bin); they come last, so they override the defaults.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
