using System.Data.Common;
using Microsoft.Data.Sqlite;
using SchemaTool.Dialects;

namespace SchemaTool.Tests.Conformance;

/// <summary>Where a dialect's conformance cases get their throwaway databases, and how raw SQL reaches them.</summary>
public interface IConformanceServer
{
    IDialect Dialect { get; }

    /// <summary>A new empty database; returns its URL.</summary>
    Task<string> CreateDatabaseAsync(string label);

    /// <summary>
    /// A new empty database called exactly <paramref name="name"/>, for a case whose SQL names its own database.
    /// Both sides of such a case need that name, so each side's database is on a server of its own.
    /// </summary>
    Task<string> CreateNamedDatabaseAsync(string name, CaseSide side);

    /// <summary>A connection through the plain driver, for loading a case's own SQL.</summary>
    Task<DbConnection> ConnectAsync(string url);

    Task DropDatabaseAsync(string url);
}

/// <summary>SQLite: a database is a file in a temporary folder.</summary>
public sealed class SqliteConformanceServer(string folder) : IConformanceServer
{
    private int _next;

    public IDialect Dialect { get; } = DialectRegistry.Get("sqlite");

    public Task<string> CreateDatabaseAsync(string label) =>
        Task.FromResult("sqlite:" + Path.Combine(folder, $"{Interlocked.Increment(ref _next):D4}_{label}.db"));

    public async Task<DbConnection> ConnectAsync(string url)
    {
        var connection = new SqliteConnection($"Data Source={url["sqlite:".Length..]};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public Task<string> CreateNamedDatabaseAsync(string name, CaseSide side) =>
        throw new InvalidOperationException($"a SQLite case cannot name its database ({name})");

    public Task DropDatabaseAsync(string url)
    {
        File.Delete(url["sqlite:".Length..]);
        return Task.CompletedTask;
    }
}

public enum CaseSide { Current, Desired }

/// <summary>One server's way to make, reach and drop databases.</summary>
public sealed record ConformanceHost(
    Func<string, Task<string>> Create,
    Func<string, Task> CreateExactly,
    Func<string, string> Url,
    Func<string, DbConnection> Connect,
    Func<string, Task> Drop);

/// <summary>
/// PostgreSQL and MariaDB: a database per side on the shared throwaway server of the test run. A case that names
/// its database gets its current side on a second server, started on first need and stopped with this object.
/// </summary>
public sealed class ServerConformanceServer(string dialect, ConformanceHost host, Func<Task<(ConformanceHost Host, IAsyncDisposable Server)>>? second)
    : IConformanceServer, IAsyncDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ConformanceHost Host, string Name)> _names = new();
    private readonly SemaphoreSlim _secondLock = new(1, 1);
    private (ConformanceHost Host, IAsyncDisposable Server)? _second;

    public IDialect Dialect { get; } = DialectRegistry.Get(dialect);

    public static ServerConformanceServer Postgres()
    {
        var server = Infrastructure.PostgresServer.Shared;
        return new ServerConformanceServer("postgres", new ConformanceHost(p => server.CreateDatabaseAsync(p),
            name => throw new InvalidOperationException($"a PostgreSQL case cannot name its database ({name})"),
            server.Url, name => new Npgsql.NpgsqlConnection(server.ConnectionString(name)), server.DropDatabaseAsync), second: null);
    }

    public static ServerConformanceServer MariaDb() =>
        new("mysql", MariaDbHost(Infrastructure.MariaDbServer.Shared), async () =>
        {
            var server = await Infrastructure.MariaDbServer.StartAsync();
            return (MariaDbHost(server), server);
        });

    private static ConformanceHost MariaDbHost(Infrastructure.MariaDbServer server) =>
        new(p => server.CreateDatabaseAsync(p),
            async name =>
            {
                await using var admin = new MySqlConnector.MySqlConnection(server.AdminConnectionString);
                await admin.OpenAsync();
                await using var cmd = admin.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE `{name.Replace("`", "``")}`";
                await cmd.ExecuteNonQueryAsync();
            },
            server.Url, name => new MySqlConnector.MySqlConnection(server.ConnectionString(name)), server.DropDatabaseAsync);

    public async Task<string> CreateDatabaseAsync(string label)
    {
        var name = await host.Create("conf_" + label);
        return Remember(host, name);
    }

    public async Task<string> CreateNamedDatabaseAsync(string name, CaseSide side)
    {
        var on = side == CaseSide.Desired ? host : await SecondAsync(name);
        await on.CreateExactly(name);
        return Remember(on, name);
    }

    public async Task<DbConnection> ConnectAsync(string u)
    {
        var (on, name) = _names[u];
        var c = on.Connect(name);
        await c.OpenAsync();
        return c;
    }

    public async Task DropDatabaseAsync(string u)
    {
        if (_names.TryRemove(u, out var entry)) await entry.Host.Drop(entry.Name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_second is { } started) await started.Server.DisposeAsync();
    }

    private string Remember(ConformanceHost on, string name)
    {
        var u = on.Url(name);
        _names[u] = (on, name);
        return u;
    }

    private async Task<ConformanceHost> SecondAsync(string name)
    {
        if (second is null) throw new InvalidOperationException($"a {dialect} case cannot name its database ({name})");
        await _secondLock.WaitAsync();
        try
        {
            _second ??= await second();
            return _second.Value.Host;
        }
        finally
        {
            _secondLock.Release();
        }
    }
}
