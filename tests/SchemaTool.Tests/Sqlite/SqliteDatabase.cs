using SchemaTool.Dialects;
using SchemaTool.Dialects.Sqlite;
using SchemaTool.Model;

namespace SchemaTool.Tests.Sqlite;

/// <summary>Opens a SQLite file through the dialect, as the CLI does.</summary>
internal static class SqliteDatabase
{
    public static readonly SqliteDialect Dialect = new();

    public static async Task<IDatabaseSession> OpenAsync(string path) =>
        await Dialect.OpenAsync(Dialect.ParseTarget("sqlite:" + path, Path.GetDirectoryName(path)!), CancellationToken.None);

    public static async Task<Schema> IntrospectAsync(string path)
    {
        await using var session = await OpenAsync(path);
        return await session.IntrospectAsync(CancellationToken.None);
    }
}
