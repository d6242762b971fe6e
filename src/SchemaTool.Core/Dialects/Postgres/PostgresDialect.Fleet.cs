using Npgsql;

namespace SchemaTool.Dialects.Postgres;

public sealed partial class PostgresDialect
{
    public string WithDatabase(string serverUrl, string database) => DatabaseUrls.WithDatabase(serverUrl, database);

    public async Task<IReadOnlyList<string>> ListDatabasesAsync(string serverUrl, string like, CancellationToken cancellationToken)
    {
        var target = ParseTarget(WithDatabase(serverUrl, "postgres"), Directory.GetCurrentDirectory());
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new DatabaseException($"cannot list the databases of {target.Display}: {e.Message}", e);
        }
        await using var cmd = new NpgsqlCommand(
            "SELECT datname FROM pg_database WHERE NOT datistemplate AND datallowconn AND datname LIKE @like ORDER BY datname", connection);
        cmd.Parameters.AddWithValue("like", like);
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) names.Add(reader.GetString(0));
        return names;
    }
}
