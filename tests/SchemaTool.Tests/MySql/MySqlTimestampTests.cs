using MySqlConnector;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// The portable timestamptz is MySQL's TIMESTAMP, which converts from and to the session's time zone: schematool's
/// sessions run at UTC, and a default written with an offset is stored as that instant.
/// </summary>
public sealed class MySqlTimestampTests
{
    private const string Model = """
        tables:
          events:
            columns:
              id:    { type: int, primary_key: true }
              at:    { type: timestamptz, default: "2024-01-08 12:00:00+02:00" }
              local: { type: timestamp, default: "2024-01-08 12:00:00" }
        """;

    [Fact]
    public async Task A_timestamptz_default_with_an_offset_is_that_instant_whatever_the_readers_time_zone()
    {
        await using var project = await MySqlProject.CreateAsync("tstz");
        Assert.NotNull(await project.PlanRevisionAsync(Model, "init"));
        await project.ApplyAsync();
        Assert.True((await project.PlanAsync(Model)).IsEmpty);
        Assert.Equal("+00:00", (await project.QueryAsync("SELECT @@session.time_zone")).Single()[0]);

        await project.ExecuteAsync("INSERT INTO events (id) VALUES (1)");
        // Read by a client in another zone: the instant is 10:00 UTC, the datetime stays the wall-clock value written.
        await using var connection = new MySqlConnection(project.Target.ConnectionString);
        await connection.OpenAsync();
        await using (var zone = new MySqlCommand("SET time_zone = '+05:00'", connection)) await zone.ExecuteNonQueryAsync();
        await using var read = new MySqlCommand("SELECT UNIX_TIMESTAMP(`at`), CAST(`at` AS char), CAST(`local` AS char) FROM events", connection);
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(new DateTimeOffset(2024, 1, 8, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), Convert.ToInt64(reader.GetValue(0)));
        Assert.Equal("2024-01-08 15:00:00", reader.GetString(1));
        Assert.Equal("2024-01-08 12:00:00", reader.GetString(2));
    }
}
