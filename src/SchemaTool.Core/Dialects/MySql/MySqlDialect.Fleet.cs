using MySqlConnector;

namespace SchemaTool.Dialects.MySql;

public sealed partial class MySqlDialect
{
    public string WithDatabase(string serverUrl, string database) => DatabaseUrls.WithDatabase(serverUrl, database);

    public async Task<IReadOnlyList<string>> ListDatabasesAsync(string serverUrl, string like, CancellationToken cancellationToken)
    {
        var target = ParseTarget(WithDatabase(serverUrl, "information_schema"), Directory.GetCurrentDirectory());
        await using var connection = new MySqlConnection(target.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (MySqlException e)
        {
            throw new DatabaseException($"cannot list the databases of {target.Display}: {e.Message}", e);
        }
        await using var cmd = new MySqlCommand("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE @like ORDER BY SCHEMA_NAME", connection);
        cmd.Parameters.AddWithValue("@like", like);
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) names.Add(reader.GetString(0));
        return names;
    }
}
