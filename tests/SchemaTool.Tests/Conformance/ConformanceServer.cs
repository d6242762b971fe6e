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

    public Task DropDatabaseAsync(string url)
    {
        File.Delete(url["sqlite:".Length..]);
        return Task.CompletedTask;
    }
}

/// <summary>PostgreSQL and MariaDB: a database per side on the shared throwaway server of the test run.</summary>
public sealed class ServerConformanceServer(
    string dialect,
    Func<string, Task<string>> create,
    Func<string, string> url,
    Func<string, DbConnection> connection,
    Func<string, Task> drop) : IConformanceServer
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _names = new();

    public IDialect Dialect { get; } = DialectRegistry.Get(dialect);

    public static ServerConformanceServer Postgres()
    {
        var server = Infrastructure.PostgresServer.Shared;
        return new ServerConformanceServer("postgres", p => server.CreateDatabaseAsync(p), server.Url,
            name => new Npgsql.NpgsqlConnection(server.ConnectionString(name)), server.DropDatabaseAsync);
    }

    public static ServerConformanceServer MariaDb()
    {
        var server = Infrastructure.MariaDbServer.Shared;
        return new ServerConformanceServer("mysql", p => server.CreateDatabaseAsync(p), server.Url,
            name => new MySqlConnector.MySqlConnection(server.ConnectionString(name)), server.DropDatabaseAsync);
    }

    public async Task<string> CreateDatabaseAsync(string label)
    {
        var name = await create("conf_" + label);
        var u = url(name);
        _names[u] = name;
        return u;
    }

    public async Task<DbConnection> ConnectAsync(string u)
    {
        var c = connection(_names[u]);
        await c.OpenAsync();
        return c;
    }

    public async Task DropDatabaseAsync(string u)
    {
        if (_names.TryRemove(u, out var name)) await drop(name);
    }
}
