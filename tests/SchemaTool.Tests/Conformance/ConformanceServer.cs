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
